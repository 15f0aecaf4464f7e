package app.rapport.api.reminder;

import app.rapport.api.support.RunningServer;
import app.rapport.application.reminder.ReminderSweeper;
import app.rapport.application.storage.Store;
import app.rapport.domain.interview.MarkNudgeDue;
import app.rapport.domain.interview.MarkThanksOverdue;
import app.rapport.domain.interview.NudgeBecameDue;
import app.rapport.domain.interview.ThanksBecameOverdue;
import app.rapport.domain.shared.InterviewId;
import app.rapport.domain.shared.OwnerId;
import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Reminders in the running server, sweeping every 200 ms: a meeting recorded over HTTP as held eight days ago
 * leaves its thanks overdue, which the interview's stored events record exactly once, as {@code system:reminders};
 * so does a request left unanswered for more than the configured wait.
 */
class RemindersApiTest {

    private static final String SIGN_UP = """
            mutation($email: String!) {
              signUp(email: $email, password: "a long enough secret", displayName: "Maya") { token account { id } }
            }""";
    private static final String ADD_CONTACT = """
            mutation($id: ID!) { addContact(input: {id: $id, givenName: "Dana", source: ALUMNI}) { id } }""";
    private static final String REQUEST = """
            mutation($id: ID!, $contactId: ID!, $at: DateTime!) {
              requestInterview(input: {id: $id, contactId: $contactId, channel: EMAIL, requestedMinutes: 20, requestedAt: $at}) { id status }
            }""";
    private static final String CONFIRM = """
            mutation($id: ID!, $at: DateTime!) {
              confirmMeeting(input: {interviewId: $id, startsAt: $at, durationMinutes: 30, format: VIDEO, timeZone: "UTC"}) { status }
            }""";
    private static final String RECORD_NOTES = """
            mutation($id: ID!, $at: DateTime!) {
              recordNotes(input: {interviewId: $id, heldAt: $at, summary: "Start with the manuals"}) { status thanksDueBy thanksOverdue }
            }""";
    private static final String INTERVIEW = "query($id: ID!) { interview(id: $id) { status thanksDueBy thanksOverdue } }";

    @TempDir
    static Path dataDir;

    private static RunningServer running;
    private static ConfigurableApplicationContext server;
    private static RestClient http;

    @BeforeAll
    static void start() {
        running = RunningServer.start(dataDir, "--rapport.reminders.sweep-interval=PT0.2S", "--rapport.reminders.nudge-after=P2D");
        server = running.context();
        http = running.http();
    }

    @AfterAll
    static void stop() {
        running.close();
    }

    @Test
    void thanksForAMeetingHeldEightDaysAgoBecomeOverdueOnce() {
        JsonNode account = data(null, SIGN_UP, Map.of("email", "maya." + UUID.randomUUID() + "@example.org")).path("signUp");
        String token = account.path("token").asText();
        String owner = account.path("account").path("id").asText();
        Instant heldAt = Instant.now().minus(Duration.ofDays(8)).truncatedTo(ChronoUnit.SECONDS);
        data(token, ADD_CONTACT, Map.of("id", "dana"));
        data(token, REQUEST, Map.of("id", "first-chat", "contactId", "dana", "at", heldAt.minus(Duration.ofDays(3)).toString()));
        data(token, CONFIRM, Map.of("id", "first-chat", "at", heldAt.toString()));

        JsonNode held = data(token, RECORD_NOTES, Map.of("id", "first-chat", "at", heldAt.toString())).path("recordNotes");
        assertThat(held.path("status").asText()).isEqualTo("HELD");
        assertThat(held.path("thanksDueBy").asText()).isEqualTo(heldAt.plus(Duration.ofDays(7)).toString());

        String interview = owner + "/first-chat";
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
               .until(() -> storedEvents(interview, ThanksBecameOverdue.class) >= 1);
        // more sweeps, as by a second server, and the same reminder fired again by hand: nothing more is recorded
        server.getBean(ReminderSweeper.class).sweep();
        server.getBean(ReminderSweeper.class).sweep();
        server.getBean(CommandGateway.class).sendAndWait(new MarkThanksOverdue(new InterviewId(new OwnerId(owner), "first-chat")));

        assertThat(storedEvents(interview, ThanksBecameOverdue.class)).isEqualTo(1);
        DomainEventMessage<?> overdue = events(interview).stream()
                .filter(event -> event.getPayload() instanceof ThanksBecameOverdue).findFirst().orElseThrow();
        assertThat(((ThanksBecameOverdue) overdue.getPayload()).dueBy()).isEqualTo(heldAt.plus(Duration.ofDays(7)));
        assertThat(overdue.getMetaData()).containsEntry("actor", "system:reminders");
        JsonNode shown = data(token, INTERVIEW, Map.of("id", "first-chat")).path("interview");
        assertThat(shown.path("status").asText()).isEqualTo("HELD");
        assertThat(shown.path("thanksOverdue").asBoolean()).isTrue();
    }

    @Test
    void aRequestUnansweredForLongerThanTheConfiguredWaitIsNudgedOnce() {
        JsonNode account = data(null, SIGN_UP, Map.of("email", "maya." + UUID.randomUUID() + "@example.org")).path("signUp");
        String token = account.path("token").asText();
        String owner = account.path("account").path("id").asText();
        data(token, ADD_CONTACT, Map.of("id", "lee"));
        Instant requestedAt = Instant.now().minus(Duration.ofDays(3)).truncatedTo(ChronoUnit.SECONDS);
        data(token, REQUEST, Map.of("id", "ask-lee", "contactId", "lee", "at", requestedAt.toString()));

        String interview = owner + "/ask-lee";
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
               .until(() -> storedEvents(interview, NudgeBecameDue.class) >= 1);
        server.getBean(ReminderSweeper.class).sweep();
        server.getBean(CommandGateway.class).sendAndWait(
                new MarkNudgeDue(new InterviewId(new OwnerId(owner), "ask-lee"), requestedAt.plus(Duration.ofDays(2))));

        assertThat(storedEvents(interview, NudgeBecameDue.class)).isEqualTo(1);
        NudgeBecameDue nudge = (NudgeBecameDue) events(interview).stream()
                .map(DomainEventMessage::getPayload).filter(NudgeBecameDue.class::isInstance).findFirst().orElseThrow();
        assertThat(nudge.requestedAt()).isEqualTo(requestedAt);
        assertThat(nudge.dueAt()).isEqualTo(requestedAt.plus(Duration.ofDays(2)));
    }

    /** How many events of this type the event store holds for the aggregate, read from its raw commits. */
    private static long storedEvents(String aggregateId, Class<?> type) {
        Store store = server.getBean(Store.class);
        long count = 0;
        for (Document commit : store.database().getCollection("events").find(new Document("events.aggregateId", aggregateId))) {
            for (Document event : commit.getList("events", Document.class)) {
                if (aggregateId.equals(event.getString("aggregateId")) && type.getName().equals(event.getString("payloadType"))) {
                    count++;
                }
            }
        }
        return count;
    }

    private static List<? extends DomainEventMessage<?>> events(String aggregateId) {
        return server.getBean(EventStore.class).readEvents(aggregateId).asStream().toList();
    }

    private static JsonNode data(String token, String query, Map<String, Object> variables) {
        Map<String, Object> body = new HashMap<>();
        body.put("query", query);
        body.put("variables", variables);
        RestClient.RequestBodySpec request = http.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON);
        if (token != null) {
            request = request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        }
        JsonNode response = request.body(body).exchange((sent, answer) -> answer.bodyTo(JsonNode.class));
        assertThat(response.path("errors").isMissingNode()).as(response.toString()).isTrue();
        return response.path("data");
    }
}
