package app.rapport.api.graph;

import app.rapport.api.support.RunningServer;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Referral chains, warm paths and the contact graph over real HTTP, built with the same mutations a client sends:
 * contacts added, an interview requested, confirmed and held, a referral recorded.
 */
class GraphApiTest {

    private static final String ADD_CONTACT = """
            mutation($input: AddContactInput!) { addContact(input: $input) { id } }""";
    private static final String REFERRAL_CHAIN = """
            query($id: ID!) { referralChain(contactId: $id) { id displayName referredBy { id } } }""";
    private static final String WARM_PATHS = """
            query($organization: String!, $maxHops: Int) {
              warmPaths(organization: $organization, maxHops: $maxHops) { hops { id displayName } target { id organization } }
            }""";
    private static final String GRAPH = """
            query($center: ID, $depth: Int) {
              contactGraph(centerId: $center, depth: $depth) { nodes { id kind label } edges { from to kind } truncated }
            }""";

    @TempDir
    static Path dataDir;

    private static RunningServer running;
    private static RestClient http;

    @BeforeAll
    static void start() {
        running = RunningServer.start(dataDir);
        http = running.http();
    }

    @AfterAll
    static void stop() {
        running.close();
    }

    @Test
    void aReferralChainOfThreePeople() {
        String token = signUp();
        add(token, Map.of("id", "dana", "givenName", "Dana", "familyName", "Reyes", "source", "ALUMNI"));
        add(token, Map.of("id", "ravi", "givenName", "Ravi", "source", "REFERRAL", "referredById", "dana"));
        add(token, Map.of("id", "sofia", "givenName", "Sofia", "source", "REFERRAL", "referredById", "ravi"));

        JsonNode chain = data(token, REFERRAL_CHAIN, Map.of("id", "sofia")).path("referralChain");

        assertThat(ids(chain)).containsExactly("dana", "ravi", "sofia");
        assertThat(chain.get(0).path("displayName").asText()).isEqualTo("Dana Reyes");
        assertThat(chain.get(2).path("referredBy").path("id").asText()).isEqualTo("ravi");
        assertThat(ids(data(token, REFERRAL_CHAIN, Map.of("id", "dana")).path("referralChain"))).containsExactly("dana");
    }

    @Test
    void aWarmPathTwoIntroductionsAwayThroughSomeoneYouMet() {
        String token = signUp();
        add(token, Map.of("id", "dana", "givenName", "Dana", "organization", "Acme", "source", "ALUMNI"));
        meet(token, "dana");
        data(token, """
                mutation { recordReferral(input: {interviewId: "with-dana", mayUseName: true,
                  newContact: {id: "ravi", givenName: "Ravi", source: REFERRAL}}) { id } }""", Map.of());
        add(token, Map.of("id", "sofia", "givenName", "Sofia", "organization", "Initech", "source", "REFERRAL",
                          "referredById", "ravi"));

        JsonNode paths = data(token, WARM_PATHS, Map.of("organization", "  INITECH ")).path("warmPaths");

        assertThat(paths.size()).isEqualTo(1);
        assertThat(ids(paths.get(0).path("hops"))).containsExactly("dana", "ravi");
        assertThat(paths.get(0).path("target").path("id").asText()).isEqualTo("sofia");
        assertThat(data(token, WARM_PATHS, Map.of("organization", "initech", "maxHops", 1)).path("warmPaths").size())
                .as("two people to go through are more than one").isZero();
        JsonNode direct = data(token, WARM_PATHS, Map.of("organization", "acme")).path("warmPaths");
        assertThat(direct.get(0).path("hops").size()).as("Dana, met directly").isZero();
        assertThat(direct.get(0).path("target").path("id").asText()).isEqualTo("dana");

        JsonNode graph = data(token, GRAPH, Map.of("depth", 4)).path("contactGraph");
        assertThat(ids(graph.path("nodes"))).containsExactlyInAnyOrder("/self", "dana", "ravi", "sofia", "/org/acme", "/org/initech");
        assertThat(edges(graph)).containsExactlyInAnyOrder("/self MET dana", "dana REFERRED ravi", "ravi REFERRED sofia",
                                                           "dana WORKS_AT /org/acme", "sofia WORKS_AT /org/initech");

        data(token, "mutation { forgetContact(id: \"ravi\") }", Map.of());
        assertThat(data(token, WARM_PATHS, Map.of("organization", "initech")).path("warmPaths").size()).isZero();
        assertThat(ids(data(token, GRAPH, Map.of("depth", 4)).path("contactGraph").path("nodes")))
                .containsExactlyInAnyOrder("/self", "dana", "/org/acme");
    }

    @Test
    void eachCallerSeesOnlyTheirOwnGraph() {
        String mine = signUp();
        String theirs = signUp();
        add(mine, Map.of("id", "dana", "givenName", "Dana", "organization", "Initech", "source", "ALUMNI"));
        add(theirs, Map.of("id", "dana", "givenName", "Daniela", "organization", "Globex", "source", "ALUMNI"));

        JsonNode graph = data(theirs, GRAPH, Map.of("center", "dana", "depth", 1)).path("contactGraph");

        assertThat(labels(graph.path("nodes"))).containsExactly("Daniela", "Globex");
    }

    @Test
    void argumentsOutOfRangeAreBadRequestsNamingTheArgument() {
        String token = signUp();
        add(token, Map.of("id", "dana", "givenName", "Dana", "source", "ALUMNI"));

        assertThat(refusal(token, GRAPH, Map.of("depth", 5))).isEqualTo("BAD_REQUEST depth");
        assertThat(refusal(token, GRAPH, Map.of("depth", 0))).isEqualTo("BAD_REQUEST depth");
        assertThat(refusal(token, WARM_PATHS, Map.of("organization", "initech", "maxHops", 6))).isEqualTo("BAD_REQUEST maxHops");
        assertThat(refusal(token, WARM_PATHS, Map.of("organization", " "))).isEqualTo("BAD_REQUEST organization");
        assertThat(refusal(token, GRAPH, Map.of("center", "nobody"))).isEqualTo("NOT_FOUND centerId");
        assertThat(refusal(token, REFERRAL_CHAIN, Map.of("id", "nobody"))).isEqualTo("NOT_FOUND contactId");
        assertThat(refusal(null, GRAPH, Map.of())).startsWith("UNAUTHORIZED");
    }

    // ---------------------------------------------------------------- helpers

    /** Requested three days ago, held two days ago: the real workflow, so the graph learns you met them. */
    private static void meet(String token, String contact) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String interview = "with-" + contact;
        data(token, """
                mutation($id: ID!, $contact: ID!, $at: DateTime) {
                  requestInterview(input: {id: $id, contactId: $contact, channel: EMAIL, requestedMinutes: 20, requestedAt: $at}) { id }
                }""", Map.of("id", interview, "contact", contact, "at", now.minus(Duration.ofDays(3)).toString()));
        data(token, """
                mutation($id: ID!, $at: DateTime!) {
                  confirmMeeting(input: {interviewId: $id, startsAt: $at, durationMinutes: 20, format: VIDEO, timeZone: "Europe/Berlin"}) { status }
                }""", Map.of("id", interview, "at", now.minus(Duration.ofDays(2)).toString()));
        JsonNode held = data(token, """
                mutation($id: ID!, $at: DateTime!) { recordNotes(input: {interviewId: $id, heldAt: $at, summary: "advice"}) { status } }""",
                             Map.of("id", interview, "at", now.minus(Duration.ofDays(2)).plus(Duration.ofMinutes(25)).toString()));
        assertThat(held.path("recordNotes").path("status").asText()).isEqualTo("HELD");
    }

    private static void add(String token, Map<String, Object> input) {
        data(token, ADD_CONTACT, Map.of("input", input));
    }

    private static String signUp() {
        return data(null, """
                mutation($email: String!) { signUp(email: $email, password: "a long enough secret", displayName: "Maya") { token } }""",
                    Map.of("email", "graph-" + UUID.randomUUID() + "@example.com")).path("signUp").path("token").asText();
    }

    private static JsonNode data(String token, String query, Map<String, Object> variables) {
        JsonNode response = graphQl(token, query, variables);
        assertThat(response.path("errors").isMissingNode()).as(response.toString()).isTrue();
        return response.path("data");
    }

    private static String refusal(String token, String query, Map<String, Object> variables) {
        JsonNode error = graphQl(token, query, variables).path("errors").path(0);
        return (error.path("extensions").path("classification").asText() + " " + error.path("extensions").path("field").asText()).strip();
    }

    private static JsonNode graphQl(String token, String query, Map<String, Object> variables) {
        RestClient.RequestBodySpec request = http.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON);
        if (token != null) {
            request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        }
        return request.body(Map.of("query", query, "variables", variables)).retrieve().body(JsonNode.class);
    }

    private static List<String> ids(JsonNode list) {
        List<String> ids = new ArrayList<>();
        list.forEach(element -> ids.add(element.path("id").asText()));
        return ids;
    }

    private static List<String> labels(JsonNode nodes) {
        List<String> labels = new ArrayList<>();
        nodes.forEach(node -> labels.add(node.path("label").asText()));
        return labels;
    }

    private static List<String> edges(JsonNode graph) {
        List<String> edges = new ArrayList<>();
        graph.path("edges").forEach(edge -> edges.add(edge.path("from").asText() + " " + edge.path("kind").asText() + " "
                                                      + edge.path("to").asText()));
        return edges;
    }
}
