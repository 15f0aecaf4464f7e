package app.rapport.application.storage;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;

/**
 * The MongoDB that Rapport is connected to, embedded or real, and how to make a write survive a crash on it.
 *
 * @param description which store is in use and where, safe to log (never contains credentials)
 */
public record Store(MongoClient client, MongoDatabase database, AppendDurability durability, String description) {

    /** Round trip to the store; throws when it cannot be reached. */
    public void ping() {
        database.runCommand(new Document("ping", 1));
    }
}
