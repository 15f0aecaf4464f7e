package app.rapport.plugins.calendar;

import app.rapport.plugin.testkit.RapportExtension;
import app.rapport.plugin.testkit.TestServer;
import app.rapport.plugin.testkit.TestUser;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The secret feed, fetched as a calendar app does: no sign-in, only the URL. */
@ExtendWith(RapportExtension.class)
class CalendarFeedTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theFeedShowsEveryMeetingAndWhatIsDueAndOnlyItsOwnersWithoutSigningIn(TestServer server) throws Exception {
        TestUser maya = server.signUp();
        TestUser sam = server.signUp();
        String upcoming = CalendarSyncContract.scheduledInterview(maya, Instant.parse("2027-01-14T15:00:00Z"));
        String held = CalendarSyncContract.scheduledInterview(maya, Instant.parse("2026-11-20T09:00:00Z"));
        maya.graphQl("mutation($id: ID!) { recordNotes(input: {interviewId: $id, heldAt: \"2026-11-20T09:30:00Z\", summary: \"kind and direct\"}) { id } }",
                     Map.of("id", held));
        String called = CalendarSyncContract.scheduledInterview(maya, Instant.parse("2027-02-01T10:00:00Z"));
        maya.graphQl("mutation($id: ID!) { cancelMeeting(input: {interviewId: $id}) { id } }", Map.of("id", called));
        CalendarSyncContract.scheduledInterview(sam, Instant.parse("2027-01-20T10:00:00Z"));
        ok(maya, "mutation { addContact(input: {id: \"lee\", givenName: \"Lee\", familyName: \"Park\", organization: \"Globex\", source: CAREER_FAIR}) { id } }");
        ok(maya, "mutation { logTouch(input: {contactId: \"lee\", at: \"2026-01-05T10:00:00Z\", channel: EMAIL}) { id } }");
        ok(maya, "mutation { setFollowUpCadence(contactId: \"lee\", everyDays: 30) { id } }");

        String feedUrl = feedUrl(maya);
        assertThat(feedUrl).startsWith(server.base().toString().replace("127.0.0.1", "localhost") + "/plugins/calendar-sync/feed/")
                           .endsWith(".ics");
        HttpResponse<String> feed = fetch(feedUrl);

        assertThat(feed.statusCode()).isEqualTo(200);
        assertThat(feed.headers().firstValue("Content-Type").orElse("")).startsWith("text/calendar");
        Calendar calendar = new CalendarBuilder().build(new StringReader(feed.body()));
        List<VEvent> events = calendar.getComponents("VEVENT");
        assertThat(events).extracting(event -> value(event, Property.UID)).contains(
                CalendarMeeting.uid("interview", upcoming, maya.accountId()),
                CalendarMeeting.uid("interview", held, maya.accountId()),
                CalendarMeeting.uid("interview", called, maya.accountId()),
                CalendarMeeting.uid("thanks", held, maya.accountId()),
                CalendarMeeting.uid("follow-up", "lee", maya.accountId()));
        assertThat(events).as("maya's only").hasSize(5);
        VEvent cancelled = events.stream().filter(event -> value(event, Property.UID).contains(called)).findFirst().orElseThrow();
        assertThat(value(cancelled, Property.STATUS)).isEqualTo("CANCELLED");
        VEvent thanks = events.stream().filter(event -> value(event, Property.UID).startsWith("thanks-")).findFirst().orElseThrow();
        assertThat(value(thanks, Property.SUMMARY)).isEqualTo("Thank Dana Reyes for the informational interview");
        assertThat(value(thanks, Property.DTSTART)).isEqualTo("20261127");
        VEvent followUp = events.stream().filter(event -> value(event, Property.UID).startsWith("follow-up-")).findFirst().orElseThrow();
        assertThat(value(followUp, Property.SUMMARY)).isEqualTo("Follow up with Lee Park (Globex)");
        assertThat(value(followUp, Property.DTSTART)).isEqualTo("20260204");
        assertThat(calendar.getComponents("VTIMEZONE")).hasSize(1);
    }

    @Test
    void aRotatedFeedEndsTheOldUrlAtOnce(TestServer server) throws Exception {
        TestUser maya = server.signUp();
        String old = feedUrl(maya);
        assertThat(fetch(old).statusCode()).isEqualTo(200);

        String rotated = maya.graphQl("mutation { rotateCalendarFeed }").path("data").path("rotateCalendarFeed").asText();

        assertThat(rotated).isNotEqualTo(old).isEqualTo(feedUrl(maya));
        assertThat(fetch(old).statusCode()).isEqualTo(404);
        assertThat(fetch(rotated).statusCode()).isEqualTo(200);
        String guessed = rotated.replaceAll("\\.[0-9a-f]{64}\\.ics$", "." + "0".repeat(64) + ".ics");
        assertThat(fetch(guessed).statusCode()).isEqualTo(404);
    }

    @Test
    void everyEventOfTheFeedLoadsIntoARealCalendarServer(TestServer server, @TempDir Path home) throws Exception {
        assumeTrue(Radicale.installed(), "Radicale is not installed (Debian package python3-radicale): skipped");
        TestUser maya = server.signUp();
        CalendarSyncContract.scheduledInterview(maya, Instant.parse("2027-01-14T15:00:00Z"));
        String held = CalendarSyncContract.scheduledInterview(maya, Instant.parse("2026-11-20T09:00:00Z"));
        maya.graphQl("mutation($id: ID!) { recordNotes(input: {interviewId: $id, heldAt: \"2026-11-20T09:30:00Z\"}) { id } }", Map.of("id", held));
        Calendar feed = new CalendarBuilder().build(new StringReader(fetch(feedUrl(maya)).body()));

        try (Radicale radicale = new Radicale(home)) {
            URI calendar = radicale.newCalendar("subscribed");
            for (Calendar one : feed.split()) {
                String uid = one.getUid().getValue();
                HttpResponse<String> stored = radicale.put(calendar.resolve(uid.replaceAll("[^A-Za-z0-9.-]", "_") + ".ics"),
                                                           one.toString().replace("METHOD:PUBLISH\r\n", ""), null);
                assertThat(stored.statusCode()).as(uid + ": " + stored.body()).isEqualTo(201);
            }
        }
    }

    private static void ok(TestUser user, String mutation) {
        var answer = user.graphQl(mutation);
        assertThat(answer.has("errors")).as(answer.toString()).isFalse();
    }

    private String feedUrl(TestUser maya) {
        return maya.graphQl("{ calendarSync { feedUrl } }").path("data").path("calendarSync").path("feedUrl").asText();
    }

    private HttpResponse<String> fetch(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String value(VEvent event, String property) {
        return event.getProperty(property).map(Property::getValue).orElse("");
    }
}
