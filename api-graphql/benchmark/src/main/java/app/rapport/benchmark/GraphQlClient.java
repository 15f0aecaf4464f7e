package app.rapport.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/** GraphQL over real HTTP, as a dashboard or script would call it. */
final class GraphQlClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder()
                                                 .version(HttpClient.Version.HTTP_1_1)
                                                 .connectTimeout(Duration.ofSeconds(5))
                                                 .build();
    private final URI endpoint;

    GraphQlClient(URI endpoint) {
        this.endpoint = endpoint;
    }

    JsonNode call(String query, String token) {
        return call(query, Map.of(), token);
    }

    /** A document and its variables, sent as the dashboard sends them: the same document each time, the values apart. */
    JsonNode call(String query, Map<String, ?> variables, String token) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                                                     .timeout(Duration.ofSeconds(60))
                                                     .header("Content-Type", "application/json")
                                                     .POST(HttpRequest.BodyPublishers.ofString(
                                                             JSON.writeValueAsString(Map.of("query", query, "variables", variables))));
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("The server did not answer: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A new account; its token. */
    String signUp() {
        String email = "bench-" + UUID.randomUUID() + "@example.com";
        JsonNode answer = call("mutation { signUp(email: \"" + email + "\", password: \"correct horse battery staple\", "
                                       + "displayName: \"Bench\") { token } }", null);
        return answer.path("data").path("signUp").path("token").asText();
    }

    /** The classification of the answer's first error, or null when it has none. */
    static String classification(JsonNode answer) {
        JsonNode errors = answer.path("errors");
        if (!errors.isArray() || errors.isEmpty()) {
            return null;
        }
        return errors.get(0).path("extensions").path("classification").asText("UNCLASSIFIED");
    }
}
