package app.rapport.plugin.testkit;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A signed-up account of a {@link TestServer}: its id, its token, and requests made as it. */
public record TestUser(String accountId, String token, TestServer server) {

    /** A GraphQL request as this user; the whole answer. */
    public JsonNode graphQl(String document, Map<String, ?> variables) {
        return server.graphQl(token, document, variables);
    }

    public JsonNode graphQl(String document) {
        return graphQl(document, Map.of());
    }

    /** A GET as this user, e.g. {@code /plugins/my-plugin/status}. */
    public HttpResponse<String> get(String path) {
        return server.send(authorized(HttpRequest.newBuilder(server.base().resolve(path))).GET().build());
    }

    /** A POST without a body as this user, e.g. {@code /plugins/my-plugin/connect?url=…}. */
    public HttpResponse<String> post(String path) {
        return server.send(authorized(HttpRequest.newBuilder(server.base().resolve(path))).POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    /** A PUT without a body as this user. */
    public HttpResponse<String> put(String path) {
        return server.send(authorized(HttpRequest.newBuilder(server.base().resolve(path))).PUT(HttpRequest.BodyPublishers.noBody()).build());
    }

    /** A DELETE as this user. */
    public HttpResponse<String> delete(String path) {
        return server.send(authorized(HttpRequest.newBuilder(server.base().resolve(path))).DELETE().build());
    }

    /** Uploads a file as {@code multipart/form-data} field {@code field}, as a browser's form would. */
    public HttpResponse<String> upload(String path, String field, String filename, byte[] content) {
        String boundary = "rapport-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\"" + filename
                         + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return server.send(authorized(HttpRequest.newBuilder(server.base().resolve(path)))
                                   .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                                   .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
    }

    /**
     * Subscribes over WebSocket ({@code graphql-transport-ws}, signed in as this user) and collects the payload of
     * every {@code next} message until the server completes the subscription.
     *
     * @throws AssertionError when it does not complete within {@code patience}, or the server sends an error
     */
    public List<JsonNode> subscribe(String document, Map<String, ?> variables, Duration patience) {
        return new Subscription(server, token).collect(document, variables, patience);
    }

    /**
     * Subscribes over WebSocket as this user and returns whatever arrives within {@code window} ({@code next}
     * payloads and {@code error} payloads alike), without requiring the subscription to complete: for checking what
     * must not arrive.
     */
    public List<JsonNode> listen(String document, Map<String, ?> variables, Duration window) {
        return new Subscription(server, token).listen(document, variables, window);
    }

    /** The JSON of an answer's body. */
    public static JsonNode json(HttpResponse<String> response) {
        try {
            return TestServer.JSON.readTree(response.body());
        } catch (java.io.IOException e) {
            throw new IllegalStateException("not JSON: " + response.body(), e);
        }
    }

    private HttpRequest.Builder authorized(HttpRequest.Builder request) {
        return token == null ? request : request.header("Authorization", "Bearer " + token);
    }

    /** The same account without its token: what anyone else could send. */
    public TestUser signedOut() {
        return new TestUser(accountId, null, server);
    }
}
