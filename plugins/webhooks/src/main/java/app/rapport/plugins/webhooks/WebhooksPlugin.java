package app.rapport.plugins.webhooks;

import app.rapport.plugin.Endpoint;
import app.rapport.plugin.EndpointRequest;
import app.rapport.plugin.EndpointResponse;
import app.rapport.plugin.Json;
import app.rapport.plugin.OutboundAddress;
import app.rapport.plugin.OwnerSettings;
import app.rapport.plugin.PluginApi;
import app.rapport.plugin.PluginContext;
import app.rapport.plugin.PluginDescriptor;
import app.rapport.plugin.RapportPlugin;
import app.rapport.plugin.Refused;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Webhooks, one per owner, at {@code /plugins/webhooks/hook}:
 * <ul>
 *     <li>{@code PUT ?url=…&events=ContactAdded,MeetingConfirmed} (or {@code events=*}) sets it and answers the signing
 *     key, once;</li>
 *     <li>{@code GET} shows the URL and the events, never the key;</li>
 *     <li>{@code DELETE} removes it.</li>
 * </ul>
 * Deliveries to loopback and private addresses are refused unless {@code rapport.plugins.webhooks.allow-private-addresses=true}.
 */
public final class WebhooksPlugin implements RapportPlugin {

    static final String URL = "url";
    static final String EVENTS = "events";
    static final String SIGNING_KEY = "signing-key";

    private final SecureRandom random = new SecureRandom();

    @Override
    public PluginDescriptor descriptor() {
        return new PluginDescriptor("webhooks", "Webhooks", "1.0.0", PluginApi.VERSION, PluginApi.VERSION);
    }

    @Override
    public void start(PluginContext context) {
        boolean allowPrivate = context.property("allow-private-addresses").map(Boolean::parseBoolean).orElse(false);
        context.follow(new Deliveries(context, allowPrivate));
        context.endpoint(Endpoint.forOwner("PUT", "hook", request -> set(context.settings(request.ownerId()), request, allowPrivate)));
        context.endpoint(Endpoint.forOwner("GET", "hook", request -> show(context.settings(request.ownerId()))));
        context.endpoint(Endpoint.forOwner("DELETE", "hook", request -> {
            context.settings(request.ownerId()).clear();
            return EndpointResponse.json(200, "{\"removed\":true}");
        }));
    }

    private EndpointResponse set(OwnerSettings hook, EndpointRequest request, boolean allowPrivate) {
        String url = OutboundAddress.check(URL, first(request, URL), allowPrivate).toString();
        String events = first(request, EVENTS);
        if (events == null || events.isBlank()) {
            throw new Refused(EVENTS, "events must name the event types to send, comma-separated (ContactAdded,MeetingConfirmed), or *");
        }
        byte[] key = new byte[32];
        random.nextBytes(key);
        String signingKey = HexFormat.of().formatHex(key);
        hook.put(URL, url);
        hook.put(EVENTS, events.strip());
        hook.putSecret(SIGNING_KEY, signingKey);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put(URL, url);
        answer.put(EVENTS, events.strip());
        answer.put("signingKey", signingKey);
        answer.put("note", "the signing key is shown once: each delivery carries " + Deliveries.SIGNATURE
                           + ": sha256=<hex HMAC-SHA256 of the body under this key>");
        return EndpointResponse.json(200, Json.write(answer));
    }

    private static EndpointResponse show(OwnerSettings hook) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put(URL, hook.get(URL).orElse(null));
        answer.put(EVENTS, hook.get(EVENTS).orElse(null));
        return EndpointResponse.json(200, Json.write(answer));
    }

    private static String first(EndpointRequest request, String name) {
        List<String> values = request.parameters().get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
