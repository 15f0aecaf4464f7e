package app.rapport.plugin.testkit;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** One GraphQL subscription over WebSocket, as a dashboard opens it: {@code graphql-transport-ws}. */
final class Subscription implements WebSocket.Listener {

    private final TestServer server;
    private final String token;
    private final List<JsonNode> payloads = new ArrayList<>();
    private final CompletableFuture<List<JsonNode>> completed = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();
    private Map<String, Object> subscribe;

    Subscription(TestServer server, String token) {
        this.server = server;
        this.token = token;
    }

    /**
     * Every message the subscription gets within {@code window}: the payloads of {@code next} and {@code error}
     * messages, until the window closes or the server ends it. For what must not arrive.
     */
    List<JsonNode> listen(String document, Map<String, ?> variables, Duration window) {
        listening = true;
        try {
            return collect(document, variables, window);
        } catch (AssertionError quiet) {
            return List.copyOf(payloads);
        }
    }

    private boolean listening;

    List<JsonNode> collect(String document, Map<String, ?> variables, Duration patience) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("query", document);
        payload.put("variables", variables);
        subscribe = Map.of("id", "1", "type", "subscribe", "payload", payload);
        URI uri = URI.create("ws://" + server.base().getAuthority() + "/graphql");
        WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder().subprotocols("graphql-transport-ws")
                                     .buildAsync(uri, this).join();
        try {
            send(socket, Map.of("type", "connection_init", "payload", token == null ? Map.of() : Map.of("Authorization", "Bearer " + token)));
            return completed.get(patience.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException late) {
            throw new AssertionError("the subscription did not complete within " + patience + "; received " + payloads);
        } catch (ExecutionException failed) {
            throw new AssertionError(failed.getCause().getMessage(), failed.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            socket.abort();
        }
    }

    @Override
    public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            handle(socket, read(partial.toString()));
            partial.setLength(0);
        }
        socket.request(1);
        return null;
    }

    private void handle(WebSocket socket, JsonNode message) {
        switch (message.path("type").asText()) {
            case "connection_ack" -> send(socket, subscribe);
            case "next" -> payloads.add(message.path("payload"));
            case "complete" -> completed.complete(List.copyOf(payloads));
            case "error" -> {
                if (listening) {
                    payloads.add(message.path("payload"));
                    completed.complete(List.copyOf(payloads));
                } else {
                    completed.completeExceptionally(new AssertionError("the subscription failed: " + message));
                }
            }
            default -> { } // ping, pong
        }
    }

    @Override
    public void onError(WebSocket socket, Throwable error) {
        completed.completeExceptionally(error);
    }

    @Override
    public CompletionStage<?> onClose(WebSocket socket, int statusCode, String reason) {
        completed.completeExceptionally(new AssertionError("the server closed the connection: " + statusCode + " " + reason));
        return null;
    }

    private static void send(WebSocket socket, Map<String, ?> message) {
        try {
            socket.sendText(TestServer.JSON.writeValueAsString(message), true).join();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode read(String text) {
        try {
            return TestServer.JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
