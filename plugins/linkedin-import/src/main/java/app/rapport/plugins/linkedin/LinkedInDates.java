package app.rapport.plugins.linkedin;

import java.text.ParsePosition;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The dates LinkedIn exports carry, in UTC: {@code 07 Feb 2026} (today's export), {@code 1/8/18, 6:14 PM} (2018),
 * {@code 6-Feb-26} (re-saved by a spreadsheet), {@code 2015-04-07 21:37:00 UTC} (messages), and ISO dates.
 */
final class LinkedInDates {

    private static final List<DateTimeFormatter> DAYS = List.of(
            pattern("d MMM uuuu"), pattern("d-MMM-uu"), pattern("d-MMM-uuuu"), pattern("M/d/uu"), pattern("M/d/uuuu"),
            DateTimeFormatter.ISO_LOCAL_DATE);
    private static final List<DateTimeFormatter> MOMENTS = List.of(
            pattern("M/d/uu, h:mm a"), pattern("M/d/uuuu, h:mm a"), pattern("uuuu-MM-dd HH:mm:ss 'UTC'"),
            pattern("uuuu-MM-dd HH:mm:ss"), DateTimeFormatter.ISO_LOCAL_DATE_TIME);

    private LinkedInDates() {
    }

    /** The moment, or null when the text is none of LinkedIn's date forms. */
    static Instant parse(String text) {
        String value = text.strip().replace('\u202F', ' ');
        for (DateTimeFormatter format : MOMENTS) {
            Instant at = read(value, format, moment -> LocalDateTime.from(moment).toInstant(ZoneOffset.UTC));
            if (at != null) {
                return at;
            }
        }
        for (DateTimeFormatter format : DAYS) {
            Instant at = read(value, format, day -> LocalDate.from(day).atStartOfDay().toInstant(ZoneOffset.UTC));
            if (at != null) {
                return at;
            }
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException ignored) {
            return null;
        }
    }

    /** The text read in this form, or null when it has another form or impossible values (a 32nd of June). */
    private static Instant read(String value, DateTimeFormatter format, Function<TemporalAccessor, Instant> toInstant) {
        if (!fits(value, format)) {
            return null;
        }
        try {
            return toInstant.apply(format.parse(value));
        } catch (DateTimeException notADate) {
            return null;
        }
    }

    /**
     * Whether the whole text has the form, without resolving it: a form that does not fit is found without an
     * exception, and an export's every row tries several forms before its own.
     */
    private static boolean fits(String value, DateTimeFormatter format) {
        ParsePosition position = new ParsePosition(0);
        return format.parseUnresolved(value, position) != null && position.getErrorIndex() < 0
               && position.getIndex() == value.length();
    }

    private static DateTimeFormatter pattern(String pattern) {
        return new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(pattern)
                                             .parseDefaulting(ChronoField.ERA, 1)
                                             .toFormatter(Locale.ENGLISH);
    }
}
