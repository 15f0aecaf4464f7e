package app.rapport.plugin.testkit;

import app.rapport.api.RapportServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** A Rapport server running in this JVM, spoken to over real HTTP. */
public final class TestServer implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();

    private static final String SIGN_UP = """
            mutation($email: String!, $password: String!, $displayName: String!) {
              signUp(email: $email, password: $password, displayName: $displayName) { token account { id } }
            }""";

    private final ConfigurableApplicationContext context;
    private final URI base;
    private final HttpClient http = HttpClient.newHttpClient();

    private TestServer(ConfigurableApplicationContext context) {
        this.context = context;
        this.base = URI.create("http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort());
    }

    /** Starts a server on the embedded store in {@code dataDir}; {@code settings} as on the command line. */
    public static TestServer start(Path dataDir, String... settings) {
        List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--rapport.data-dir=" + dataDir, "--rapport.mongodb.uri="));
        arguments.addAll(List.of(settings));
        return new TestServer(new SpringApplicationBuilder(RapportServer.class).run(arguments.toArray(String[]::new)));
    }

    /** Where the server listens, e.g. {@code http://127.0.0.1:40123}. */
    public URI base() {
        return base;
    }

    /** A new account with a unique email, signed in. */
    public TestUser signUp() {
        String email = "user." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        JsonNode answer = graphQl(null, SIGN_UP, Map.of("email", email, "password", "a long enough secret", "displayName", "Tess"));
        JsonNode payload = answer.path("data").path("signUp");
        if (payload.isMissingNode() || payload.isNull()) {
            throw new IllegalStateException("signUp failed: " + answer);
        }
        return new TestUser(payload.path("account").path("id").asText(), payload.path("token").asText(), this);
    }

    /** POSTs a GraphQL document; the whole answer, {@code data} and {@code errors}. */
    public JsonNode graphQl(String token, String document, Map<String, ?> variables) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", document);
        body.put("variables", variables);
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve("/graphql"))
                                                     .header("Content-Type", "application/json")
                                                     .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            return JSON.readTree(send(request.build()).body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Returns once the plugin's event processor has handled every event stored so far.
     *
     * @throws AssertionError when it has not within {@code patience}, or the plugin follows no events
     */
    public void awaitPlugin(String pluginId, Duration patience) {
        StreamingEventProcessor processor = pluginProcessor(pluginId)
                .orElseThrow(() -> new AssertionError("plugin " + pluginId + " follows no events on this server"));
        TrackingToken head = context.getBean(EventStore.class).createHeadToken();
        long target = head instanceof GapAwareTrackingToken gapAware ? gapAware.getIndex() : -1;
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            boolean caughtUp = processor.processingStatus().values().stream().anyMatch(status -> status.getCurrentPosition().orElse(-1) >= target);
            if (caughtUp) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("plugin " + pluginId + " did not catch up with event " + target + " within " + patience);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private Optional<StreamingEventProcessor> pluginProcessor(String pluginId) {
        Optional<EventProcessor> processor = context.getBean(EventProcessingConfiguration.class).eventProcessor("plugin-" + pluginId);
        return processor.filter(StreamingEventProcessor.class::isInstance).map(StreamingEventProcessor.class::cast);
    }

    /** The server's Spring context, for what a test cannot see over HTTP. */
    public ConfigurableApplicationContext context() {
        return context;
    }

    @Override
    public void close() {
        context.close();
    }
}
