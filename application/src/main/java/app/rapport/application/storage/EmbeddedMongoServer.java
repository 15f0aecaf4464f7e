package app.rapport.application.storage;

import de.bwaldvogel.mongo.MongoServer;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The embedded default store: an in-process MongoDB wire-protocol server keeping its data in two H2 files,
 * listening on a loopback port, reached through the same driver as a real MongoDB.
 * <p>
 * The records (events, accounts, keys, settings: what no one could make again) are in {@value #FILE_NAME}, committed
 * and synced before each write is acknowledged. The views and the event processors' tokens, all made from the events,
 * are in {@value #VIEWS_FILE_NAME}, in databases named {@code <name>}{@value #VIEWS_SUFFIX}, and committed by the
 * store about once a second: a durable write then copies only the records' pages that changed, not every view row
 * the processors wrote since the last one. After a crash the views and their tokens are those of the same moment, and
 * the processors apply again what they had applied after it ({@code ViewsAheadOfEvents} sees to views that had
 * applied events that were never made durable).
 */
public final class EmbeddedMongoServer implements AutoCloseable {

    public static final String FILE_NAME = "rapport.mv";
    public static final String VIEWS_FILE_NAME = "rapport-views.mv";
    /** A database whose name ends so is kept in the views' file. */
    public static final String VIEWS_SUFFIX = "_views";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongoServer.class);

    private final Path file;
    /**
     * The stores' page caches, inside the JVM's heap. The views are read by every query: theirs is what one file of both
     * had before they were apart (at 30,000 contacts, 32 MB halved search at 16 clients in the benchmark); the records
     * are read by commands, mostly their newest pages.
     */
    static final int PAGE_CACHE_MB = 16;
    static final int VIEWS_PAGE_CACHE_MB = 48;

    private final ScrubbingFileStore fileStore;
    private final ScrubbingFileStore viewsFileStore;
    private final RapportH2Backend backend;
    private final MongoServer server;
    private final String connectionString;
    private final GroupCommit durability;

    private EmbeddedMongoServer(Path file, ScrubbingFileStore fileStore, ScrubbingFileStore viewsFileStore, RapportH2Backend backend,
                                MongoServer server) {
        this.file = file;
        this.fileStore = fileStore;
        this.viewsFileStore = viewsFileStore;
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

    /** Starts a server on a free loopback port over the store files in {@code dataDirectory}. */
    public static EmbeddedMongoServer start(Path dataDirectory) {
        try {
            Files.createDirectories(dataDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data directory " + dataDirectory.toAbsolutePath(), e);
        }
        Path file = dataDirectory.resolve(FILE_NAME).toAbsolutePath();
        Path viewsFile = dataDirectory.resolve(VIEWS_FILE_NAME).toAbsolutePath();
        ScrubbingFileStore fileStore = new ScrubbingFileStore(PAGE_CACHE_MB);
        MVStore store = open(file, fileStore, PAGE_CACHE_MB);
        ScrubbingFileStore viewsFileStore = new ScrubbingFileStore(VIEWS_PAGE_CACHE_MB);
        MVStore views;
        try {
            views = open(viewsFile, viewsFileStore, VIEWS_PAGE_CACHE_MB);
        } catch (RuntimeException e) {
            store.closeImmediately();
            throw e;
        }
        RapportH2Backend backend = new RapportH2Backend(store, views);
        MongoServer server = new MongoServer(backend);
        try {
            server.bind("127.0.0.1", 0);
        } catch (RuntimeException e) {
            backend.close();
            throw e;
        }
        return new EmbeddedMongoServer(file, fileStore, viewsFileStore, backend, server);
    }

    /**
     * Opens one of the store's files, copied first to its live data when it is mostly waste. Compressed pages: events
     * and views are mostly text, which shrinks to a third or less.
     */
    private static MVStore open(Path file, ScrubbingFileStore fileStore, int cacheMegabytes) {
        LiveDataCopy.copyIfDue(file, cacheMegabytes).ifPresent(copied -> log.info(
                "The store's file {} was copied to its live data: {} MiB to {} MiB in {} ms",
                file.getFileName(), copied.bytesBefore() >> 20, copied.bytesAfter() >> 20, copied.millis()));
        fileStore.open(file.toString(), false, null);
        MVStore store = new MVStore.Builder().adoptFileStore(fileStore).compress().open();
        // Before anything reads a page of a collection: its values are BSON.
        RapportH2Backend.openMapsWithTheirTypes(store);
        if (!IndexKeyType.inValueOrder(store)) {
            store.closeImmediately();
            throw new IllegalStateException("The store's indexes in " + file + " are in an older order and were not copied into the current one");
        }
        IndexKeyType.markValueOrder(store);
        return store;
    }

    /** The records' store under the server, for tests that provoke what its requests must withstand. */
    MVStore mvStore() {
        return backend.getMvStore();
    }

    /** The views' store under the server. */
    MVStore viewsStore() {
        return backend.viewsStore();
    }

    /** The name of the database that holds the views of the records in {@code database}, on this store. */
    public static String viewsDatabaseOf(String database) {
        return database + VIEWS_SUFFIX;
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
            ScrubbingFileStore.Scrub records = fileStore.eraseDeadData(backend.getMvStore());
            ScrubbingFileStore.Scrub views = viewsFileStore.eraseDeadData(backend.viewsStore());
            return (records.deadPages() + views.deadPages()) + " dead pages and the free space, "
                   + (records.bytesZeroed() + views.bytesZeroed()) / 1024 + " KiB, overwritten in files of "
                   + records.fileBytes() / 1024 + " and " + views.fileBytes() / 1024 + " KiB";
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
