package app.rapport.api.overview;

import app.rapport.api.support.RunningServer;
import app.rapport.application.contact.FindContacts;
import app.rapport.application.interview.FindInterviews;
import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.common.Registration;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.queryhandling.QueryBus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.graphql.client.WebSocketGraphQlClient;
import org.springframework.graphql.client.WebSocketGraphQlClientInterceptor;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The owner's lists, dashboard and dashboard subscription over real HTTP and WebSocket, against the running server. */
class OverviewApiTest {

    private static final String PAGE = """
            query($first: Int, $after: String, $search: String, $stage: RelationshipStage, $tag: String) {
              contacts(first: $first, after: $after, search: $search, stage: $stage, tag: $tag) {
                totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id displayName stage } }
              }
            }""";
    private static final String DASHBOARD_FIELDS = """
            contacts byStage { stage count } responseRate referralsPerInterview
            upcomingMeetings { id } thanksDue { id thanksOverdue contact { id } } followUpsDue { id } awaitingResponse { id }""";

    @TempDir
    static Path dataDir;

    private static RunningServer running;
    private static ConfigurableApplicationContext server;
    private static int port;
    private static RestClient http;

    @BeforeAll
    static void start() {
        running = RunningServer.start(dataDir);
        server = running.context();
        port = running.port();
        http = running.http();
    }

    @AfterAll
    static void stop() {
        running.close();
    }

    @Test
    void contactsArePagedByNameWithTotalCountAndFoundBySearchTagAndStage() {
        String token = signUp();
        for (String[] person : List.of(new String[] {"c1", "Erin", "Acme", "design"}, new String[] {"c2", "alex", "Globex", "Mentor"},
                                       new String[] {"c3", "Dana", "acme labs", "mentor"}, new String[] {"c4", "Chris", "Initech", "x"},
                                       new String[] {"c5", "Blake", "Umbrella", "design"})) {
            ok(token, "mutation($input: AddContactInput!) { addContact(input: $input) { id } }",
               Map.of("input", Map.of("id", person[0], "givenName", person[1], "organization", person[2], "source", "ALUMNI",
                                      "tags", List.of(person[3]))));
        }
        ok(token, "mutation { requestInterview(input: {id: \"ask-dana\", contactId: \"c3\", channel: EMAIL, requestedMinutes: 20}) { id } }", Map.of());

        List<String> seen = new ArrayList<>();
        String after = null;
        int pages = 0;
        boolean more = true;
        while (more) {
            Map<String, Object> variables = new HashMap<>(Map.of("first", 2));
            variables.put("after", after);
            JsonNode page = ok(token, PAGE, variables).path("contacts");
            assertThat(page.path("totalCount").asInt()).isEqualTo(5);
            page.path("edges").forEach(edge -> seen.add(edge.path("node").path("id").asText()));
            more = page.path("pageInfo").path("hasNextPage").asBoolean();
            after = page.path("pageInfo").path("endCursor").asText();
            assertThat(page.path("edges").get(page.path("edges").size() - 1).path("cursor").asText()).isEqualTo(after);
            pages++;
        }
        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactly("c2", "c5", "c4", "c3", "c1"); // alex, Blake, Chris, Dana, Erin: case ignored

        assertThat(ids(ok(token, PAGE, Map.of("search", "ACME")).path("contacts"))).containsExactly("c3", "c1");
        assertThat(ids(ok(token, PAGE, Map.of("search", "acme mentor")).path("contacts"))).containsExactly("c3");
        assertThat(ids(ok(token, PAGE, Map.of("tag", "mentor")).path("contacts"))).containsExactly("c2", "c3");
        JsonNode requested = ok(token, PAGE, Map.of("stage", "REQUESTED")).path("contacts");
        assertThat(ids(requested)).containsExactly("c3");
        assertThat(requested.path("edges").get(0).path("node").path("stage").asText()).isEqualTo("REQUESTED");
        assertThat(ok(token, PAGE, Map.of("stage", "PROSPECT")).path("contacts").path("totalCount").asInt()).isEqualTo(4);

        JsonNode interviews = ok(token, "{ interviews(status: REQUESTED) { totalCount edges { node { id contact { id } } } } }", Map.of());
        assertThat(interviews.path("interviews").path("totalCount").asInt()).isEqualTo(1);
        assertThat(interviews.path("interviews").path("edges").get(0).path("node").path("contact").path("id").asText()).isEqualTo("c3");
        assertThat(ok(token, "{ interviews(status: HELD) { totalCount } }", Map.of()).path("interviews").path("totalCount").asInt()).isZero();

        assertThat(ids(ok(signUp(), PAGE, Map.of()).path("contacts"))).as("another user's list").isEmpty();
    }

    @Test
    void aPageLargerThanTwoHundredAndAMalformedCursorAreRefusedNamingTheField() {
        String token = signUp();
        JsonNode tooLarge = graphQl(token, PAGE, Map.of("first", 201));
        assertThat(tooLarge.path("errors").get(0).path("extensions").path("classification").asText()).isEqualTo("BAD_REQUEST");
        assertThat(tooLarge.path("errors").get(0).path("extensions").path("field").asText()).isEqualTo("first");
        assertThat(ok(token, PAGE, Map.of("first", 200)).path("contacts").path("totalCount").asInt()).isZero();

        JsonNode badCursor = graphQl(token, "{ interviews(after: \"bm90IGEgY3Vyc29y\") { totalCount } }", Map.of());
        assertThat(badCursor.path("errors").get(0).path("extensions").path("field").asText()).isEqualTo("after");
    }

    @Test
    void theDashboardFollowsAWorkflowAndThanksBecomeOverdueAsTheClockMoves() {
        Clock original = GenericEventMessage.clock;
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        GenericEventMessage.clock = Clock.fixed(now, ZoneOffset.UTC);
        try {
            String token = signUp();
            for (String id : List.of("ana", "ben", "cal", "eve")) {
                addContact(token, id);
            }
            // ana: met yesterday, referred dan; thanks due within a week
            request(token, "with-ana", "ana", now.minus(Duration.ofDays(2)));
            ok(token, "mutation($i: ConfirmMeetingInput!) { confirmMeeting(input: $i) { id } }",
               Map.of("i", Map.of("interviewId", "with-ana", "startsAt", now.minus(Duration.ofDays(1)).toString(), "durationMinutes", 30,
                                  "format", "VIDEO", "timeZone", "UTC")));
            ok(token, "mutation($i: RecordNotesInput!) { recordNotes(input: $i) { id } }",
               Map.of("i", Map.of("interviewId", "with-ana", "heldAt", now.minus(Duration.ofDays(1)).plusSeconds(1800).toString())));
            ok(token, "mutation($i: RecordReferralInput!) { recordReferral(input: $i) { id } }",
               Map.of("i", Map.of("interviewId", "with-ana", "mayUseName", true,
                                  "newContact", Map.of("id", "dan", "givenName", "Dan", "source", "REFERRAL"))));
            // ben: meeting in three days; cal: asked, no answer; eve: follow up every day
            request(token, "with-ben", "ben", now.minus(Duration.ofHours(1)));
            ok(token, "mutation($i: ConfirmMeetingInput!) { confirmMeeting(input: $i) { id } }",
               Map.of("i", Map.of("interviewId", "with-ben", "startsAt", now.plus(Duration.ofDays(3)).toString(), "durationMinutes", 20,
                                  "format", "PHONE", "timeZone", "Europe/Paris")));
            request(token, "with-cal", "cal", now.minus(Duration.ofHours(2)));
            ok(token, "mutation { setFollowUpCadence(contactId: \"eve\", everyDays: 1) { id } }", Map.of());

            JsonNode dashboard = ok(token, "{ dashboard { " + DASHBOARD_FIELDS + " } }", Map.of()).path("dashboard");
            assertThat(dashboard.path("contacts").asInt()).isEqualTo(5);
            assertThat(stageCounts(dashboard)).containsEntry("MET", 1).containsEntry("SCHEDULED", 1).containsEntry("REQUESTED", 1)
                                              .containsEntry("PROSPECT", 2).containsEntry("DORMANT", 0).hasSize(8);
            assertThat(ids(dashboard.path("upcomingMeetings"))).containsExactly("with-ben");
            assertThat(ids(dashboard.path("thanksDue"))).containsExactly("with-ana");
            assertThat(dashboard.path("thanksDue").get(0).path("thanksOverdue").asBoolean()).isFalse();
            assertThat(dashboard.path("thanksDue").get(0).path("contact").path("id").asText()).isEqualTo("ana");
            assertThat(ids(dashboard.path("awaitingResponse"))).containsExactly("with-cal");
            assertThat(ids(dashboard.path("followUpsDue"))).isEmpty();
            assertThat(dashboard.path("responseRate").asDouble()).isEqualTo(2.0 / 3); // ana and ben accepted by confirming
            assertThat(dashboard.path("referralsPerInterview").asDouble()).isEqualTo(1.0);

            GenericEventMessage.clock = Clock.fixed(now.plus(Duration.ofDays(8)), ZoneOffset.UTC);
            JsonNode later = ok(token, "{ dashboard { " + DASHBOARD_FIELDS + " } }", Map.of()).path("dashboard");
            assertThat(ids(later.path("thanksDue"))).containsExactly("with-ana");
            assertThat(later.path("thanksDue").get(0).path("thanksOverdue").asBoolean()).isTrue();
            assertThat(ids(later.path("upcomingMeetings"))).as("ben's meeting has passed").isEmpty();
            assertThat(ids(later.path("followUpsDue"))).containsExactly("eve");

            ok(token, "mutation($i: SendThanksInput!) { sendThanks(input: $i) { id } }",
               Map.of("i", Map.of("interviewId", "with-ana", "sentAt", now.plus(Duration.ofDays(8)).toString(), "channel", "EMAIL")));
            JsonNode thanked = ok(token, "{ dashboard { " + DASHBOARD_FIELDS + " } }", Map.of()).path("dashboard");
            assertThat(ids(thanked.path("thanksDue"))).isEmpty();
            assertThat(stageCounts(thanked)).containsEntry("THANKED", 1).containsEntry("MET", 0);
        } finally {
            GenericEventMessage.clock = original;
        }
    }

    @Test
    void aDashboardSubscriptionReceivesTheCallersChangesAndNotAnotherUsers() throws InterruptedException {
        String token = signUp();
        String otherToken = signUp();
        BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
        WebSocketGraphQlClient client = webSocketClient(token);
        Disposable subscription = client.document("subscription { dashboardChanged { " + DASHBOARD_FIELDS + " } }")
                                        .executeSubscription()
                                        .subscribe(response -> received.add(
                                                new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(response.toMap())));
        try {
            // The subscription starts asynchronously: change until the first change arrives.
            int added = 0;
            JsonNode first = null;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (first == null && System.nanoTime() < deadline) {
                addContact(token, "warm-up-" + added++);
                first = received.poll(1, TimeUnit.SECONDS);
            }
            assertThat(first).as("a change reached the subscription").isNotNull();

            addContact(otherToken, "others");
            request(otherToken, "others-request", "others", null);
            addContact(token, "marker");
            added++;

            List<JsonNode> updates = new ArrayList<>(List.of(first));
            JsonNode last = first;
            deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (dashboardOf(last).path("contacts").asInt() < added && System.nanoTime() < deadline) {
                JsonNode next = received.poll(1, TimeUnit.SECONDS);
                if (next != null) {
                    updates.add(next);
                    last = next;
                }
            }
            assertThat(dashboardOf(last).path("contacts").asInt()).isEqualTo(added);
            assertThat(updates).allSatisfy(update -> {
                assertThat(update.path("errors").isMissingNode() || update.path("errors").isEmpty()).as(update.toString()).isTrue();
                assertThat(dashboardOf(update).path("awaitingResponse")).as("another user's request").isEmpty();
            });
            List<Integer> counts = updates.stream().map(update -> dashboardOf(update).path("contacts").asInt()).toList();
            assertThat(counts).isSorted().doesNotHaveDuplicates();
        } finally {
            subscription.dispose();
            client.stop().block(Duration.ofSeconds(10));
        }
    }

    @Test
    void aPageOfContactsWithTheirInterviewsAndIntroducersTakesTheSameFewQueriesWhateverItsSize() {
        String token = signUp();
        addContact(token, "hub");
        for (int i = 0; i < 50; i++) {
            ok(token, "mutation($input: AddContactInput!) { addContact(input: $input) { id } }",
               Map.of("input", Map.of("id", "p" + i, "givenName", "Person " + i, "source", "REFERRAL", "referredById", "hub")));
            request(token, "ask-p" + i, "p" + i, null);
        }
        String query = "query($first: Int) { contacts(first: $first, search: \"person\") { totalCount edges { node { id stage "
                       + "referredBy { id } interviews { id status contact { id } } } } } }";

        AtomicInteger loads = new AtomicInteger();
        Registration counting = server.getBean(QueryBus.class).registerHandlerInterceptor((unitOfWork, chain) -> {
            Object payload = unitOfWork.getMessage().getPayload();
            if (payload instanceof FindContacts || payload instanceof FindInterviews) {
                loads.incrementAndGet();
            }
            return chain.proceed();
        });
        try {
            JsonNode small = ok(token, query, Map.of("first", 5)).path("contacts");
            int forFive = loads.getAndSet(0);
            JsonNode large = ok(token, query, Map.of("first", 50)).path("contacts");
            int forFifty = loads.get();

            assertThat(small.path("edges")).hasSize(5);
            assertThat(large.path("edges")).hasSize(50);
            assertThat(large.path("totalCount").asInt()).isEqualTo(50);
            assertThat(large.path("edges")).allSatisfy(edge -> {
                assertThat(edge.path("node").path("referredBy").path("id").asText()).isEqualTo("hub");
                assertThat(edge.path("node").path("interviews")).hasSize(1);
            });
            assertThat(forFifty).isEqualTo(forFive).isLessThanOrEqualTo(5);
        } finally {
            counting.cancel();
        }
    }

    // ---------------------------------------------------------------- helpers

    private static void addContact(String token, String id) {
        ok(token, "mutation($input: AddContactInput!) { addContact(input: $input) { id } }",
           Map.of("input", Map.of("id", id, "givenName", id, "source", "ALUMNI")));
    }

    private static void request(String token, String id, String contactId, Instant at) {
        Map<String, Object> input = new HashMap<>(Map.of("id", id, "contactId", contactId, "channel", "EMAIL", "requestedMinutes", 20));
        if (at != null) {
            input.put("requestedAt", at.toString());
        }
        ok(token, "mutation($i: RequestInterviewInput!) { requestInterview(input: $i) { id } }", Map.of("i", input));
    }

    private static JsonNode dashboardOf(JsonNode update) {
        return update.path("data").path("dashboardChanged");
    }

    private static Map<String, Integer> stageCounts(JsonNode dashboard) {
        Map<String, Integer> counts = new HashMap<>();
        dashboard.path("byStage").forEach(count -> counts.put(count.path("stage").asText(), count.path("count").asInt()));
        return counts;
    }

    private static List<String> ids(JsonNode listOrConnection) {
        List<String> ids = new ArrayList<>();
        JsonNode items = listOrConnection.has("edges") ? listOrConnection.path("edges") : listOrConnection;
        items.forEach(item -> ids.add((item.has("node") ? item.path("node") : item).path("id").asText()));
        return ids;
    }

    private static String signUp() {
        String email = "owner." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        JsonNode response = graphQl(null, "mutation($e: String!) { signUp(email: $e, password: \"a long enough secret\", displayName: \"Ann\") { token } }",
                                    Map.of("e", email));
        String token = response.path("data").path("signUp").path("token").asText();
        assertThat(token).as(response.toString()).isNotEmpty();
        return token;
    }

    private static JsonNode ok(String token, String query, Map<String, Object> variables) {
        JsonNode response = graphQl(token, query, variables);
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

    private static WebSocketGraphQlClient webSocketClient(String token) {
        return WebSocketGraphQlClient.builder("ws://localhost:" + port + "/graphql", new ReactorNettyWebSocketClient())
                                     .interceptor(new WebSocketGraphQlClientInterceptor() {
                                         @Override
                                         public Mono<Object> connectionInitPayload() {
                                             return Mono.just(Map.of("Authorization", "Bearer " + token));
                                         }
                                     })
                                     .build();
    }
}
