package app.rapport.application.storage;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;

/**
 * The MongoDB that Rapport is connected to, embedded or real, and how to make a write survive a crash on it.
 *
 * @param database the records: events, accounts, keys, settings, written durably
 * @param views the views and the event processors' tokens, all made from the events: the records' database on a real
 *              MongoDB, a database of their own on the embedded store, which makes it durable less often
 *              ({@link EmbeddedMongoServer})
 * @param description which store is in use and where, safe to log (never contains credentials)
 * @param deadDataErasure how to overwrite what the store keeps of deleted documents
 */
public record Store(MongoClient client, MongoDatabase database, MongoDatabase views, AppendDurability durability,
                    String description, DeadDataErasure deadDataErasure) {

    /** A store with the views beside the records, whose deleted data is its operator's to erase. */
    public Store(MongoClient client, MongoDatabase database, AppendDurability durability, String description) {
        this(client, database, database, durability, description, DeadDataErasure.OPERATORS);
    }

    /** Round trip to the store; throws when it cannot be reached. */
    public void ping() {
        database.runCommand(new Document("ping", 1));
    }
}
