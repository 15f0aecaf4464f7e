package app.rapport.application.eventstore;

import app.rapport.application.storage.AppendDurability;
import com.mongodb.MongoException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventUtils;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.serialization.Serializer;
import org.bson.Document;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

import static app.rapport.application.eventstore.CommitDocuments.*;

/**
 * Appends one commit: takes its global indexes from the counter, inserts it within the write deadline, makes it
 * durable, and tells the sender where it landed. A commit that cannot be stored leaves an abandoned (empty)
 * commit in its place, so readers need not wait for it.
 */
final class CommitAppender {

    private final MongoCollection<Document> events;
    private final MongoCollection<Document> sequences;
    private final AppendDurability durability;
    private final Clock clock;
    private final Duration writeDeadline;
    private final AppendedPositions appendedPositions;
    private final BiConsumer<Exception, DomainEventMessage<?>> onVersionConflict;

    CommitAppender(MongoCollection<Document> events, MongoCollection<Document> sequences, AppendDurability durability,
                   Clock clock, Duration writeDeadline, AppendedPositions appendedPositions,
                   BiConsumer<Exception, DomainEventMessage<?>> onVersionConflict) {
        this.events = events;
        this.sequences = sequences;
        this.durability = durability;
        this.clock = clock;
        this.writeDeadline = writeDeadline;
        this.appendedPositions = appendedPositions;
        this.onVersionConflict = onVersionConflict;
    }

    void append(List<? extends EventMessage<?>> eventMessages, Serializer serializer) {
        if (eventMessages.isEmpty()) {
            return;
        }
        List<DomainEventMessage<?>> messages = new ArrayList<>(eventMessages.size());
        List<Document> entries = new ArrayList<>(eventMessages.size());
        List<String> keys = new ArrayList<>(eventMessages.size());
        for (EventMessage<?> eventMessage : eventMessages) {
            DomainEventMessage<?> message = EventUtils.asDomainEventMessage(eventMessage);
            messages.add(message);
            entries.add(toEntry(message, serializer));
            if (message.getType() != null) {
                keys.add(aggregateKey(message.getAggregateIdentifier(), message.getSequenceNumber()));
            }
        }
        int count = messages.size();
        long allocatedAt = clock.millis();
        long firstIndex = allocate(count);
        if (keys.isEmpty()) {
            keys.add(globalKey(firstIndex));
        }
        Document commit = new Document("_id", firstIndex)
                .append("count", count)
                .append("keys", keys)
                .append("storedAt", clock.millis())
                .append("events", entries);
        long timeLeft = writeDeadline.toMillis() - (clock.millis() - allocatedAt);
        if (timeLeft <= 0) {
            abandon(firstIndex, count);
            throw new EventStoreException("Storing events took longer than " + writeDeadline
                                                  + "; nothing was stored, the command may be retried");
        }
        try {
            // Bounded, so the writer gives up and says so rather than hanging; should the insert still arrive
            // later, readers will have fenced its indexes by then and it is refused (fenceStaleGaps).
            events.withTimeout(timeLeft, TimeUnit.MILLISECONDS).insertOne(commit);
        } catch (MongoWriteException e) {
            if (isVersionConflict(e)) {
                abandon(firstIndex, count);
                onVersionConflict.accept(e, firstDomainEvent(messages));
            }
            settleUnknownOutcome(firstIndex, messages, e);
            return;
        } catch (MongoException e) {
            settleUnknownOutcome(firstIndex, messages, e);
            return;
        }
        acknowledge(firstIndex, messages);
    }

    private void acknowledge(long firstIndex, List<DomainEventMessage<?>> messages) {
        durability.makeDurable();
        long lastIndex = firstIndex + messages.size() - 1;
        messages.stream()
                .map(message -> message.getMetaData().get(AppendedPositions.CORRELATION_ID))
                .filter(String.class::isInstance)
                .distinct()
                .forEach(commandId -> appendedPositions.record((String) commandId, lastIndex));
    }

    /**
     * After an error whose outcome is unknown (a timeout, a lost connection) the commit may or may not have
     * been stored. Claiming its position for an abandoned commit settles which: if that claim fails, the
     * commit is there.
     */
    private void settleUnknownOutcome(long firstIndex, List<DomainEventMessage<?>> messages, MongoException cause) {
        int count = messages.size();
        String firstEventId = messages.get(0).getIdentifier();
        boolean abandoned;
        Document occupant;
        try {
            abandoned = abandon(firstIndex, count);
            occupant = abandoned ? null : events.find(Filters.eq("_id", firstIndex)).first();
        } catch (MongoException e) {
            cause.addSuppressed(e);
            throw new EventStoreException("Storing events failed and it is unknown whether they were stored", cause);
        }
        if (abandoned) {
            throw new EventStoreException("Storing events failed; nothing was stored: " + cause.getMessage(), cause);
        }
        if (occupant != null && occupant.getBoolean(FENCED, false)) {
            throw new EventStoreException("Storing events took so long that readers stopped waiting for them; nothing "
                                                  + "was stored, the command may be retried", cause);
        }
        List<Document> stored = occupant == null ? List.of() : occupant.getList("events", Document.class);
        if (stored.isEmpty() || !firstEventId.equals(stored.get(0).getString("eventId"))) {
            throw new EventStoreException("Global index " + firstIndex + " is taken by another commit: the event counter in '"
                                                  + SEQUENCES + "' is behind the stored events; nothing was stored", cause);
        }
        acknowledge(firstIndex, messages);
    }

    /** Fills the given positions with an empty commit, so readers need not wait for them. */
    private boolean abandon(long firstIndex, int count) {
        return claimWithEmptyCommit(events, firstIndex, count, clock.millis(), false) != null;
    }

    private long allocate(int count) {
        // The counter as it was before this increment: under concurrent writers the embedded server may
        // return the document "after" with a later writer's increment in it too, handing out an index twice.
        Document counter = sequences.findOneAndUpdate(Filters.eq("_id", EVENT_COUNTER),
                                                      Updates.inc("value", (long) count),
                                                      new FindOneAndUpdateOptions().returnDocument(ReturnDocument.BEFORE));
        if (counter == null) {
            throw new EventStoreException("The event counter is missing from collection '" + SEQUENCES + "'");
        }
        return counter.get("value", Number.class).longValue() + 1;
    }

    private static DomainEventMessage<?> firstDomainEvent(List<DomainEventMessage<?>> messages) {
        return messages.stream().filter(m -> m.getType() != null).findFirst().orElse(messages.get(0));
    }
}
