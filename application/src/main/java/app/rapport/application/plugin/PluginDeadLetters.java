package app.rapport.application.plugin;

import app.rapport.application.storage.Store;
import app.rapport.domain.shared.OwnerId;
import app.rapport.plugin.RapportEvent;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Plugins' dead letters: each holds the event as the plugin received it, so a retry hands it over again exactly.
 * Listed per plugin and owner: an owner sees and retries only the events of their own network.
 */
public class PluginDeadLetters {

    private final MongoCollection<Document> letters;

    PluginDeadLetters(Store store) {
        this.letters = store.database().getCollection("plugin_dead_letters");
    }

    void add(String plugin, RapportEvent event, int tries, Exception error, Instant at) {
        letters.insertOne(new Document("_id", UUID.randomUUID().toString())
                                  .append("plugin", plugin)
                                  .append("owner", event.ownerId())
                                  .append("event", toDocument(event))
                                  .append("failedAt", Date.from(at))
                                  .append("tries", tries)
                                  .append("error", describe(error)));
    }

    /** A failed event keeps the event's data in the clear: a forgotten contact's go with them. */
    void forgetContact(OwnerId owner, String contactId) {
        letters.deleteMany(Filters.and(Filters.eq("owner", owner.value()), Filters.eq("event.contactId", contactId)));
    }

    void forgetOwner(OwnerId owner) {
        letters.deleteMany(Filters.eq("owner", owner.value()));
    }

    public List<DeadLetter> list(String plugin, OwnerId owner) {
        List<DeadLetter> found = new ArrayList<>();
        letters.find(Filters.and(Filters.eq("plugin", plugin), Filters.eq("owner", owner.value())))
               .forEach(document -> found.add(letter(document)));
        found.sort(java.util.Comparator.comparingLong(DeadLetter::position));
        return found;
    }

    public int count(String plugin, OwnerId owner) {
        return (int) letters.countDocuments(Filters.and(Filters.eq("plugin", plugin), Filters.eq("owner", owner.value())));
    }

    Optional<Stored> find(String id, OwnerId owner) {
        return Optional.ofNullable(letters.find(Filters.eq("_id", id)).first())
                       .filter(document -> owner.value().equals(document.getString("owner")))
                       .map(document -> new Stored(letter(document), fromDocument(document.get("event", Document.class))));
    }

    void delete(String id) {
        letters.deleteOne(Filters.eq("_id", id));
    }

    void failedAgain(String id, Exception error, Instant at) {
        letters.updateOne(Filters.eq("_id", id), Updates.combine(Updates.inc("tries", 1),
                                                                 Updates.set("error", describe(error)),
                                                                 Updates.set("failedAt", Date.from(at))));
    }

    record Stored(DeadLetter letter, RapportEvent event) {
    }

    private static String describe(Exception error) {
        return error.getClass().getSimpleName() + (error.getMessage() == null ? "" : ": " + error.getMessage());
    }

    private static DeadLetter letter(Document document) {
        Document event = document.get("event", Document.class);
        return new DeadLetter(document.getString("_id"), document.getString("plugin"), document.getString("owner"),
                              event.getLong("position"), event.getString("type"), event.getString("contactId"),
                              document.getDate("failedAt").toInstant(), document.getInteger("tries"),
                              document.getString("error"));
    }

    private static Document toDocument(RapportEvent event) {
        return new Document("position", event.position()).append("type", event.type()).append("owner", event.ownerId())
                                                         .append("contactId", event.contactId())
                                                         .append("interviewId", event.interviewId())
                                                         .append("at", Date.from(event.at()))
                                                         .append("actor", event.actor())
                                                         .append("data", new Document(event.data()));
    }

    private static RapportEvent fromDocument(Document document) {
        return new RapportEvent(document.getLong("position"), document.getString("type"), document.getString("owner"),
                                document.getString("contactId"), document.getString("interviewId"),
                                document.getDate("at").toInstant(), document.getString("actor"),
                                plain(document.get("data", Document.class)));
    }

    /** The data as the plugin first saw it: maps and lists, not BSON documents. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> plain(Map<String, Object> document) {
        Map<String, Object> plain = new LinkedHashMap<>();
        document.forEach((key, value) -> {
            if (value != null) {
                plain.put(key, plainValue(value));
            }
        });
        return plain;
    }

    @SuppressWarnings("unchecked")
    private static Object plainValue(Object value) {
        if (value instanceof Map<?, ?> map) {
            return plain((Map<String, Object>) map);
        }
        if (value instanceof List<?> list) {
            return list.stream().map(PluginDeadLetters::plainValue).toList();
        }
        return value;
    }
}
