package app.rapport.application.account;

import app.rapport.application.storage.AppendDurability;
import app.rapport.application.storage.EmbeddedMongoServer;
import app.rapport.application.storage.Store;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The data one account test works on; it can be opened again over the same data, as after a restart. Counts
 * the commits of the embedded store, so that a test can see that a write was made durable before it returned.
 */
abstract class AccountTestStore {

    final AtomicInteger commits = new AtomicInteger();

    /** A store over this data; close it before opening another. */
    abstract Connection open();

    /** Removes what the test left behind. */
    abstract void discard();

    record Connection(Store store, Runnable closer) implements AutoCloseable {

        @Override
        public void close() {
            closer.run();
        }
    }

    static AccountTestStore embedded(Path dataDirectory) {
        return new AccountTestStore() {
            @Override
            Connection open() {
                EmbeddedMongoServer server = EmbeddedMongoServer.start(dataDirectory);
                MongoClient client = MongoClients.create(server.connectionString());
                AppendDurability counted = () -> {
                    server.durability().makeDurable();
                    commits.incrementAndGet();
                };
                Store store = new Store(client, client.getDatabase("rapport"), counted, "embedded, for a test");
                return new Connection(store, () -> {
                    client.close();
                    server.close();
                });
            }

            @Override
            void discard() {
                // The data directory belongs to JUnit's @TempDir.
            }
        };
    }

    /** A database of its own on a real MongoDB, named at random so that runs sharing a server never collide. */
    static AccountTestStore remote(String connectionString) {
        String databaseName = "rapport_test_" + UUID.randomUUID().toString().replace("-", "");
        return new AccountTestStore() {
            @Override
            Connection open() {
                MongoClient client = MongoClients.create(connectionString);
                AppendDurability counted = commits::incrementAndGet;
                Store store = new Store(client, client.getDatabase(databaseName), counted, "MongoDB, for a test");
                return new Connection(store, client::close);
            }

            @Override
            void discard() {
                try (MongoClient client = MongoClients.create(connectionString)) {
                    client.getDatabase(databaseName).drop();
                }
            }
        };
    }
}
