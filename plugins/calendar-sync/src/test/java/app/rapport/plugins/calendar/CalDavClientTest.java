package app.rapport.plugins.calendar;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The CalDAV client's preconditions and listings, against Radicale. */
class CalDavClientTest {

    @RegisterExtension
    static final RunningCalDav CALENDARS = RunningCalDav.radicale();

    @Test
    void writesOnlyOverTheVersionLastReadAndNeverOverAnUnseenOne() {
        CalDavClient client = client(CALENDARS.server().newCalendar("preconditions"));
        String href = client.hrefOf("rapport-one.ics");
        String text = meeting("one");

        String etag = client.put(href, text, null);

        assertThat(etag).isNotBlank();
        assertThatThrownBy(() -> client.put(href, text, null)).as("If-None-Match: * over an existing one").isInstanceOf(CalDavClient.Changed.class);
        String newer = client.put(href, text.replace("Dana", "Dana R."), etag);
        assertThatThrownBy(() -> client.put(href, text, etag)).as("If-Match with a stale ETag").isInstanceOf(CalDavClient.Changed.class);
        assertThat(client.get(href).orElseThrow().etag()).isEqualTo(newer);
        assertThat(client.list()).containsEntry(href, newer);

        client.delete(href, newer);
        client.delete(href, null);
        assertThat(client.get(href)).isEmpty();
    }

    @Test
    void changesAreListedSinceATokenAndAnUnknownTokenIsReportedAsSuch() {
        CalDavClient client = client(CALENDARS.server().newCalendar("changes"));
        String token = client.syncToken().orElseThrow();
        String first = client.hrefOf("rapport-a.ics");
        String second = client.hrefOf("rapport-b.ics");
        client.put(first, meeting("a"), null);
        String secondEtag = client.put(second, meeting("b"), null);
        client.delete(first, null);

        CalDavClient.Changes changes = client.changesSince(token);

        assertThat(changes.resources()).contains(new CalDavClient.Listed(first, null, true),
                                                 new CalDavClient.Listed(second, secondEtag, false));
        assertThat(changes.nextToken()).isNotEqualTo(token);
        assertThat(client.changesSince(changes.nextToken()).resources()).isEmpty();
        assertThatThrownBy(() -> client.changesSince("http://radicale.org/ns/sync/unknown")).isInstanceOf(CalDavClient.TokenRefused.class);
    }

    @Test
    void aWrongPasswordAndAMissingCalendarAreSaidInWords() {
        URI calendar = CALENDARS.server().newCalendar("words");
        CalDavClient wrong = new CalDavClient(calendar, CalDavServer.USER, "not the password");
        assertThatThrownBy(wrong::checkCalendar).hasMessage("the calendar server refused the user name or password");
        CalDavClient nowhere = client(calendar.resolve("../missing/"));
        assertThatThrownBy(nowhere::checkCalendar).hasMessageContaining("has no calendar at");
    }

    private static CalDavClient client(URI calendar) {
        return new CalDavClient(calendar, CalDavServer.USER, CalDavServer.PASSWORD);
    }

    private static String meeting(String id) {
        CalendarMeeting meeting = CalendarMeeting.of("owner-1", IcsCalendarTest.interview("SCHEDULED", Instant.parse("2027-01-14T15:00:00Z"), null, 1),
                                                     IcsCalendarTest.dana(1));
        return new IcsCalendar().resource(meeting, Instant.now()).replace("with-dana", id);
    }

}
