package app.rapport.api.history;

import app.rapport.api.support.RunningServer;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.graphql.client.WebSocketGraphQlClient;
import org.springframework.graphql.client.WebSocketGraphQlClientInterceptor;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/** The relationship history and the contact as of an instant, over real HTTP and WebSocket against the server. */
class HistoryApiTest {

    private static final String HISTORY = """
            query($contactId: ID!, $first: Int, $after: String) {
              relationshipHistory(contactId: $contactId, first: $first, after: $after) {
                edges { cursor node { sequence at happenedAt type summary actor contactId interviewId data } }
                pageInfo { hasNextPage endCursor }
              }
            }""";
    private static final String CONTACT_AS_OF = """
            query($id: ID!, $asOf: DateTime) { contact(id: $id, asOf: $asOf) { id title organization displayName } }""";
    private static final String ADD_CONTACT = """
            mutation($input: AddContactInput!) { addContact(input: $input) { id } }""";
    private static final String UPDATE_CONTACT = """
            mutation($input: UpdateContactInput!) { updateContact(input: $input) { id title } }""";
    private static final String LOG_TOUCH = """
            mutation($input: LogTouchInput!) { logTouch(input: $input) { id } }""";
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH);
    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");

    @TempDir
    static Path dataDir;

    private static RunningServer running;
    private static int port;
    private static RestClient http;

    @BeforeAll
    static void start() {
        running = RunningServer.start(dataDir);
        port = running.port();
        http = running.http();
    }

    @AfterAll
    static void stop() {
        running.close();
    }

    @Test
    void aWorkflowThroughTheMutationsReadsBackAsAHistoryInOrderWithSentencesAndTheUser() {
        User maya = signUp();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        Instant startsAt = now.minus(Duration.ofDays(5));
        Instant heldAt = startsAt.plus(Duration.ofMinutes(30));

        ok(maya, ADD_CONTACT, Map.of("input", Map.of("id", "dana", "givenName", "Dana", "familyName", "Reyes",
                                                      "title", "Staff Engineer", "organization", "Acme", "source", "ALUMNI")));
        ok(maya, UPDATE_CONTACT, Map.of("input", Map.of("id", "dana", "title", "Engineering Manager")));
        ok(maya, "mutation($input: RequestInterviewInput!) { requestInterview(input: $input) { id } }",
           Map.of("input", Map.of("id", "first-chat", "contactId", "dana", "channel", "EMAIL", "requestedMinutes", 20,
                                   "purpose", "Learn how platform teams hire", "requestedAt", now.minus(Duration.ofDays(10)).toString())));
        ok(maya, "mutation($input: ConfirmMeetingInput!) { confirmMeeting(input: $input) { id } }",
           Map.of("input", Map.of("interviewId", "first-chat", "startsAt", startsAt.toString(), "durationMinutes", 30,
                                   "format", "VIDEO", "timeZone", "America/Chicago")));
        ok(maya, "mutation($input: PrepareQuestionsInput!) { prepareQuestions(input: $input) { id } }",
           Map.of("input", Map.of("interviewId", "first-chat", "questions", List.of("How do teams hire?", "What surprised you?"))));
        ok(maya, "mutation($input: RecordNotesInput!) { recordNotes(input: $input) { id } }",
           Map.of("input", Map.of("interviewId", "first-chat", "heldAt", heldAt.toString(), "summary", "Hiring is by referral")));
        // The held meeting becomes a touch through a policy of its own, a moment after the notes.
        awaitTrue(() -> types(history(maya, "dana", 200, null)).contains("TouchLogged"));
        ok(maya, ADD_CONTACT, Map.of("input", Map.of("id", "sam", "givenName", "Sam", "source", "OTHER")));
        ok(maya, "mutation($input: RecordReferralInput!) { recordReferral(input: $input) { id } }",
           Map.of("input", Map.of("interviewId", "first-chat", "toContactId", "sam", "mayUseName", true)));
        ok(maya, "mutation($input: SendThanksInput!) { sendThanks(input: $input) { id } }",
           Map.of("input", Map.of("interviewId", "first-chat", "sentAt", heldAt.plus(Duration.ofDays(1)).toString(), "channel", "EMAIL")));

        JsonNode history = history(maya, "dana", 200, null);
        List<JsonNode> entries = nodes(history);
        assertThat(types(history)).containsExactly("ContactAdded", "ContactUpdated", "InterviewRequested", "ResponseRecorded",
                                                   "MeetingConfirmed", "QuestionsPrepared", "NotesRecorded", "TouchLogged",
                                                   "ReferralRecorded", "ThanksSent");
        assertThat(entries).extracting(entry -> entry.path("sequence").asInt()).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        assertThat(entries).extracting(entry -> entry.path("actor").asText()).containsOnly("user:" + maya.id());
        assertThat(entries).extracting(entry -> entry.path("contactId").asText()).containsOnly("dana");
        assertThat(entries.get(0).path("summary").asText())
                .isEqualTo("Added Dana Reyes, Staff Engineer at Acme, found through the alumni network");
        assertThat(entries.get(1).path("summary").asText()).isEqualTo("Updated title to \"Engineering Manager\"");
        assertThat(entries.get(2).path("summary").asText())
                .isEqualTo("Requested a 20-minute informational interview by email: \"Learn how platform teams hire\"");
        assertThat(entries.get(4).path("summary").asText())
                .isEqualTo("Confirmed a 30-minute video meeting for " + MINUTE.format(startsAt.atZone(CHICAGO)) + " America/Chicago");
        assertThat(entries.get(5).path("summary").asText()).isEqualTo("Prepared 2 questions for the interview");
        assertThat(entries.get(6).path("summary").asText())
                .startsWith("Held the meeting on " + MINUTE.format(heldAt.atZone(CHICAGO)) + " America/Chicago and recorded notes: \"Hiring is by referral\"");
        assertThat(entries.get(8).path("summary").asText())
                .isEqualTo("Got a referral to Sam, with permission to use the interviewee's name");
        assertThat(entries.get(0).path("interviewId").isNull()).isTrue();
        assertThat(entries.get(2).path("interviewId").asText()).isEqualTo("first-chat");
        assertThat(entries.get(4).path("data").path("timeZone").asText()).isEqualTo("America/Chicago");
        assertThat(entries.get(4).path("data").path("durationMinutes").asInt()).isEqualTo(30);
        assertThat(Instant.parse(entries.get(0).path("at").asText())).isBefore(Instant.parse(entries.get(9).path("at").asText()));
        // Steps recorded after the fact say when they were taken; the others happened when recorded.
        assertThat(Instant.parse(entries.get(2).path("happenedAt").asText())).isEqualTo(now.minus(Duration.ofDays(10)));
        assertThat(Instant.parse(entries.get(6).path("happenedAt").asText())).isEqualTo(heldAt);
        assertThat(Instant.parse(entries.get(9).path("happenedAt").asText())).isEqualTo(heldAt.plus(Duration.ofDays(1)));
        assertThat(Instant.parse(entries.get(2).path("at").asText())).isAfter(now.minus(Duration.ofMinutes(2)));
        assertThat(entries.get(0).path("happenedAt").isNull()).isTrue();
        assertThat(entries.get(4).path("happenedAt").isNull()).as("confirming a meeting happens when recorded").isTrue();
        assertThat(types(history(maya, "sam", 200, null))).containsExactly("ContactAdded", "IntroductionRecorded");

        // pages of four, following the cursor
        JsonNode first = history(maya, "dana", 4, null);
        assertThat(nodes(first)).extracting(entry -> entry.path("sequence").asInt()).containsExactly(1, 2, 3, 4);
        assertThat(first.path("pageInfo").path("hasNextPage").asBoolean()).isTrue();
        JsonNode second = history(maya, "dana", 4, first.path("pageInfo").path("endCursor").asText());
        assertThat(nodes(second)).extracting(entry -> entry.path("sequence").asInt()).containsExactly(5, 6, 7, 8);
        JsonNode last = history(maya, "dana", 4, second.path("pageInfo").path("endCursor").asText());
        assertThat(nodes(last)).extracting(entry -> entry.path("sequence").asInt()).containsExactly(9, 10);
        assertThat(last.path("pageInfo").path("hasNextPage").asBoolean()).isFalse();
        JsonNode tooMany = graphQl(maya.token(), HISTORY, Map.of("contactId", "dana", "first", 500));
        assertThat(tooMany.path("errors").path(0).path("extensions").path("classification").asText()).isEqualTo("BAD_REQUEST");

        // another user's "dana" is another relationship: nothing of Maya's shows
        User ben = signUp();
        assertThat(nodes(history(ben, "dana", 200, null))).isEmpty();

        // forgetting keeps only what kinds of steps happened
        ok(maya, "mutation { forgetContact(id: \"dana\") }", Map.of());
        JsonNode forgotten = history(maya, "dana", 200, null);
        assertThat(types(forgotten)).hasSize(11).endsWith("ThanksSent", "ContactForgotten");
        assertThat(forgotten.toString()).doesNotContain("Dana", "Reyes", "Acme", "Engineering Manager", "platform teams", "Hiring is");
        assertThat(nodes(forgotten).get(0).path("summary").asText()).isEqualTo("Added a contact, found through the alumni network");
    }

    @Test
    void asOfShowsTheContactAsItStoodBeforeAndAfterAnUpdateAndNothingBeforeItWasAdded() {
        User maya = signUp();
        Instant beforeAdding = Instant.now();
        awaitTrue(() -> Instant.now().isAfter(beforeAdding));
        ok(maya, ADD_CONTACT, Map.of("input", Map.of("id", "lee", "givenName", "Lee", "title", "Analyst", "organization", "Globex",
                                                      "source", "LINKEDIN")));
        Instant beforeUpdate = Instant.now();
        awaitTrue(() -> Instant.now().isAfter(beforeUpdate));
        ok(maya, UPDATE_CONTACT, Map.of("input", Map.of("id", "lee", "title", "Director", "organization", "")));

        JsonNode then = contactAsOf(maya, "lee", beforeUpdate.toString());
        assertThat(then.path("title").asText()).isEqualTo("Analyst");
        assertThat(then.path("organization").asText()).isEqualTo("Globex");
        JsonNode later = contactAsOf(maya, "lee", Instant.now().toString());
        assertThat(later.path("title").asText()).isEqualTo("Director");
        assertThat(later.path("organization").isNull()).isTrue();
        assertThat(contactAsOf(maya, "lee", beforeAdding.toString()).isNull()).isTrue();
        assertThat(contactAsOf(signUp(), "lee", Instant.now().toString()).isNull()).as("another user's lee").isTrue();
        assertThat(contactAsOf(maya, "lee", null).path("title").asText()).isEqualTo("Director");
    }

    @Test
    void aSubscriptionReceivesItsOwnersNewEntriesAndNoOneElses() {
        User maya = signUp();
        User ben = signUp();
        for (User user : List.of(maya, ben)) {
            ok(user, ADD_CONTACT, Map.of("input", Map.of("id", "sam", "givenName", "Sam", "source", "OTHER")));
        }
        List<JsonNode> samOnly = new CopyOnWriteArrayList<>();
        List<JsonNode> everything = new CopyOnWriteArrayList<>();
        WebSocketGraphQlClient client = webSocketClient(maya);
        List<Disposable> subscriptions = new ArrayList<>();
        try {
            subscriptions.add(subscribe(client, "sam", samOnly));
            subscriptions.add(subscribe(client, null, everything));
            // A subscription starts a moment after it is sent: touch until both receive, with a deadline.
            int[] touches = {0};
            awaitTrue(() -> {
                touches[0]++;
                ok(maya, LOG_TOUCH, Map.of("input", Map.of("contactId", "sam", "at", Instant.now().toString(), "channel", "PHONE",
                                                            "note", "touch " + touches[0])));
                return !samOnly.isEmpty() && !everything.isEmpty();
            });

            ok(ben, LOG_TOUCH, Map.of("input", Map.of("contactId", "sam", "at", Instant.now().toString(), "channel", "EMAIL",
                                                       "note", "Ben's touch")));
            ok(maya, ADD_CONTACT, Map.of("input", Map.of("id", "kim", "givenName", "Kim", "source", "OTHER")));
            ok(maya, UPDATE_CONTACT, Map.of("input", Map.of("id", "sam", "title", "Recruiter")));
            awaitTrue(() -> samOnly.stream().anyMatch(entry -> entry.path("type").asText().equals("ContactUpdated"))
                    && everything.stream().anyMatch(entry -> entry.path("type").asText().equals("ContactUpdated")));

            JsonNode update = samOnly.stream().filter(entry -> entry.path("type").asText().equals("ContactUpdated")).findFirst().orElseThrow();
            assertThat(update.path("summary").asText()).isEqualTo("Updated title to \"Recruiter\"");
            assertThat(update.path("actor").asText()).isEqualTo("user:" + maya.id());
            assertThat(update.path("sequence").asInt()).isEqualTo(touches[0] + 2);
            assertThat(samOnly).extracting(entry -> entry.path("contactId").asText()).containsOnly("sam");
            assertThat(everything).extracting(entry -> entry.path("contactId").asText()).contains("sam", "kim");
            for (List<JsonNode> received : List.of(samOnly, everything)) {
                assertThat(received).extracting(entry -> entry.path("actor").asText()).containsOnly("user:" + maya.id());
                assertThat(received.toString()).doesNotContain("Ben's touch");
            }
        } finally {
            subscriptions.forEach(Disposable::dispose);
            client.stop().block(Duration.ofSeconds(10));
        }
    }

    // ---------------------------------------------------------------- helpers

    private record User(String id, String token) {
    }

    private static Disposable subscribe(WebSocketGraphQlClient client, String contactId, List<JsonNode> into) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("contactId", contactId);
        return client.document("""
                             subscription($contactId: ID) {
                               historyAppended(contactId: $contactId) { sequence type summary actor contactId interviewId data }
                             }""")
                     .variables(variables)
                     .executeSubscription()
                     .subscribe(response -> into.add(response.field("historyAppended").toEntity(JsonNode.class)));
    }

    private static JsonNode history(User user, String contactId, int first, String after) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("contactId", contactId);
        variables.put("first", first);
        variables.put("after", after);
        return ok(user, HISTORY, variables).path("relationshipHistory");
    }

    private static JsonNode contactAsOf(User user, String id, String asOf) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("id", id);
        variables.put("asOf", asOf);
        return ok(user, CONTACT_AS_OF, variables).path("contact");
    }

    private static List<JsonNode> nodes(JsonNode connection) {
        List<JsonNode> nodes = new ArrayList<>();
        connection.path("edges").forEach(edge -> nodes.add(edge.path("node")));
        return nodes;
    }

    private static List<String> types(JsonNode connection) {
        return nodes(connection).stream().map(node -> node.path("type").asText()).toList();
    }

    private static User signUp() {
        String email = "maya." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        JsonNode payload = ok(null, """
                mutation($email: String!) { signUp(email: $email, password: "a long enough secret", displayName: "Maya") { token account { id } } }""",
                              Map.of("email", email)).path("signUp");
        return new User(payload.path("account").path("id").asText(), payload.path("token").asText());
    }

    private static JsonNode ok(User user, String query, Map<String, Object> variables) {
        JsonNode response = graphQl(user == null ? null : user.token(), query, variables);
        assertThat(response.path("errors").isMissingNode()).as(response.toString()).isTrue();
        return response.path("data");
    }

    private static JsonNode graphQl(String token, String query, Map<String, Object> variables) {
        Map<String, Object> body = new HashMap<>();
        body.put("query", query);
        body.put("variables", variables);
        RestClient.RequestBodySpec request = http.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON);
        if (token != null) {
            request = request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        }
        return request.body(body).exchange((sent, response) -> response.bodyTo(JsonNode.class));
    }

    private static WebSocketGraphQlClient webSocketClient(User user) {
        return WebSocketGraphQlClient.builder("ws://localhost:" + port + "/graphql", new ReactorNettyWebSocketClient())
                                     .interceptor(new WebSocketGraphQlClientInterceptor() {
                                         @Override
                                         public Mono<Object> connectionInitPayload() {
                                             return Mono.just(Map.of("Authorization", "Bearer " + user.token()));
                                         }
                                     })
                                     .build();
    }

    private static void awaitTrue(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition not met within 30 s").isLessThan(deadline);
            Thread.onSpinWait();
        }
    }
}
