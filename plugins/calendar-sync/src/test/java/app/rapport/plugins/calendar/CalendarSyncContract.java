package app.rapport.plugins.calendar;

import app.rapport.plugin.testkit.TestServer;
import app.rapport.plugin.testkit.TestUser;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Calendar sync against a real CalDAV server, through the running server's GraphQL API: meetings pushed, moved and
 * cancelled; edits made in the calendar pulled back; the server down and up again; conflicts. Each server's test
 * class runs it against its own server.
 */
abstract class CalendarSyncContract {


    static final Path LOG = Path.of("target/calendar-sync-test.log");
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String CONNECT = """
            mutation($url: String!, $password: String!) {
              connectCalDav(url: $url, username: "maya", password: $password) { id url username status lastSyncedAt lastError lastConflict }
            }""";
    private static final String SYNC = "mutation { syncCalendar { id status lastError lastConflict } }";

    /** The calendar server the tests run against. */
    abstract CalDavServer calendars();

    @Test
    void aConfirmedMeetingIsWrittenToTheCalendarMovedWithItAndDeletedWhenCalledOff(TestServer server) {
        TestUser maya = server.signUp();
        URI calendar = calendars().newCalendar("interviews-" + shortId());
        String interview = scheduledInterview(maya, Instant.parse("2027-01-14T15:00:00Z"));

        JsonNode connection = connect(maya, calendar);
        assertThat(connection.path("status").asText()).as(connection.toString()).isEqualTo("OK");
        assertThat(connection.path("url").asText()).isEqualTo(calendar.toString());
        assertThat(connection.toString()).doesNotContain(CalDavServer.PASSWORD);

        URI resource = calendar.resolve("rapport-" + interview + ".ics");
        HttpResponse<String> written = calendars().get(resource);
        assertThat(written.statusCode()).isEqualTo(200);
        assertThat(unfolded(written.body())).contains("DTSTART;TZID=Europe/Berlin:20270114T160000")
                                            .contains("SUMMARY:Informational interview: Dana Reyes (Acme)")
                                            .contains("UID:interview-" + interview + "." + maya.accountId() + "@rapport");
        int firstSequence = sequence(written.body());

        JsonNode contact = maya.graphQl("query($id: ID!) { interview(id: $id) { contact { id } } }", Map.of("id", interview));
        maya.graphQl("mutation($id: ID!) { updateContact(input: {id: $id, familyName: \"Reyes-Ortiz\"}) { id } }",
                     Map.of("id", contact.path("data").path("interview").path("contact").path("id").asText()));
        server.awaitPlugin(CalendarSyncPlugin.ID, PATIENCE);
        HttpResponse<String> renamed = calendars().get(resource);
        assertThat(unfolded(renamed.body())).contains("SUMMARY:Informational interview: Dana Reyes-Ortiz (Acme)");
        assertThat(sequence(renamed.body())).isGreaterThan(firstSequence);
        firstSequence = sequence(renamed.body());

        maya.graphQl("mutation($id: ID!) { rescheduleMeeting(input: {interviewId: $id, startsAt: \"2027-01-15T09:30:00Z\", reason: \"train strike\"}) { id } }",
                     Map.of("id", interview));
        server.awaitPlugin(CalendarSyncPlugin.ID, PATIENCE);
        HttpResponse<String> moved = calendars().get(resource);
        assertThat(unfolded(moved.body())).contains("DTSTART;TZID=Europe/Berlin:20270115T103000");
        assertThat(sequence(moved.body())).isGreaterThan(firstSequence);
        assertThat(moved.headers().firstValue("ETag")).isNotEqualTo(written.headers().firstValue("ETag"));

        maya.graphQl("mutation($id: ID!) { cancelMeeting(input: {interviewId: $id, reason: \"they changed jobs\"}) { id } }",
                     Map.of("id", interview));
        server.awaitPlugin(CalendarSyncPlugin.ID, PATIENCE);
        assertThat(calendars().get(resource).statusCode()).isEqualTo(404);
    }

    @Test
    void aMeetingMovedInTheCalendarMovesInRapportAndOneDeletedThereIsCalledOff(TestServer server) {
        TestUser maya = server.signUp();
        URI calendar = calendars().newCalendar("interviews-" + shortId());
        String interview = scheduledInterview(maya, Instant.parse("2027-02-01T10:00:00Z"));
        connect(maya, calendar);
        URI resource = calendar.resolve("rapport-" + interview + ".ics");

        editInCalendar(calendars(), resource, Instant.now(), "DTSTART;TZID=Europe/Berlin:20270201T110000", "DTSTART;TZID=Europe/Berlin:20270202T140000",
                       "DTEND;TZID=Europe/Berlin:20270201T112500", "DTEND;TZID=Europe/Berlin:20270202T144500");

        JsonNode synced = maya.graphQl(SYNC).path("data").path("syncCalendar").get(0);
        assertThat(synced.path("status").asText()).as(synced.toString()).isEqualTo("OK");

        JsonNode meeting = maya.graphQl("query($id: ID!) { interview(id: $id) { status meeting { startsAt durationMinutes } } }", Map.of("id", interview))
                               .path("data").path("interview");
        assertThat(Instant.parse(meeting.path("meeting").path("startsAt").asText())).isEqualTo(Instant.parse("2027-02-02T13:00:00Z"));
        assertThat(meeting.path("meeting").path("durationMinutes").asInt()).isEqualTo(45);
        JsonNode step = lastHistoryEntry(maya);
        assertThat(step.path("type").asText()).isEqualTo("MeetingRescheduled");
        assertThat(step.path("actor").asText()).isEqualTo("plugin:calendar-sync");
        assertThat(step.path("summary").asText()).contains("Moved in the calendar");

        assertThat(calendars().delete(resource).statusCode()).isIn(200, 204);
        maya.graphQl(SYNC);
        JsonNode called = maya.graphQl("query($id: ID!) { interview(id: $id) { status } }", Map.of("id", interview));
        assertThat(called.path("data").path("interview").path("status").asText()).isEqualTo("CANCELLED");
        JsonNode cancelled = lastHistoryEntry(maya);
        assertThat(cancelled.path("actor").asText()).isEqualTo("plugin:calendar-sync");
        assertThat(cancelled.path("summary").asText()).contains("Deleted in the calendar");
    }

    @Test
    void onlyRapportsOwnMeetingsAreTouchedAndAForgottenPersonsMeetingLeavesTheCalendar(TestServer server) {
        TestUser maya = server.signUp();
        URI calendar = calendars().newCalendar("interviews-" + shortId());
        URI dentist = someoneElsesEvent(calendar);
        String etag = calendars().get(dentist).headers().firstValue("ETag").orElseThrow();
        String interview = scheduledInterview(maya, Instant.parse("2027-01-14T15:00:00Z"));
        connect(maya, calendar);
        maya.graphQl(SYNC);

        String contact = maya.graphQl("query($id: ID!) { interview(id: $id) { contact { id } } }", Map.of("id", interview))
                             .path("data").path("interview").path("contact").path("id").asText();
        maya.graphQl("mutation($id: ID!) { forgetContact(id: $id) }", Map.of("id", contact));
        server.awaitPlugin(CalendarSyncPlugin.ID, PATIENCE);

        assertThat(calendars().get(calendar.resolve("rapport-" + interview + ".ics")).statusCode()).isEqualTo(404);
        HttpResponse<String> untouched = calendars().get(dentist);
        assertThat(untouched.statusCode()).isEqualTo(200);
        assertThat(untouched.headers().firstValue("ETag")).contains(etag);
    }

    @Test
    void aDeletedAccountsMeetingsLeaveTheCalendarAndNothingElseDoes(TestServer server) throws InterruptedException {
        TestUser maya = server.signUp();
        URI calendar = calendars().newCalendar("interviews-" + shortId());
        URI dentist = someoneElsesEvent(calendar);
        String interview = scheduledInterview(maya, Instant.parse("2027-02-03T10:00:00Z"));
        connect(maya, calendar);
        maya.graphQl(SYNC);
        URI meeting = calendar.resolve("rapport-" + interview + ".ics");
        assertThat(calendars().get(meeting).statusCode()).isEqualTo(200);

        JsonNode deleted = maya.graphQl("mutation { deleteAccount(password: \"a long enough secret\") }");
        assertThat(deleted.path("data").path("deleteAccount").asBoolean()).as(deleted.toString()).isTrue();

        // The account's contacts are forgotten in the background, the plugin's connection deleted after it has acted.
        Instant deadline = Instant.now().plus(PATIENCE);
        while (calendars().get(meeting).statusCode() != 404 && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        assertThat(calendars().get(meeting).statusCode()).isEqualTo(404);
        assertThat(calendars().get(dentist).statusCode()).isEqualTo(200);
    }

    @Test
    void whileTheCalendarServerIsDownNothingIsLostAndTheErrorSaysWhy(TestServer server) throws Exception {
        TestUser maya = server.signUp();
        URI calendar = calendars().newCalendar("interviews-" + shortId());
        connect(maya, calendar);

        calendars().stop();
        String interview;
        try {
            interview = scheduledInterview(maya, Instant.parse("2027-03-01T08:00:00Z"));
            server.awaitPlugin(CalendarSyncPlugin.ID, PATIENCE);
            JsonNode failing = maya.graphQl(SYNC).path("data").path("syncCalendar").get(0);
            assertThat(failing.path("status").asText()).isEqualTo("FAILING");
            assertThat(failing.path("lastError").asText()).contains("cannot be reached").contains("tries again");
            JsonNode letters = maya.graphQl("{ pluginDeadLetters(plugin: \"calendar-sync\") { eventType error } }")
                                   .path("data").path("pluginDeadLetters");
            assertThat(letters).as("the confirmation's sync, after its tries").isNotEmpty();
            assertThat(letters.get(0).path("eventType").asText()).isEqualTo("MeetingConfirmed");
            assertThat(letters.get(0).path("error").asText()).contains("cannot be reached").doesNotContain(CalDavServer.PASSWORD);
        } finally {
            calendars().start();
        }

        JsonNode synced = maya.graphQl(SYNC).path("data").path("syncCalendar").get(0);
        assertThat(synced.path("status").asText()).as(synced.toString()).isEqualTo("OK");
        assertThat(synced.path("lastError").isNull()).isTrue();
        assertThat(calendars().get(calendar.resolve("rapport-" + interview + ".ics")).body()).contains("20270301T090000");
    }

    @Test
    void whenBothSidesChangedAMeetingTheLaterEditWinsAndTheOtherIsNamed(TestServer server) throws Exception {
        TestUser maya = server.signUp();
        URI calendar = calendars().newCalendar("interviews-" + shortId());
        String interview = scheduledInterview(maya, Instant.parse("2027-04-01T10:00:00Z"));
        connect(maya, calendar);
        URI resource = calendar.resolve("rapport-" + interview + ".ics");

        calendars().stop();
        try {
            maya.graphQl("mutation($id: ID!) { rescheduleMeeting(input: {interviewId: $id, startsAt: \"2027-04-02T10:00:00Z\"}) { id } }",
                         Map.of("id", interview));
            server.awaitPlugin(CalendarSyncPlugin.ID, PATIENCE);
        } finally {
            calendars().start();
        }
        // Edited in the calendar before Rapport's move (its LAST-MODIFIED says so): Rapport's move wins.
        editInCalendar(calendars(), resource, Instant.parse("2020-01-01T00:00:00Z"), "20270401T120000", "20270405T120000",
                       "20270401T122500", "20270405T122500");

        JsonNode synced = maya.graphQl(SYNC).path("data").path("syncCalendar").get(0);
        assertThat(synced.path("lastConflict").asText()).as(synced.toString()).contains("older than the change made in Rapport");
        assertThat(unfolded(calendars().get(resource).body())).contains("DTSTART;TZID=Europe/Berlin:20270402T120000");
        assertThat(startsAt(maya, interview)).isEqualTo(Instant.parse("2027-04-02T10:00:00Z"));

        // Both change again, the calendar later: the calendar's move wins, and the history says what it replaced.
        calendars().stop();
        try {
            maya.graphQl("mutation($id: ID!) { rescheduleMeeting(input: {interviewId: $id, startsAt: \"2027-04-03T10:00:00Z\"}) { id } }",
                         Map.of("id", interview));
            server.awaitPlugin(CalendarSyncPlugin.ID, PATIENCE);
        } finally {
            calendars().start();
        }
        editInCalendar(calendars(), resource, Instant.now(), "20270402T120000", "20270406T120000", "20270402T122500", "20270406T122500");

        maya.graphQl(SYNC);
        assertThat(startsAt(maya, interview)).isEqualTo(Instant.parse("2027-04-06T10:00:00Z"));
        assertThat(lastHistoryEntry(maya).path("summary").asText()).contains("Moved in the calendar")
                                                                  .contains("replaced the change made in Rapport");
    }

    @Test
    void aWrongPasswordIsRefusedByNameAndNoPasswordReachesTheLog(TestServer server) throws Exception {
        assumeTrue(calendars().checksPasswords(), calendars().getClass().getSimpleName() + " leaves passwords to a proxy");
        TestUser maya = server.signUp();
        URI calendar = calendars().newCalendar("interviews-" + shortId());
        String wrong = "wrong-" + UUID.randomUUID();

        JsonNode refused = maya.graphQl(CONNECT, Map.of("url", calendar.toString(), "password", wrong));
        assertThat(refused.path("errors").get(0).path("extensions").path("field").asText()).as(refused.toString()).isEqualTo("password");
        assertThat(refused.path("errors").get(0).path("message").asText()).contains("refused the user name or password");
        assertThat(maya.graphQl("{ calendarSync { connections { id } } }").path("data").path("calendarSync").path("connections")).isEmpty();

        connect(maya, calendar);
        maya.graphQl(SYNC);
        String log = Files.exists(LOG) ? Files.readString(LOG) : "";
        assertThat(log).as("the server's log").isNotEmpty().doesNotContain(CalDavServer.PASSWORD).doesNotContain(wrong);
    }

    // ------------------------------------------------------------------ helpers

    static String scheduledInterview(TestUser maya, Instant startsAt) {
        String contact = "dana-" + shortId();
        String interview = "with-" + contact;
        maya.graphQl("mutation($id: ID!) { addContact(input: {id: $id, givenName: \"Dana\", familyName: \"Reyes\", organization: \"Acme\", source: ALUMNI}) { id } }",
                     Map.of("id", contact));
        maya.graphQl("mutation($id: ID!, $contact: ID!) { requestInterview(input: {id: $id, contactId: $contact, channel: EMAIL, requestedMinutes: 25, purpose: \"how platform teams hire\", requestedAt: \"2026-11-01T08:00:00Z\"}) { id } }",
                     Map.of("id", interview, "contact", contact));
        JsonNode confirmed = maya.graphQl("mutation($id: ID!, $at: DateTime!) { confirmMeeting(input: {interviewId: $id, startsAt: $at, durationMinutes: 25, format: VIDEO, location: \"https://meet.example/abc\", timeZone: \"Europe/Berlin\"}) { status } }",
                                          Map.of("id", interview, "at", startsAt.toString()));
        assertThat(confirmed.path("data").path("confirmMeeting").path("status").asText()).as(confirmed.toString()).isEqualTo("SCHEDULED");
        return interview;
    }

    static JsonNode connect(TestUser maya, URI calendar) {
        JsonNode answer = maya.graphQl(CONNECT, Map.of("url", calendar.toString(), "password", CalDavServer.PASSWORD));
        JsonNode connection = answer.path("data").path("connectCalDav");
        assertThat(connection.path("status").asText()).as(answer.toString()).isEqualTo("OK");
        return connection;
    }

    private static Instant startsAt(TestUser maya, String interview) {
        return Instant.parse(maya.graphQl("query($id: ID!) { interview(id: $id) { meeting { startsAt } } }", Map.of("id", interview))
                                 .path("data").path("interview").path("meeting").path("startsAt").asText());
    }

    private static JsonNode lastHistoryEntry(TestUser maya) {
        JsonNode contacts = maya.graphQl("{ contacts(first: 1) { edges { node { id } } } }");
        String contact = contacts.path("data").path("contacts").path("edges").get(0).path("node").path("id").asText();
        JsonNode edges = maya.graphQl("query($id: ID!) { relationshipHistory(contactId: $id) { edges { node { type actor summary } } } }",
                                      Map.of("id", contact)).path("data").path("relationshipHistory").path("edges");
        List<JsonNode> entries = new ArrayList<>();
        edges.forEach(edge -> entries.add(edge.path("node")));
        return entries.get(entries.size() - 1);
    }

    /** An edit made in a calendar app: the resource as the calendar holds it, texts replaced, LAST-MODIFIED set. */
    static void editInCalendar(CalDavServer calendars, URI resource, Instant lastModified, String... replacements) {
        HttpResponse<String> current = calendars.get(resource);
        String edited = unfolded(current.body());
        for (int i = 0; i < replacements.length; i += 2) {
            assertThat(edited).contains(replacements[i]);
            edited = edited.replace(replacements[i], replacements[i + 1]);
        }
        edited = edited.replaceAll("LAST-MODIFIED:[0-9TZ]+", "LAST-MODIFIED:"
                                   + lastModified.truncatedTo(ChronoUnit.SECONDS).toString().replace("-", "").replace(":", ""));
        assertThat(calendars.put(resource, edited, current.headers().firstValue("ETag").orElseThrow()).statusCode()).isIn(201, 204);
    }

    static String unfolded(String ics) {
        return ics.replace("\r\n ", "").replace("\r\n\t", "");
    }

    private static int sequence(String ics) {
        return Integer.parseInt(unfolded(ics).lines().filter(line -> line.startsWith("SEQUENCE:")).findFirst().orElseThrow().substring(9).strip());
    }

    /** An event another program wrote into the calendar, which Rapport must leave alone. */
    private URI someoneElsesEvent(URI calendar) {
        URI dentist = calendar.resolve("dentist.ics");
        String foreign = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Someone else//EN\r\nBEGIN:VEVENT\r\nUID:dentist-" + shortId()
                         + "@example.org\r\nDTSTAMP:20261101T000000Z\r\nDTSTART:20270114T150000Z\r\nDTEND:20270114T160000Z\r\n"
                         + "SUMMARY:Dentist\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
        assertThat(calendars().put(dentist, foreign, null).statusCode()).isEqualTo(201);
        return dentist;
    }

    static String shortId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
