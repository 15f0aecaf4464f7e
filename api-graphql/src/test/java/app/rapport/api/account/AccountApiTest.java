package app.rapport.api.account;

import app.rapport.api.support.RunningServer;
import app.rapport.api.support.SharedServer;
import app.rapport.application.account.AuthProperties;
import com.fasterxml.jackson.databind.JsonNode;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.client.ClientGraphQlResponse;
import org.springframework.graphql.client.WebSocketGraphQlClient;
import org.springframework.graphql.client.WebSocketGraphQlClientInterceptor;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Signs up, in and out of reach over real HTTP and WebSocket, against the server started as a user would. */
@ExtendWith(SharedServer.class)
class AccountApiTest {

    private static final String SIGN_UP = """
            mutation($email: String!, $password: String!, $displayName: String!) {
              signUp(email: $email, password: $password, displayName: $displayName) { token account { id email displayName } }
            }""";
    private static final String SIGN_IN = """
            mutation($email: String!, $password: String!) {
              signIn(email: $email, password: $password) { token account { id } }
            }""";
    private static final String ME = "{ me { id email displayName } }";
    private static final String PASSWORD = "a long enough secret";

    private static RunningServer server;

    @BeforeAll
    static void connect(RunningServer running) {
        server = running;
    }

    @Test
    void signUpGivesATokenWithWhichMeIsTheNewAccount() {
        String email = uniqueEmail();
        JsonNode signedUp = graphQl(null, SIGN_UP, Map.of("email", " " + email.toUpperCase() + " ", "password", PASSWORD,
                                                          "displayName", "Ann Lee"));
        assertThat(signedUp.path("errors").isMissingNode()).as(signedUp.toString()).isTrue();
        JsonNode payload = signedUp.path("data").path("signUp");
        String token = payload.path("token").asText();
        assertThat(token).hasSize(43);
        assertThat(payload.path("account").path("email").asText()).isEqualTo(email);

        JsonNode me = graphQl(token, ME, Map.of()).path("data").path("me");
        assertThat(me.path("id").asText()).isEqualTo(payload.path("account").path("id").asText());
        assertThat(me.path("email").asText()).isEqualTo(email);
        assertThat(me.path("displayName").asText()).isEqualTo("Ann Lee");

        JsonNode signedIn = graphQl(null, SIGN_IN, Map.of("email", email, "password", PASSWORD)).path("data").path("signIn");
        assertThat(signedIn.path("account").path("id").asText()).isEqualTo(me.path("id").asText());
        assertThat(graphQl(signedIn.path("token").asText(), ME, Map.of()).path("data").path("me").path("id").asText())
                .isEqualTo(me.path("id").asText());
    }

    @Test
    void tokensLastFourteenDaysUnlessConfiguredOtherwise() {
        assertThat(server.context().getBean(AuthProperties.class).tokenLifetime()).isEqualTo(Duration.ofDays(14));
    }

    @Test
    void meWithoutATokenIsUnauthorizedAndSaysWhatToDo() {
        JsonNode response = graphQl(null, ME, Map.of());

        assertThat(classification(response)).isEqualTo("UNAUTHORIZED");
        assertThat(response.path("errors").get(0).path("message").asText())
                .isEqualTo("Sign in first: this needs a valid token (Authorization: Bearer …)");
        assertThat(response.path("data").path("me").isMissingNode() || response.path("data").isNull()).isTrue();
    }

    @Test
    void anUnknownOrMalformedTokenIsUnauthorized() {
        JsonNode unknown = graphQl("A".repeat(43), ME, Map.of());
        assertThat(classification(unknown)).isEqualTo("UNAUTHORIZED");
        assertThat(unknown.path("errors").get(0).path("message").asText()).contains("sign in again");

        JsonNode basic = server.http().post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
                             .header(HttpHeaders.AUTHORIZATION, "Basic YW5uOnNlY3JldA==")
                             .body(Map.of("query", ME))
                             .exchange((request, response) -> response.bodyTo(JsonNode.class));
        assertThat(classification(basic)).isEqualTo("UNAUTHORIZED");
    }

    @Test
    void publicFieldsNeedNoTokenAndIgnoreABadOne() {
        assertThat(graphQl(null, "{ server { name } }", Map.of()).path("data").path("server").path("name").asText())
                .isEqualTo("Rapport");
        assertThat(graphQl("not-a-token", "{ server { name } }", Map.of()).path("data").path("server").path("name").asText())
                .isEqualTo("Rapport");
    }

    @Test
    void aWrongPasswordAndAnUnknownEmailAreUnauthorizedWithOneMessage() {
        String email = uniqueEmail();
        signUp(email);

        JsonNode wrongPassword = graphQl(null, SIGN_IN, Map.of("email", email, "password", "not the password"));
        JsonNode unknownEmail = graphQl(null, SIGN_IN, Map.of("email", uniqueEmail(), "password", PASSWORD));

        for (JsonNode response : List.of(wrongPassword, unknownEmail)) {
            assertThat(classification(response)).isEqualTo("UNAUTHORIZED");
            assertThat(response.path("errors").get(0).path("message").asText()).isEqualTo("email or password is wrong");
        }
    }

    @Test
    void aShortPasswordIsABadRequestNamingThePasswordField() {
        JsonNode response = graphQl(null, SIGN_UP, Map.of("email", uniqueEmail(), "password", "short", "displayName", "Ann"));

        JsonNode error = response.path("errors").get(0);
        assertThat(classification(response)).isEqualTo("BAD_REQUEST");
        assertThat(error.path("extensions").path("field").asText()).isEqualTo("password");
        assertThat(error.path("message").asText()).isEqualTo("password must be at least 10 characters, was 5");
        assertThat(error.path("path").get(0).asText()).isEqualTo("signUp");
    }

    @Test
    void aTakenEmailIsAConflictNamingTheEmailField() {
        String email = uniqueEmail();
        signUp(email);

        JsonNode response = graphQl(null, SIGN_UP, Map.of("email", email.toUpperCase(), "password", PASSWORD, "displayName", "Other"));

        assertThat(classification(response)).isEqualTo("CONFLICT");
        assertThat(response.path("errors").get(0).path("extensions").path("field").asText()).isEqualTo("email");
    }

    @Test
    void overWebSocketTheTokenInConnectionInitAuthorisesEveryOperation() {
        String token = signUp(uniqueEmail());

        for (Map<String, Object> payload : List.<Map<String, Object>>of(Map.of("Authorization", "Bearer " + token),
                                                                        Map.of("token", token))) {
            WebSocketGraphQlClient client = webSocketClient(payload);
            try {
                ClientGraphQlResponse first = client.document(ME).execute().block(Duration.ofSeconds(30));
                assertThat(first.getErrors()).as(payload.keySet().toString()).isEmpty();
                assertThat(first.field("me.email").toEntity(String.class)).endsWith("@example.org");
                ClientGraphQlResponse second = client.document(ME).execute().block(Duration.ofSeconds(30));
                assertThat(second.getErrors()).isEmpty();
            } finally {
                client.stop().block(Duration.ofSeconds(10));
            }
        }
    }

    @Test
    void overWebSocketWithoutATokenOnlyPublicFieldsAnswer() {
        WebSocketGraphQlClient client = webSocketClient(Map.of());
        try {
            ClientGraphQlResponse me = client.document(ME).execute().block(Duration.ofSeconds(30));
            assertThat(me.getErrors()).hasSize(1);
            ResponseError error = me.getErrors().get(0);
            assertThat(error.getExtensions()).containsEntry("classification", "UNAUTHORIZED");
            assertThat(error.getMessage()).startsWith("Sign in first");

            ClientGraphQlResponse server = client.document("{ server { name } }").execute().block(Duration.ofSeconds(30));
            assertThat(server.getErrors()).isEmpty();
            assertThat(server.field("server.name").toEntity(String.class)).isEqualTo("Rapport");
        } finally {
            client.stop().block(Duration.ofSeconds(10));
        }

        WebSocketGraphQlClient badToken = webSocketClient(Map.of("token", "not-a-token"));
        try {
            ClientGraphQlResponse me = badToken.document(ME).execute().block(Duration.ofSeconds(30));
            assertThat(me.getErrors()).singleElement()
                                      .satisfies(error -> assertThat(error.getExtensions()).containsEntry("classification", "UNAUTHORIZED"));
        } finally {
            badToken.stop().block(Duration.ofSeconds(10));
        }
    }

    @Test
    void everyRootFieldOfTheSchemaNeedsSignInUnlessItIsListedAsPublic() {
        GraphQLSchema schema = server.context().getBean(GraphQlSource.class).schema();
        Set<FieldCoordinates> guarded = server.context().getBean(SignInRequired.class).guardedFields();

        List<FieldCoordinates> unguarded = new ArrayList<>();
        for (GraphQLObjectType root : new GraphQLObjectType[] {schema.getQueryType(), schema.getMutationType(),
                                                               schema.getSubscriptionType()}) {
            if (root == null) {
                continue;
            }
            assertThat(SignInRequired.ROOT_TYPES).contains(root.getName());
            root.getFieldDefinitions().stream()
                .map(field -> FieldCoordinates.coordinates(root, field))
                .filter(field -> !guarded.contains(field) && !SignInRequired.PUBLIC_FIELDS.contains(field))
                .forEach(unguarded::add);
        }
        assertThat(unguarded).isEmpty();
        assertThat(guarded).contains(FieldCoordinates.coordinates("Query", "me"));
        assertThat(guarded).doesNotContainAnyElementsOf(SignInRequired.PUBLIC_FIELDS);
    }

    private static String signUp(String email) {
        JsonNode response = graphQl(null, SIGN_UP, Map.of("email", email, "password", PASSWORD, "displayName", "Ann"));
        String token = response.path("data").path("signUp").path("token").asText();
        assertThat(token).as(response.toString()).isNotEmpty();
        return token;
    }

    private static JsonNode graphQl(String token, String query, Map<String, Object> variables) {
        return server.graphQl(token, query, variables).body();
    }

    private static String classification(JsonNode response) {
        return response.path("errors").path(0).path("extensions").path("classification").asText();
    }

    private static WebSocketGraphQlClient webSocketClient(Map<String, Object> connectionInitPayload) {
        return WebSocketGraphQlClient.builder("ws://localhost:" + server.port() + "/graphql", new ReactorNettyWebSocketClient())
                                     .interceptor(new WebSocketGraphQlClientInterceptor() {
                                         @Override
                                         public Mono<Object> connectionInitPayload() {
                                             return Mono.just(connectionInitPayload);
                                         }
                                     })
                                     .build();
    }

    private static String uniqueEmail() {
        return "ann." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }
}
