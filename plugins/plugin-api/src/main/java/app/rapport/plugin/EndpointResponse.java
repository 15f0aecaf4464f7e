package app.rapport.plugin;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** What an endpoint answers. */
public record EndpointResponse(int status, String contentType, byte[] body, Map<String, String> headers) {

    public static EndpointResponse json(int status, String json) {
        return new EndpointResponse(status, "application/json", json.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    /** A refusal the caller can act on: {@code {"error": message, "field": field}}. */
    public static EndpointResponse error(int status, String field, String message) {
        return json(status, "{\"error\":" + Json.quote(message) + (field == null ? "" : ",\"field\":" + Json.quote(field)) + "}");
    }

    public static EndpointResponse text(int status, String contentType, String text) {
        return new EndpointResponse(status, contentType, text.getBytes(StandardCharsets.UTF_8), Map.of());
    }
}
