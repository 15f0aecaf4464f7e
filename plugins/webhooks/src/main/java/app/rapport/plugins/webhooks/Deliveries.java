package app.rapport.plugins.webhooks;

import app.rapport.plugin.EventFollower;
import app.rapport.plugin.Json;
import app.rapport.plugin.OutboundAddress;
import app.rapport.plugin.OwnerSettings;
import app.rapport.plugin.PluginContext;
import app.rapport.plugin.RapportEvent;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Posts each event an owner's hook asked for. A delivery that is not answered with a 2xx throws, so that the host
 * tries it again with back-off and then keeps it as a dead letter; the receiver tells repeats apart by
 * {@code X-Rapport-Delivery}, the event's position in the stream.
 */
final class Deliveries implements EventFollower {

    static final String SIGNATURE = "X-Rapport-Signature";

    private final PluginContext context;
    private final boolean allowPrivate;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                                              .followRedirects(HttpClient.Redirect.NEVER).build();

    Deliveries(PluginContext context, boolean allowPrivate) {
        this.context = context;
        this.allowPrivate = allowPrivate;
    }

    /** Only an owner's events their hook asked for: the rest of the stream costs this plugin nothing. */
    @Override
    public boolean follows(String eventType, String ownerId) {
        return wanted(context.settings(ownerId).all(), eventType);
    }

    @Override
    public void on(RapportEvent event) throws IOException, InterruptedException {
        OwnerSettings hook = context.settings(event.ownerId());
        Map<String, String> settings = hook.all(); // read again: the hook may have changed since follows() was asked
        if (!wanted(settings, event.type())) {
            return;
        }
        String url = settings.get(WebhooksPlugin.URL);
        URI target = OutboundAddress.check(WebhooksPlugin.URL, url, allowPrivate);
        byte[] body = body(event).getBytes(StandardCharsets.UTF_8);
        HttpResponse<Void> answer = http.send(
                HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(10))
                           .header("Content-Type", "application/json")
                           .header("User-Agent", "Rapport-Webhooks/1")
                           .header("X-Rapport-Event", event.type())
                           .header("X-Rapport-Delivery", Long.toString(event.position()))
                           .header(SIGNATURE, "sha256=" + sign(hook.secret(WebhooksPlugin.SIGNING_KEY).orElseThrow(), body))
                           .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.discarding());
        if (answer.statusCode() / 100 != 2) {
            throw new IOException("the hook answered " + answer.statusCode());
        }
    }

    private static boolean wanted(Map<String, String> settings, String type) {
        return settings.get(WebhooksPlugin.URL) != null && wanted(settings.getOrDefault(WebhooksPlugin.EVENTS, ""), type);
    }

    /** {@code *} or a comma-separated list of event types. */
    static boolean wanted(String events, String type) {
        return events.strip().equals("*") || Arrays.stream(events.split(",")).map(String::strip).anyMatch(type::equals);
    }

    static String body(RapportEvent event) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", event.type());
        body.put("position", event.position());
        body.put("ownerId", event.ownerId());
        body.put("contactId", event.contactId());
        body.put("interviewId", event.interviewId());
        body.put("at", event.at());
        body.put("actor", event.actor());
        body.put("data", event.data());
        return Json.write(body);
    }

    /** HMAC-SHA256 of the body, hex: what the receiver computes with its copy of the key and compares. */
    static String sign(String key, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java has HmacSHA256", e);
        }
    }
}
