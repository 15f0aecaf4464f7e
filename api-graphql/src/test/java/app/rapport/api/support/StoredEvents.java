package app.rapport.api.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoDatabase;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.bson.RawBsonDocument;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The server's {@code events} collection read raw, as someone with access to the database would see it: each
 * document is one commit whose {@code events} array holds the stored events, with payload and metadata as
 * JSON text.
 */
public final class StoredEvents {

    public static final String COLLECTION = "events";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final MongoDatabase database;

    StoredEvents(MongoDatabase database) {
        this.database = database;
    }

    /** Every commit document exactly as stored, byte for byte. */
    public List<RawBsonDocument> rawCommits() {
        return database.getCollection(COLLECTION, RawBsonDocument.class).find().into(new ArrayList<>());
    }

    /** The events of one aggregate ({@code owner/id}), in the order they were stored. */
    public List<StoredEvent> ofAggregate(String aggregateId) {
        return matching(event -> event.aggregateId().equals(aggregateId));
    }

    /** Every event about the things of the account {@code accountId}. */
    public List<StoredEvent> ofOwner(String accountId) {
        return matching(event -> event.aggregateId() != null && event.aggregateId().startsWith(accountId + "/"));
    }

    public List<StoredEvent> matching(Predicate<StoredEvent> wanted) {
        List<StoredEvent> found = new ArrayList<>();
        for (RawBsonDocument commit : rawCommits()) {
            for (BsonValue entry : commit.getArray(COLLECTION)) {
                StoredEvent event = StoredEvent.of(entry.asDocument());
                if (wanted.test(event)) {
                    found.add(event);
                }
            }
        }
        return found;
    }

    /**
     * One stored event.
     *
     * @param type the payload's simple class name, e.g. {@code ContactAdded}
     */
    public record StoredEvent(String aggregateId, String type, JsonNode payload, JsonNode metaData) {

        static StoredEvent of(BsonDocument entry) {
            String payloadType = entry.getString("payloadType").getValue();
            String aggregateId = entry.containsKey("aggregateId") && entry.get("aggregateId").isString()
                    ? entry.getString("aggregateId").getValue() : null;
            return new StoredEvent(aggregateId, payloadType.substring(payloadType.lastIndexOf('.') + 1),
                                   parse(entry.getString("payload").getValue()), parse(entry.getString("metaData").getValue()));
        }

        private static JsonNode parse(String json) {
            try {
                return JSON.readTree(json);
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
