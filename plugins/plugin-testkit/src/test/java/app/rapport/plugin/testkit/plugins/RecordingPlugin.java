package app.rapport.plugin.testkit.plugins;

import app.rapport.plugin.Endpoint;
import app.rapport.plugin.EndpointResponse;
import app.rapport.plugin.EventFollower;
import app.rapport.plugin.GraphQlFields;
import app.rapport.plugin.Refused;
import app.rapport.plugin.OwnerSettings;
import app.rapport.plugin.PluginApi;
import app.rapport.plugin.PluginContext;
import app.rapport.plugin.PluginDescriptor;
import app.rapport.plugin.RapportEvent;
import app.rapport.plugin.RapportPlugin;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A plugin that records the events it follows (all but {@code ContactUpdated}, none of an owner whose setting
 * {@code quiet} is set) and whether a contact it is told of can be read yet, and fails on every contact named
 * "Poison" until healed; runs a job every second; serves an owner's endpoint and a public one.
 */
public class RecordingPlugin implements RapportPlugin {

    public static final List<RapportEvent> SEEN = new CopyOnWriteArrayList<>();
    /** The contacts whose {@code ContactAdded} arrived before the owner's network showed them. */
    public static final List<String> NOT_YET_READABLE = new CopyOnWriteArrayList<>();
    public static final AtomicInteger JOB_RUNS = new AtomicInteger();
    public static volatile boolean healed;

    @Override
    public PluginDescriptor descriptor() {
        return new PluginDescriptor("recorder", "Recorder", "0.1.0", 1, PluginApi.VERSION);
    }

    @Override
    public void start(PluginContext context) {
        context.follow(new EventFollower() {
            @Override
            public void on(RapportEvent event) {
                if (!healed && "Poison".equals(event.data().get("givenName"))) {
                    throw new IllegalStateException("cannot stomach " + event.contactId());
                }
                if ("ContactAdded".equals(event.type()) && context.owner(event.ownerId()).contact(event.contactId()).isEmpty()) {
                    NOT_YET_READABLE.add(event.contactId());
                }
                SEEN.add(event);
            }

            @Override
            public boolean follows(String eventType) {
                return !"ContactUpdated".equals(eventType);
            }

            @Override
            public boolean follows(String eventType, String ownerId) {
                return follows(eventType) && context.settings(ownerId).get("quiet").isEmpty();
            }

            @Override
            public boolean fromTheBeginning() {
                return true;
            }
        });
        context.every(Duration.ofSeconds(1), JOB_RUNS::incrementAndGet);
        context.graphQl(new GraphQlFields("""
                "What the recorder saw of your network."
                type RecorderInfo { owner: ID!, seen: Int! }
                extend type Query { recorder: RecorderInfo! }
                extend type Mutation { recorderEcho(text: String!): String! }
                """, Map.of(
                "Query.recorder", call -> Map.of("owner", call.ownerId(),
                                                 "seen", SEEN.stream().filter(event -> event.ownerId().equals(call.ownerId())).count()),
                "Mutation.recorderEcho", call -> {
                    String text = (String) call.arguments().get("text");
                    if (text.isBlank()) {
                        throw new Refused("text", "text must not be blank");
                    }
                    return text;
                })));
        context.endpoint(Endpoint.forOwner("GET", "seen", request -> EndpointResponse.json(200, "{\"owner\":\"" + request.ownerId()
                + "\",\"events\":" + SEEN.stream().filter(event -> event.ownerId().equals(request.ownerId())).count() + "}")));
        context.endpoint(Endpoint.forOwner("POST", "settings", request -> {
            OwnerSettings settings = context.settings(request.ownerId());
            settings.put(request.parameters().get("name").get(0), request.parameters().get("value").get(0));
            settings.putSecret("token", request.parameters().get("token").get(0));
            return EndpointResponse.json(204, "");
        }));
        context.endpoint(Endpoint.forOwner("GET", "settings", request -> {
            OwnerSettings settings = context.settings(request.ownerId());
            return EndpointResponse.text(200, "text/plain", settings.all() + " token=" + settings.secret("token").orElse("none")
                                                            + " owners=" + context.ownersWithSettings().contains(request.ownerId()));
        }));
        context.endpoint(Endpoint.forOwner("POST", "endless-job", request ->
                EndpointResponse.json(202, "{\"id\":\"" + context.startJob(request.ownerId(), "endless").id() + "\"}")));
        context.endpoint(new Endpoint("GET", "echo/*", true, request -> EndpointResponse.text(200, "text/plain", request.path())));
    }
}
