package app.rapport.application.reminder;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * Reminders are filed by the UTC hour they fall due in, whoever owns them: {@code 2026-03-10T12} holds every
 * reminder due from 12:00 to 12:59:59. The names sort as the hours do.
 */
final class HourBuckets {

    static final Duration HOUR = Duration.ofHours(1);

    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH").withZone(ZoneOffset.UTC);

    private HourBuckets() {
    }

    static Instant start(Instant at) {
        return at.truncatedTo(ChronoUnit.HOURS);
    }

    static String name(Instant at) {
        return NAME.format(start(at));
    }

    static Instant startOf(String name) {
        return Instant.parse(name + ":00:00Z");
    }
}
