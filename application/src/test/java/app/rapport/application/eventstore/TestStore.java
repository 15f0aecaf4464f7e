package app.rapport.application.eventstore;

import app.rapport.application.storage.AppendDurability;
import app.rapport.application.storage.EmbeddedMongoServer;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

/**
 * The data one contract test works on. It can be opened, closed and opened again over the same data (a
 * restart), one connection at a time: the embedded backend lets only one server own its file.
 */
interface TestStore {

    /** A client, and for the embedded backend the server too, over this store's data. */
    Connection open();

    /** What {@link AppendUntilKilled} needs to reach the same data from another JVM. */
    List<String> childArguments();

    /** Removes what the test left behind; called once no connection is open. */
    void discard();

    /** An open store. Closing it is what a process exit does to its clients and its embedded server. */
    record Connection(MongoDatabase database, AppendDurability durability, Runnable closer) implements AutoCloseable {

        @Override
        public void close() {
            closer.run();
        }
    }

    /** The embedded backend over a data directory, which outlives the server. */
    static TestStore embedded(Path dataDirectory) {
        return new TestStore() {
            @Override
            public Connection open() {
                EmbeddedMongoServer server = EmbeddedMongoServer.start(dataDirectory);
                MongoClient client = MongoClients.create(server.connectionString());
                return new Connection(client.getDatabase("rapport"), server.durability(), () -> {
                    client.close();
                    server.close();
                });
            }

            @Override
            public List<String> childArguments() {
                return List.of("embedded", dataDirectory.toString());
            }

            @Override
            public void discard() {
                // The data directory belongs to JUnit's @TempDir.
            }
        };
    }

    /** A database of its own, named at random so that runs sharing a MongoDB never collide. */
    static TestStore remote(String connectionString) {
        return remote(connectionString, "rapport_test_" + UUID.randomUUID().toString().replace("-", ""));
    }

    private static TestStore remote(String connectionString, String databaseName) {
        return new TestStore() {
            @Override
            public Connection open() {
                MongoClient client = MongoClients.create(connectionString);
                return new Connection(client.getDatabase(databaseName), AppendDurability.WRITE_CONCERN, client::close);
            }

            @Override
            public List<String> childArguments() {
                return List.of("remote", connectionString, databaseName);
            }

            @Override
            public void discard() {
                try (MongoClient client = MongoClients.create(connectionString)) {
                    client.getDatabase(databaseName).drop();
                }
            }
        };
    }

    /** The store described by {@link #childArguments()}. */
    static TestStore fromChildArguments(String... arguments) {
        return switch (arguments[0]) {
            case "embedded" -> embedded(Path.of(arguments[1]));
            case "remote" -> remote(arguments[1], arguments[2]);
            default -> throw new IllegalArgumentException("Unknown store kind " + arguments[0]);
        };
    }
}
