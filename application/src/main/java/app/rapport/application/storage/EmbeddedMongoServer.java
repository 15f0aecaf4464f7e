package app.rapport.application.storage;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The embedded default store: an in-process MongoDB wire-protocol server keeping its data in one H2 file,
 * listening on a loopback port, reached through the same driver as a real MongoDB.
 */
public final class EmbeddedMongoServer implements AutoCloseable {

    public static final String FILE_NAME = "rapport.mv";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongoServer.class);

    private final Path file;
    /** The store's page cache, inside the JVM's heap. */
    static final int PAGE_CACHE_MB = 48;

    private final ScrubbingFileStore fileStore;
    private final H2Backend backend;
    private final MongoServer server;
    private final String connectionString;
    private final GroupCommit durability;

    private EmbeddedMongoServer(Path file, ScrubbingFileStore fileStore, H2Backend backend, MongoServer server) {
        this.file = file;
        this.fileStore = fileStore;
        this.backend = backend;
        this.server = server;
        // MVStore's commit writes its chunk and leaves it to the operating system: synced before it is acknowledged,
        // an append survives a power cut too, not only a crash of this process.
        this.durability = new GroupCommit(() -> {
            backend.commit();
            fileStore.sync();
        });
        InetSocketAddress address = server.getLocalAddress();
        this.connectionString = "mongodb://" + address.getHostString() + ":" + address.getPort();
    }

    /** Starts a server on a free loopback port over the store file in {@code dataDirectory}. */
    public static EmbeddedMongoServer start(Path dataDirectory) {
        try {
            Files.createDirectories(dataDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data directory " + dataDirectory.toAbsolutePath(), e);
        }
        Path file = dataDirectory.resolve(FILE_NAME).toAbsolutePath();
        LiveDataCopy.copyIfDue(file, PAGE_CACHE_MB).ifPresent(copied -> log.info(
                "The store's file was copied to its live data: {} MiB to {} MiB in {} ms",
                copied.bytesBefore() >> 20, copied.bytesAfter() >> 20, copied.millis()));
        // Compressed pages: events and views are mostly text, which shrinks to a third or less. A page cache of
        // PAGE_CACHE_MB (16 by default): a profile of a 25,000-contact import spent a sixth of the CPU reading
        // evicted pages back.
        ScrubbingFileStore fileStore = new ScrubbingFileStore(PAGE_CACHE_MB);
        fileStore.open(file.toString(), false, null);
        MVStore store = new MVStore.Builder().adoptFileStore(fileStore).compress().open();
        // Before anything reads a page of a collection: its values are BSON.
        RapportH2Backend.openMapsWithTheirTypes(store);
        if (!IndexKeyType.inValueOrder(store)) {
            store.closeImmediately();
            throw new IllegalStateException("The store's indexes in " + file + " are in an older order and were not copied into the current one");
        }
        IndexKeyType.markValueOrder(store);
        H2Backend backend = new RapportH2Backend(store);
        MongoServer server = new MongoServer(backend);
        try {
            server.bind("127.0.0.1", 0);
        } catch (RuntimeException e) {
            backend.close();
            throw e;
        }
        return new EmbeddedMongoServer(file, fileStore, backend, server);
    }

    /** The store under the server, for tests that provoke what its requests must withstand. */
    MVStore mvStore() {
        return backend.getMvStore();
    }

    public String connectionString() {
        return connectionString;
    }

    public Path file() {
        return file;
    }

    /**
     * Commits the H2 file, so that everything written so far survives a crash of this process; appends that
     * ask at the same time share one commit.
     */
    public AppendDurability durability() {
        return durability;
    }

    /**
     * Overwrites whatever the file still holds of deleted or changed documents: after this, only live data can be
     * read from it. Writers go on meanwhile.
     */
    public synchronized String eraseDeadData() {
        try {
            ScrubbingFileStore.Scrub scrub = fileStore.eraseDeadData(backend.getMvStore());
            return scrub.deadPages() + " dead pages and the free space, " + scrub.bytesZeroed() / 1024 + " KiB, overwritten in a file of "
                   + scrub.fileBytes() / 1024 + " KiB";
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Stopped before the dead data was overwritten", stopped);
        }
    }

    @Override
    public synchronized void close() {
        server.shutdownNow();
        backend.close();
    }
}
