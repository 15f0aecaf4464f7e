package app.rapport.plugins.calendar;

import app.rapport.plugin.PluginContact;
import app.rapport.plugin.PluginInterview;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class IcsCalendarTest {

    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    private static final Instant STARTS_AT = Instant.parse("2026-12-03T14:00:00Z");

    private final IcsCalendar ics = new IcsCalendar();

    static PluginContact dana(long version) {
        return new PluginContact("dana", "Dana", "Reyes", "Staff Engineer", "Acme", List.of(), List.of(), null, "ALUMNI",
                                 "Class of 2015, met at the homecoming", List.of(), NOW, null, null, version);
    }

    static PluginInterview interview(String status, Instant startsAt, String location, long version) {
        return new PluginInterview("with-dana", "dana", status, startsAt, 25, "Europe/Berlin", location,
                                   "how platform teams hire", NOW, List.of("How did you start?", "What; would you, do \\ again?"),
                                   null, null, version);
    }

    @Test
    void aMeetingIsAnEventInItsZoneWithItsReminderAndEverythingEscapedAndFolded() {
        CalendarMeeting meeting = CalendarMeeting.of("owner-1", interview("SCHEDULED", STARTS_AT, "https://meet.example/abc", 3), dana(1));

        String feed = ics.feed(List.of(meeting), List.of(), NOW);

        assertThat(feed).contains("BEGIN:VTIMEZONE\r\nTZID:Europe/Berlin\r\n")
                        .contains("DTSTART;TZID=Europe/Berlin:20261203T150000\r\n")
                        .contains("DTEND;TZID=Europe/Berlin:20261203T152500\r\n")
                        .contains("UID:interview-with-dana.owner-1@rapport\r\n")
                        .contains("SEQUENCE:4\r\n")
                        .contains("SUMMARY:Informational interview: Dana Reyes (Acme)\r\n")
                        .contains("STATUS:CONFIRMED\r\n")
                        .contains("BEGIN:VALARM\r\nTRIGGER:-PT15M\r\n")
                        .contains("What\\; would you\\, do \\\\ again?")
                        .contains("URL:https://meet.example/abc");
        assertThat(feed.split("\r\nDTSTAMP:", -1)).as("one DTSTAMP").hasSize(2);
        assertThat(feed).contains("DTSTAMP:20261126T120000Z\r\n");
        assertThat(feed.replace("\r\n", "")).doesNotContain("\n");
        for (String line : feed.split("\r\n")) {
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75);
        }
    }

    @Test
    void whatIsWrittenReadsBack() {
        CalendarMeeting meeting = CalendarMeeting.of("owner-1", interview("SCHEDULED", STARTS_AT, "Café Einstein, Berlin", 3), dana(1));

        IcsCalendar.Copy copy = ics.read(ics.resource(meeting, NOW)).orElseThrow();

        assertThat(copy).isEqualTo(new IcsCalendar.Copy(meeting.uid(), STARTS_AT, 25, "Café Einstein, Berlin", false, NOW));
    }

    @Test
    void aCalledOffMeetingStaysMarkedCancelledAndAllDayItemsAreDates() {
        CalendarMeeting meeting = CalendarMeeting.of("owner-1", interview("CANCELLED", STARTS_AT, null, 5), dana(1));
        IcsCalendar.AllDay thanks = new IcsCalendar.AllDay("thanks-with-dana.owner-1@rapport", LocalDate.of(2026, 12, 10),
                                                           "Thank Dana Reyes", "A week after the meeting");

        String feed = ics.feed(List.of(meeting), List.of(thanks), NOW);

        assertThat(feed).contains("STATUS:CANCELLED").doesNotContain("BEGIN:VALARM")
                        .contains("DTSTART;VALUE=DATE:20261210\r\n").contains("DTEND;VALUE=DATE:20261211\r\n");
        assertThat(ics.read(ics.resource(meeting, NOW)).orElseThrow().cancelled()).isTrue();
    }
}
