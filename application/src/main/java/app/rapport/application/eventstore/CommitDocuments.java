package app.rapport.application.eventstore;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.bson.Document;

import java.time.Instant;
import java.util.List;


/**
 * The documents of Rapport's event store: one per commit in {@code events}, holding its events; the counter of
 * global indexes in {@code sequences}; the newest snapshot per aggregate in {@code snapshots}. How each is
 * written and read, in one place for the appender, the aggregate reads and the stream tracker.
 */
final class CommitDocuments {

    static final String EVENTS = "events";
    static final String SNAPSHOTS = "snapshots";
    static final String SEQUENCES = "sequences";
    static final String KEYS_INDEX = "aggregate_sequence";
    static final String EVENT_COUNTER = "events";
    static final long FIRST_GLOBAL_INDEX = 1;
    /** Marks an empty commit that a reader put at an index whose writer was too slow. */
    static final String FENCED = "fenced";

    private CommitDocuments() {
    }

    /**
     * An empty commit over {@code count} indexes from {@code firstIndex}: a writer abandoning its indexes, or a
     * reader fencing one it stopped waiting for. Readers pass over it.
     */
    private static Document emptyCommit(long firstIndex, int count, long storedAt, boolean fenced) {
        Document commit = new Document("_id", firstIndex)
                .append("count", count)
                .append("keys", List.of(globalKey(firstIndex)))
                .append("storedAt", storedAt);
        if (fenced) {
            commit.append(FENCED, true);
        }
        return commit.append("events", List.of());
    }

    /**
     * Puts an empty commit at {@code firstIndex}, unless something holds that index already.
     *
     * @return the empty commit stored, or null when the index was taken
     */
    static Document claimWithEmptyCommit(MongoCollection<Document> events, long firstIndex, int count, long storedAt,
                                         boolean fenced) {
        Document claim = emptyCommit(firstIndex, count, storedAt, fenced);
        try {
            events.insertOne(claim);
            return claim;
        } catch (MongoWriteException e) {
            if (isDuplicateKey(e)) {
                return null;
            }
            throw e;
        }
    }

    /** The last global index a commit covers. */
    static long lastIndexOf(Document commit) {
        return indexOf(commit) + commit.get("count", Number.class).longValue() - 1;
    }

    static Document toEntry(DomainEventMessage<?> message, Serializer serializer) {
        SerializedObject<String> payload = message.serializePayload(serializer, String.class);
        SerializedObject<String> metaData = message.serializeMetaData(serializer, String.class);
        return new Document("eventId", message.getIdentifier())
                .append("aggregateType", message.getType())
                .append("aggregateId", message.getAggregateIdentifier())
                .append("sequence", message.getSequenceNumber())
                .append("timestamp", message.getTimestamp().toString())
                .append("payloadType", payload.getType().getName())
                .append("payloadRevision", payload.getType().getRevision())
                .append("payload", payload.getData())
                .append("metaData", metaData.getData());
    }

    static long indexOf(Document commit) {
        return commit.get("_id", Number.class).longValue();
    }

    static Instant commitTime(Document commit) {
        List<Document> entries = commit.getList("events", Document.class);
        return entries.isEmpty()
                ? Instant.ofEpochMilli(commit.get("storedAt", Number.class).longValue())
                : Instant.parse(entries.get(0).getString("timestamp"));
    }

    static DomainEventData<?> toDomainEventData(Document entry) {
        return new GenericDomainEventEntry<>(entry.getString("aggregateType"),
                                             entry.getString("aggregateId"),
                                             sequenceOf(entry),
                                             entry.getString("eventId"),
                                             entry.getString("timestamp"),
                                             entry.getString("payloadType"),
                                             entry.getString("payloadRevision"),
                                             entry.getString("payload"),
                                             entry.getString("metaData"));
    }

    static long sequenceOf(Document entry) {
        return entry.get("sequence", Number.class).longValue();
    }

    static String aggregateKey(String aggregateIdentifier, long sequenceNumber) {
        return aggregateIdentifier + "#" + sequenceNumber;
    }

    static String globalKey(long globalIndex) {
        return "~" + globalIndex;
    }

    /**
     * A duplicate key on the aggregate-sequence index: another commit claimed one of these aggregate versions.
     * MongoDB names the index's keys in the error's {@code keyPattern}; the embedded server only in the message,
     * in the same {@code index: <name> } form.
     */
    static boolean isVersionConflict(MongoWriteException exception) {
        if (!isDuplicateKey(exception)) {
            return false;
        }
        var details = exception.getError().getDetails();
        if (details != null && details.containsKey("keyPattern")) {
            return details.getDocument("keyPattern").containsKey("keys");
        }
        String message = exception.getError().getMessage();
        return message != null && message.contains("index: " + KEYS_INDEX + " ");
    }

    static boolean isDuplicateKey(Exception exception) {
        return exception instanceof MongoWriteException writeException
                && writeException.getError().getCategory() == ErrorCategory.DUPLICATE_KEY;
    }
}
