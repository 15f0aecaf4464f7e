package app.rapport.api.support;

import app.rapport.api.RapportServer;
import app.rapport.application.storage.Store;
import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoDatabase;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Rapport server started as a user would: on the embedded store in its own data directory, on a random
 * port, spoken to over real HTTP. Starting takes seconds, so a test class starts one and shares it.
 */
public final class RunningServer implements AutoCloseable {

    private static final String PASSWORD = "a long enough secret";

    private static final String SIGN_UP = """
            mutation($email: String!, $password: String!, $displayName: String!) {
              signUp(email: $email, password: $password, displayName: $displayName) { token account { id } }
            }""";

    private final ConfigurableApplicationContext context;
    private final int port;
    private final RestClient http;

    private RunningServer(ConfigurableApplicationContext context) {
        this.context = context;
        this.port = ((WebServerApplicationContext) context).getWebServer().getPort();
        this.http = RestClient.create("http://localhost:" + port);
    }

    /**
     * An empty {@code rapport.mongodb.uri} selects the embedded store, kept in {@code dataDir}; {@code settings} are
     * further command-line settings, e.g. {@code --rapport.reminders.sweep-interval=PT0.2S}.
     */
    public static RunningServer start(Path dataDir, String... settings) {
        return start(dataDir, context -> { }, settings);
    }

    /** As {@link #start(Path, String...)}, with {@code initializer} run on the context first, e.g. to add a bean. */
    public static RunningServer start(Path dataDir, ApplicationContextInitializer<GenericApplicationContext> initializer,
                                      String... settings) {
        List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--rapport.data-dir=" + dataDir, "--rapport.mongodb.uri="));
        arguments.addAll(List.of(settings));
        return new RunningServer(new SpringApplicationBuilder(RapportServer.class).initializers(initializer)
                                                                                  .run(arguments.toArray(String[]::new)));
    }

    public int port() {
        return port;
    }

    public RestClient http() {
        return http;
    }

    public ConfigurableApplicationContext context() {
        return context;
    }

    /** The server's MongoDB, to look at what it stored the way someone with access to the database would. */
    public MongoDatabase database() {
        return context.getBean(Store.class).database();
    }

    /** Every database the server keeps data in: the records and, on the embedded store, the views beside them. */
    public List<MongoDatabase> databases() {
        Store store = context.getBean(Store.class);
        return store.views().getName().equals(store.database().getName()) ? List.of(store.database()) : List.of(store.database(), store.views());
    }

    /** The events as the server stored them, read straight from its MongoDB. */
    public StoredEvents storedEvents() {
        return new StoredEvents(database());
    }

    /** POSTs a GraphQL document to {@code /graphql}, signed in with {@code token} unless it is null. */
    public GraphQlResponse graphQl(String token, String document, Map<String, ?> variables) {
        Map<String, Object> body = new HashMap<>();
        body.put("query", document);
        body.put("variables", variables);
        RestClient.RequestBodySpec request = http.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON);
        if (token != null) {
            request = request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        }
        return new GraphQlResponse(request.body(body).exchange((sent, response) -> response.bodyTo(JsonNode.class)));
    }

    /** A fresh account, so that a test sees only what it wrote itself. */
    public User signUpFreshUser() {
        String email = "user." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        JsonNode payload = graphQl(null, SIGN_UP, Map.of("email", email, "password", PASSWORD, "displayName", "Ann"))
                .data("signUp");
        String token = payload.path("token").asText();
        assertThat(token).as(payload.toString()).isNotEmpty();
        return new User(payload.path("account").path("id").asText(), token, this);
    }

    @Override
    public void close() {
        context.close();
    }

    /** A signed-in account: its id (the owner of everything it records) and its bearer token. */
    public record User(String accountId, String token, RunningServer server) {

        public GraphQlResponse graphQl(String document, Map<String, ?> variables) {
            return server.graphQl(token, document, variables);
        }

        /** The aggregate identifier the server gives this user's contact or interview with id {@code id}. */
        public String aggregateId(String id) {
            return accountId + "/" + id;
        }

        /** How the stored events name this user as the one who caused them. */
        public String actor() {
            return "user:" + accountId;
        }
    }
}
