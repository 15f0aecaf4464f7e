package app.rapport.application.privacy;

import app.rapport.application.StoreCommands;
import app.rapport.application.storage.AppendDurability;
import app.rapport.application.storage.EmbeddedMongoServer;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;

import java.nio.file.Path;

/**
 * The embedded backend as the server runs it by default, reached through the driver. (The event store's
 * own test store is private to its package; this is the little of it these tests need.)
 */
final class EmbeddedStore implements AutoCloseable {

    private final EmbeddedMongoServer server;
    private final MongoClient client;
    private final StoreCommands commands = new StoreCommands();

    private EmbeddedStore(EmbeddedMongoServer server) {
        this.server = server;
        this.client = commands.client(server.connectionString());
    }

    static EmbeddedStore start(Path dataDirectory) {
        return new EmbeddedStore(EmbeddedMongoServer.start(dataDirectory));
    }

    MongoDatabase database() {
        return client.getDatabase("rapport");
    }

    /** The commands sent to the store so far. */
    StoreCommands commands() {
        return commands;
    }

    AppendDurability durability() {
        return server.durability();
    }

    @Override
    public void close() {
        client.close();
        server.close();
    }
}
