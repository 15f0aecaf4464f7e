package app.rapport.server;

import app.rapport.plugin.testkit.TestServer;
import app.rapport.plugin.testkit.TestUser;
import com.fasterxml.jackson.databind.JsonNode;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLInputType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLOutputType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.graphql.execution.GraphQlSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Plays an intruder against the running server with its bundled plugins: every query, mutation and subscription of
 * the schema — read from the schema, so an operation added later (a plugin's too) is tried without anyone writing a
 * test — is sent by a second user and by an anonymous caller, with each of the victim's ids. None may show the
 * victim's data, and the victim's network must be exactly as before.
 */
class BreakInSuiteTest {

    /** Operations anyone may call; everything else must refuse an anonymous caller. */
    private static final Set<String> PUBLIC = Set.of("Query.server", "Mutation.signUp", "Mutation.signIn");
    /** What only the victim's data holds: none of it may reach the intruders. */
    private static final List<String> SECRETS = List.of("Xylo", "Quarrington", "xylo@victim.example", "Oddfellow", "kept between us");

    @TempDir
    static Path dataDir;
    static TestServer server;
    static TestUser victim;
    static List<String> victimIds;

    @BeforeAll
    static void start() {
        server = TestServer.start(dataDir, "--rapport.graphql.max-root-fields=20");
        victim = server.signUp();
        ok(victim, "mutation { addContact(input: {id: \"xylo\", givenName: \"Xylo\", familyName: \"Quarrington\", emails: [\"xylo@victim.example\"], organization: \"Oddfellow\", source: ALUMNI}) { id } }");
        ok(victim, "mutation { addContact(input: {id: \"lee\", givenName: \"Lee\", source: REFERRAL, referredById: \"xylo\"}) { id } }");
        ok(victim, "mutation { requestInterview(input: {id: \"chat\", contactId: \"xylo\", channel: EMAIL, requestedMinutes: 20, purpose: \"kept between us\", requestedAt: \"2026-11-01T08:00:00Z\"}) { id } }");
        ok(victim, "mutation { confirmMeeting(input: {interviewId: \"chat\", startsAt: \"2026-11-10T10:00:00Z\", durationMinutes: 20, format: VIDEO, timeZone: \"UTC\"}) { id } }");
        ok(victim, "mutation { recordNotes(input: {interviewId: \"chat\", heldAt: \"2026-11-10T10:30:00Z\", summary: \"kept between us\"}) { id } }");
        ok(victim, "mutation { recordReferral(input: {id: \"ref\", interviewId: \"chat\", toContactId: \"lee\", mayUseName: true, note: \"kept between us\"}) { id } }");
        ok(victim, "mutation { addQuestion(id: \"q1\", text: \"kept between us?\") { id } }");
        ok(victim, "mutation { logTouch(input: {contactId: \"xylo\", at: \"2026-11-12T10:00:00Z\", channel: EMAIL, note: \"kept between us\"}) { id } }");
        String job = TestUser.json(victim.upload("/plugins/linkedin-import/imports", "file", "Connections.csv", """
                First Name,Last Name,URL,Email Address,Company,Position,Connected On
                Xylo,Quarrington,https://www.linkedin.com/in/xylo-q,xylo@victim.example,Oddfellow,Engineer,10 Jun 2016
                """.getBytes(java.nio.charset.StandardCharsets.UTF_8))).path("id").asText();
        assertThat(job).isNotEmpty();
        victimIds = List.of("xylo", "lee", "chat", "ref", "q1", victim.accountId(), job);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void noOperationOfTheSchemaLetsAnotherUserOrAStrangerReachTheVictimsNetwork() throws Exception {
        String before = snapshot();
        TestUser intruder = server.signUp();
        TestUser stranger = intruder.signedOut();
        TestUser bystander = server.signUp();
        GraphQLSchema schema = server.context().getBean(GraphQlSource.class).schema();
        List<String> breaches = new ArrayList<>();
        int attempts = 0;

        for (GraphQLObjectType root : List.of(schema.getQueryType(), schema.getMutationType())) {
            for (GraphQLFieldDefinition field : root.getFieldDefinitions()) {
                String coordinates = root.getName() + "." + field.getName();
                for (String id : victimIds) {
                    String document = (root == schema.getMutationType() ? "mutation " : "query ") + "{ " + call(field, id) + " }";
                    for (TestUser caller : List.of(intruder, stranger)) {
                        attempts++;
                        JsonNode answer = caller.graphQl(document);
                        leaked(answer).ifPresent(secret -> breaches.add(coordinates + " as " + who(caller) + " showed " + secret + ": " + document));
                        if (caller == intruder && root == schema.getQueryType() && seesWhatOnlyTheVictimSees(answer, document, id, bystander)) {
                            breaches.add(coordinates + " showed another user what the victim sees: " + document + " -> " + answer);
                        }
                        if (caller == stranger && !PUBLIC.contains(coordinates) && !refusedAsStranger(answer)) {
                            breaches.add(coordinates + " answered a stranger: " + answer);
                        }
                    }
                }
            }
        }
        // The harness hears what it should: the victim's own dashboard subscription gets her change, details and all.
        victimsDashboard = "subscription { " + call(schema.getSubscriptionType().getFieldDefinition("dashboardChanged"), "xylo") + " }";
        assertThat(leaked(listenWhileTheVictimActs(victim, victimsDashboard))).as("the victim hears her own dashboard").isPresent();

        for (GraphQLFieldDefinition field : schema.getSubscriptionType().getFieldDefinitions()) {
            for (String id : victimIds) {
                String document = "subscription { " + call(field, id) + " }";
                for (TestUser caller : List.of(intruder, stranger)) {
                    attempts++;
                    for (JsonNode message : listenWhileTheVictimActs(caller, document)) {
                        leaked(message).ifPresent(secret -> breaches.add("Subscription." + field.getName() + " as " + who(caller)
                                                                         + " delivered " + secret + ": " + document));
                    }
                }
            }
        }

        System.out.println("Break-in suite: " + attempts + " attempts over every root field of the schema, " + breaches.size() + " succeeded");
        assertThat(breaches).as("attempts that reached the victim's network").isEmpty();
        assertThat(attempts).isGreaterThan(300);
        assertThat(snapshot()).as("the victim's network after the attempts").isEqualTo(before);
    }

    /**
     * Whether a query answered the intruder exactly as it answers the victim, while the same query about an id
     * nobody has answers a bystander (a third user) differently: the intruder saw the victim's data, be it texts or
     * only numbers. Data everyone shares (the server's name, the question bank's defaults) answers all alike.
     */
    private static boolean seesWhatOnlyTheVictimSees(JsonNode answer, String document, String id, TestUser bystander) {
        JsonNode data = answer.path("data");
        if (data.isMissingNode() || data.isNull() || allNull(data)) {
            return false;
        }
        JsonNode victims = victim.graphQl(document).path("data");
        JsonNode nobodys = bystander.graphQl(document.replace(quoted(id), quoted("no-such-id-0"))).path("data");
        return data.equals(victims) && !victims.equals(nobodys);
    }

    private static int touches;

    private static String victimsDashboard;

    /**
     * What {@code listener} hears on a subscription while the victim, following her own dashboard (so that changes
     * are pushed at all), logs a touch (a new one each time).
     */
    private static List<JsonNode> listenWhileTheVictimActs(TestUser listener, String document) throws InterruptedException {
        CompletableFuture<List<JsonNode>> victimHears = listener == victim ? CompletableFuture.completedFuture(List.of())
                : CompletableFuture.supplyAsync(() -> victim.listen(victimsDashboard, Map.of(), Duration.ofMillis(2_500)));
        CompletableFuture<List<JsonNode>> heard = CompletableFuture.supplyAsync(() -> listener.listen(document, Map.of(), Duration.ofMillis(2_500)));
        Thread.sleep(700);
        touches++;
        ok(victim, "mutation { logTouch(input: {contactId: \"xylo\", at: \"2026-11-13T%02d:%02d:00Z\", channel: EMAIL, note: \"kept between us\"}) { id } }"
                .formatted(touches / 60, touches % 60));
        victimHears.join();
        return heard.join();
    }

    /** The victim's network as she reads it, touches aside (the suite's own subscriptions log them). */
    private static String snapshot() {
        JsonNode state = victim.graphQl("""
                { contacts(first: 50) { totalCount edges { node { id displayName stage } } }
                  interview(id: "chat") { id status purpose notes { summary } referrals { id note } }
                  questionBank { id text }
                  relationshipHistory(contactId: "lee") { edges { node { type actor } } } }""");
        return state.path("data").toString();
    }

    private static java.util.Optional<String> leaked(Object answer) {
        String text = answer.toString();
        return SECRETS.stream().filter(text::contains).findFirst();
    }

    private static boolean refusedAsStranger(JsonNode answer) {
        JsonNode errors = answer.path("errors");
        if (errors.isEmpty()) {
            return false;
        }
        String classification = errors.get(0).path("extensions").path("classification").asText();
        return Set.of("UNAUTHORIZED", "BAD_REQUEST").contains(classification) && (answer.path("data").isNull() || answer.path("data").isMissingNode()
                                                                                  || allNull(answer.path("data")));
    }

    private static boolean allNull(JsonNode data) {
        for (JsonNode value : data) {
            if (!value.isNull()) {
                return false;
            }
        }
        return true;
    }

    private static String who(TestUser caller) {
        return caller.token() == null ? "a stranger" : "another user";
    }

    /** A call of the field with every argument filled (ids with {@code id}) and every scalar of its answer selected. */
    static String call(GraphQLFieldDefinition field, String id) {
        String arguments = field.getArguments().stream().map(argument -> argument.getName() + ": " + value(argument.getType(), argument.getName(), id, 0))
                                .collect(Collectors.joining(", "));
        return field.getName() + (arguments.isEmpty() ? "" : "(" + arguments + ")") + selection(field.getType(), 0);
    }

    private static String value(GraphQLInputType type, String name, String id, int depth) {
        GraphQLType bare = GraphQLTypeUtil.unwrapNonNull(type);
        if (bare instanceof GraphQLList list) {
            return "[" + value((GraphQLInputType) list.getWrappedType(), name, id, depth) + "]";
        }
        if (bare instanceof GraphQLEnumType enumeration) {
            return enumeration.getValues().get(0).getName();
        }
        if (bare instanceof GraphQLInputObjectType input) {
            if (depth > 2) {
                return "{}";
            }
            return "{" + input.getFieldDefinitions().stream()
                              .filter(field -> GraphQLTypeUtil.isNonNull(field.getType()) || isId(field.getType()))
                              .map(field -> field.getName() + ": " + value(field.getType(), field.getName(), id, depth + 1))
                              .collect(Collectors.joining(", ")) + "}";
        }
        return switch (((GraphQLScalarType) bare).getName()) {
            case "ID" -> quoted(id);
            case "Int" -> name.equals("first") ? "5" : "20";
            case "Float" -> "1.0";
            case "Boolean" -> "true";
            case "DateTime" -> quoted("2026-11-20T10:00:00Z");
            case "JSON" -> "{}";
            default -> quoted(name.toLowerCase().contains("email") ? "intruder@example.org"
                                      : name.toLowerCase().contains("password") ? "intruder password 42" : "probe " + name);
        };
    }

    private static boolean isId(GraphQLInputType type) {
        return GraphQLTypeUtil.unwrapAll(type) instanceof GraphQLScalarType scalar && scalar.getName().equals("ID");
    }

    private static String selection(GraphQLOutputType type, int depth) {
        GraphQLType bare = GraphQLTypeUtil.unwrapAll(type);
        if (!(bare instanceof GraphQLFieldsContainer container)) {
            return "";
        }
        List<String> fields = new ArrayList<>();
        fields.add("__typename");
        for (GraphQLFieldDefinition field : container.getFieldDefinitions()) {
            boolean needsArguments = field.getArguments().stream().anyMatch(GraphQLArgument::hasSetDefaultValue) ? false
                    : field.getArguments().stream().anyMatch(argument -> GraphQLTypeUtil.isNonNull(argument.getType()));
            if (needsArguments) {
                continue;
            }
            GraphQLType fieldType = GraphQLTypeUtil.unwrapAll(field.getType());
            if (!(fieldType instanceof GraphQLFieldsContainer)) {
                fields.add(field.getName());
            } else if (depth < 2) {
                fields.add(field.getName() + selection(field.getType(), depth + 1));
            }
        }
        return " { " + String.join(" ", fields) + " }";
    }

    private static String quoted(String text) {
        return "\"" + text + "\"";
    }

    private static void ok(TestUser user, String mutation) {
        JsonNode answer = user.graphQl(mutation);
        assertThat(answer.has("errors")).as(mutation + " -> " + answer).isFalse();
    }
}
