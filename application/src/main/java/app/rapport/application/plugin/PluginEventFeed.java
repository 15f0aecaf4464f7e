package app.rapport.application.plugin;

import app.rapport.application.history.EventData;
import app.rapport.application.messaging.ConsistentCommandGateway;
import app.rapport.domain.contact.RelationshipEvent;
import app.rapport.domain.shared.Identifiers;
import app.rapport.plugin.EventFollower;
import app.rapport.plugin.RapportEvent;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntFunction;

/**
 * Hands the relationship events of the stream to one plugin's follower, on the plugin's own processor
 * ({@code plugin-<id>}). Events of a type or an owner the follower does not follow ({@link EventFollower#follows}) are
 * passed over before a unit of work is started for them, so they cost no step and no write of the processor's position (Axon
 * stores it every few seconds then). A follower that throws is tried again {@value #TRIES} times in all, with the plugin's back-off;
 * then the event goes to the dead letters and the stream goes on, so one poison event stops neither the plugin nor
 * anyone else. Nothing here throws to the processor but a failure to store the dead letter, or views that do not show
 * the event in time, either of which stops the processor to be retried: an event is never dropped silently.
 * <p>
 * The follower is handed an event only once the entity views show it, since what it reads of the owner's network
 * (a contact, an interview and its meeting) is read from them: a plugin's processor is as quick as the views' and
 * would otherwise read the state before the event it is handling.
 */
final class PluginEventFeed implements EventMessageHandler {

    static final int TRIES = 3;

    private static final Logger log = LoggerFactory.getLogger(PluginEventFeed.class);

    private final String plugin;
    private final EventFollower follower;
    private final ViewsShowing viewsShowing;
    private final PluginDeadLetters deadLetters;
    private final IntFunction<Duration> backOff;
    private final Clock clock;

    /** Returns once the views a plugin reads show the event at a position; throws when they do not in time. */
    interface ViewsShowing {
        void await(long position);
    }

    PluginEventFeed(String plugin, EventFollower follower, ViewsShowing viewsShowing, PluginDeadLetters deadLetters,
                    IntFunction<Duration> backOff, Clock clock) {
        this.plugin = plugin;
        this.follower = follower;
        this.viewsShowing = viewsShowing;
        this.deadLetters = deadLetters;
        this.backOff = backOff;
        this.clock = clock;
    }

    String plugin() {
        return plugin;
    }

    @Override
    public boolean canHandle(EventMessage<?> message) {
        // By type and owner, both known without decoding the payload: an event passed over is never read.
        if (!RelationshipEvent.class.isAssignableFrom(message.getPayloadType())) {
            return false;
        }
        String type = message.getPayloadType().getSimpleName();
        try {
            return follower.follows(type, ownerOf(message));
        } catch (RuntimeException unsure) {
            return true; // then the follower decides in on(), with its tries and dead letters
        }
    }

    private static String ownerOf(EventMessage<?> message) {
        return message instanceof DomainEventMessage<?> fromAggregate
               ? Identifiers.ownerOfKey(fromAggregate.getAggregateIdentifier()).value()
               : ((RelationshipEvent) message.getPayload()).contactId().owner().value();
    }

    @Override
    public Object handle(EventMessage<?> message) throws InterruptedException {
        if (canHandle(message)) {
            TrackingToken token = message instanceof TrackedEventMessage<?> tracked ? tracked.trackingToken() : null;
            deliver(event((RelationshipEvent) message.getPayload(), message, token));
        }
        return null;
    }

    private void deliver(RapportEvent event) throws InterruptedException {
        if (event.position() >= 0) {
            viewsShowing.await(event.position());
        }
        for (int tries = 1; ; tries++) {
            try {
                follower.on(event);
                return;
            } catch (Exception failure) {
                if (tries >= TRIES) {
                    log.warn("Plugin {} failed on {} at {} {} times; it is in the plugin's dead letters: {}",
                             plugin, event.type(), event.position(), tries, failure.toString());
                    deadLetters.add(plugin, event, tries, failure, clock.instant());
                    return;
                }
                Thread.sleep(backOff.apply(tries).toMillis());
            }
        }
    }

    static RapportEvent event(RelationshipEvent payload, EventMessage<?> message, TrackingToken token) {
        long position = token instanceof GapAwareTrackingToken gapAware ? gapAware.getIndex() : -1;
        Object actor = message.getMetaData().get(ConsistentCommandGateway.ACTOR);
        return new RapportEvent(position, payload.getClass().getSimpleName(), payload.contactId().owner().value(),
                                payload.contactId().value(),
                                payload.interviewId() == null ? null : payload.interviewId().value(),
                                message.getTimestamp(), actor == null ? "system" : actor.toString(), data(payload));
    }

    /** The event's fields as the history keeps them ({@link EventData}), absent fields left out. */
    private static Map<String, Object> data(Object payload) {
        Map<String, Object> data = new LinkedHashMap<>(EventData.of(payload));
        data.values().removeIf(Objects::isNull);
        return data;
    }
}
