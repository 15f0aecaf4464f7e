package app.rapport.benchmark;

import app.rapport.application.storage.AppendDurability;
import app.rapport.application.storage.EmbeddedMongoServer;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What a rebuild of the views could reach at best on the embedded store: every view row written once, in bulk, with
 * nothing else to do. Two figures of the same run give it: how many rows a second the store takes in batches of a
 * thousand, each batch made durable, and how many view rows the rebuilt views hold per event.
 */
final class ReplayCeiling {

    /** The write side's collections and the server's bookkeeping: everything else in the store is a view. */
    private static final Set<String> NOT_VIEWS = Set.of("events", "snapshots", "sequences", "contact_keys", "accounts",
                                                        "sessions", "account_deletions", "trackingtokens",
                                                        "reminder_sweeps");
    private static final int BATCH = 1_000;
    private static final ReplaceOptions UPSERT = new ReplaceOptions().upsert(true);

    private ReplayCeiling() {
    }

    /**
     * View-like rows (an owner, a name, an organization, some text; an index on the owner) upserted in batches of
     * {@value #BATCH} into a fresh store, each batch made durable as the server does: rows per second, after as many
     * seconds again to warm up.
     */
    static double bulkRowsPerSecond(int seconds) throws IOException {
        Path dir = Files.createTempDirectory("rapport-bench-rows-");
        try (EmbeddedMongoServer embedded = EmbeddedMongoServer.start(dir);
             MongoClient mongo = MongoClients.create(embedded.connectionString())) {
            MongoCollection<Document> rows = mongo.getDatabase("ceiling").getCollection("rows");
            rows.createIndex(Indexes.ascending("owner"));
            upsertFor(seconds, rows, embedded.durability()); // the JIT's turn
            return upsertFor(seconds, rows, embedded.durability());
        }
    }

    /** Upserts rows numbered from 0 for that many seconds: rows per second. */
    private static double upsertFor(int seconds, MongoCollection<Document> rows, AppendDurability durability) {
        String text = "an informational interview about product management at a mid-sized company".repeat(4);
        long written = 0;
        long started = System.nanoTime();
        long until = started + seconds * 1_000_000_000L;
        while (System.nanoTime() < until) {
            List<WriteModel<Document>> batch = new ArrayList<>(BATCH);
            for (int i = 0; i < BATCH; i++, written++) {
                String key = "owner-" + (written % 16) + ":contact-" + written;
                Document row = new Document("_id", key).append("owner", "owner-" + (written % 16))
                                                       .append("displayName", "Name " + written)
                                                       .append("organization", "Organization " + (written % 50))
                                                       .append("text", text).append("version", written);
                batch.add(new ReplaceOneModel<>(Filters.eq("_id", key), row, UPSERT));
            }
            rows.bulkWrite(batch);
            durability.makeDurable();
        }
        return written / ((System.nanoTime() - started) / 1e9);
    }

    /** The rows of every view in the store of a stopped server, by collection. */
    static Map<String, Long> viewRows(Path dataDir) {
        Map<String, Long> counts = new TreeMap<>();
        try (EmbeddedMongoServer embedded = EmbeddedMongoServer.start(dataDir);
             MongoClient mongo = MongoClients.create(embedded.connectionString())) {
            // The views' own database, and the records' where an older server kept them
            for (String name : List.of("rapport", EmbeddedMongoServer.viewsDatabaseOf("rapport"))) {
                MongoDatabase database = mongo.getDatabase(name);
                for (String collection : database.listCollectionNames()) {
                    if (!NOT_VIEWS.contains(collection) && !collection.startsWith("plugin_")) {
                        counts.merge(collection, database.getCollection(collection).countDocuments(), Long::sum);
                    }
                }
            }
        }
        return counts;
    }
}
