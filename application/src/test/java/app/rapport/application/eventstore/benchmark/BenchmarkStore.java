package app.rapport.application.eventstore.benchmark;

import app.rapport.application.eventstore.MongoEventStorageEngine;
import app.rapport.application.storage.AppendDurability;
import app.rapport.application.storage.EmbeddedMongoServer;
import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.axonframework.serialization.Serializer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

/** A fresh, empty store on one backend, with Rapport's event storage engine on it, wired as in production. */
final class BenchmarkStore implements AutoCloseable {

    private final String description;
    private final MongoClient client;
    private final MongoDatabase database;
    private final MongoEventStorageEngine engine;
    private final EmbeddedMongoServer embedded;
    private final Path dataDirectory;
    private final boolean deleteDataDirectory;

    private BenchmarkStore(String description, MongoClient client, MongoDatabase database, AppendDurability durability,
                           Serializer serializer, EmbeddedMongoServer embedded, Path dataDirectory,
                           boolean deleteDataDirectory) {
        this.description = description;
        this.client = client;
        this.database = database;
        this.embedded = embedded;
        this.dataDirectory = dataDirectory;
        this.deleteDataDirectory = deleteDataDirectory;
        this.engine = MongoEventStorageEngine.builder()
                                             .database(database)
                                             .durability(durability)
                                             .eventSerializer(serializer)
                                             .snapshotSerializer(serializer)
                                             .build();
    }

    /**
     * The embedded backend in {@code dataDirectory}, or in a temporary directory (deleted on close) when it is
     * null. The durability commit after each append is on, as in production.
     */
    static BenchmarkStore embedded(Path dataDirectory, Serializer serializer) throws IOException {
        boolean temporary = dataDirectory == null;
        Path directory = temporary ? Files.createTempDirectory("rapport-benchmark-") : dataDirectory;
        if (Files.exists(directory.resolve(EmbeddedMongoServer.FILE_NAME))) {
            throw new IllegalArgumentException("The benchmark needs an empty store, but " + directory
                                                       + " already holds " + EmbeddedMongoServer.FILE_NAME);
        }
        EmbeddedMongoServer server = EmbeddedMongoServer.start(directory);
        MongoClient client = MongoClients.create(server.connectionString());
        return new BenchmarkStore("embedded (mongo-java-server, H2 file " + server.file() + ")", client,
                                  client.getDatabase("rapport"), server.durability(), serializer, server,
                                  directory, temporary);
    }

    /** A new database on a real MongoDB, dropped on close; durability comes from the engine's write concern. */
    static BenchmarkStore mongoDb(String uri, Serializer serializer) {
        ConnectionString connectionString = new ConnectionString(uri);
        MongoClient client = MongoClients.create(connectionString);
        String databaseName = "rapport_benchmark_" + UUID.randomUUID().toString().substring(0, 8);
        return new BenchmarkStore("MongoDB at " + String.join(",", connectionString.getHosts()) + ", database "
                                          + databaseName, client, client.getDatabase(databaseName),
                                  AppendDurability.WRITE_CONCERN, serializer, null, null, false);
    }

    String description() {
        return description;
    }

    MongoDatabase database() {
        return database;
    }

    MongoEventStorageEngine engine() {
        return engine;
    }

    /** Size of the embedded store's file, or -1 on a real MongoDB. */
    long fileSizeBytes() {
        try {
            return embedded == null ? -1 : Files.size(embedded.file());
        } catch (IOException e) {
            return -1;
        }
    }

    @Override
    public void close() {
        if (embedded == null) {
            database.drop();
        }
        client.close();
        if (embedded != null) {
            embedded.close();
        }
        if (deleteDataDirectory) {
            deleteRecursively(dataDirectory);
        }
    }

    private static void deleteRecursively(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete the benchmark's data directory " + directory, e);
        }
    }
}
