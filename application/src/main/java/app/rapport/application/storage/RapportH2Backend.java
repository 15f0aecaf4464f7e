package app.rapport.application.storage;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import de.bwaldvogel.mongo.wire.message.MongoQuery;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

import java.util.List;
import java.util.function.Supplier;

/**
 * The embedded MongoDB backend on H2, with collections' documents kept as BSON, in the file ({@link DocumentValueType})
 * and in memory until read ({@link EncodedCollection}), and index keys in a compact form ordered by value
 * ({@link IndexKeyType}). H2Database opens its maps by name; a map
 * already open is handed back as it is, so each map is opened here with its types first: those that exist before
 * anything reads them ({@link #openMapsWithTheirTypes}), a new one just before H2Database asks for it.
 * <p>
 * Every request tells the store which version it reads ({@link #whileReading}): the store frees a chunk as soon as no
 * version it knows of needs it, so a request paused mid-way while others committed and the file was compacted would
 * otherwise find its next page gone, and fail half-done (a document stored without its index entry).
 * <p>
 * Databases named {@code <name>_views} are kept in a second store ({@link EmbeddedMongoServer}): the views, which a
 * durable commit of the records does not copy.
 */
final class RapportH2Backend extends H2Backend {

    /** How H2Database names its maps: {@code databases.<db>.<collection>}, {@code <db>.<collection>._index_<name>}. */
    private static final String DATA_MAP_PREFIX = "databases.";
    private static final String INDEX_MAP_INFIX = "._index_";

    private final MVStore views;

    /** A backend whose views are kept with everything else, in {@code store}. */
    RapportH2Backend(MVStore store) {
        this(store, store);
    }

    RapportH2Backend(MVStore store, MVStore views) {
        super(store);
        this.views = views;
        if (views != store) {
            // H2Backend opened the databases of the records' store; those of the views' store are opened here.
            views.getMapNames().stream()
                 .filter(name -> name.startsWith(DATA_MAP_PREFIX))
                 .map(name -> name.substring(DATA_MAP_PREFIX.length(), name.indexOf('.', DATA_MAP_PREFIX.length())))
                 .distinct()
                 .forEach(this::resolveDatabase);
        }
    }

    /** Where the views are kept: a store of their own, or the records' store. */
    MVStore viewsStore() {
        return views;
    }

    private MVStore storeOf(String databaseName) {
        // Null while H2Backend's constructor opens the records' databases, none of which is a views database.
        return views != null && databaseName.endsWith(EmbeddedMongoServer.VIEWS_SUFFIX) ? views : getMvStore();
    }

    /** Opens every collection's data and index maps in {@code store} with Rapport's types. */
    static void openMapsWithTheirTypes(MVStore store) {
        for (String name : store.getMapNames()) {
            openWithItsTypes(store, name);
        }
    }

    /** The map named {@code name} in {@code store}, opened (or created) with the types Rapport keeps in it. */
    static MVMap<Object, Object> openWithItsTypes(MVStore store, String name) {
        return store.openMap(name, withItsTypes(name));
    }

    /** How to open the map named {@code name}: collections' values are BSON, index keys compact and ordered by value. */
    static MVMap.Builder<Object, Object> withItsTypes(String name) {
        if (name.startsWith(DATA_MAP_PREFIX) && !name.contains(INDEX_MAP_INFIX)) {
            return new MVMap.Builder<Object, Object>().valueType(DocumentValueType.INSTANCE);
        } else if (isIndexMap(name)) {
            return new MVMap.Builder<Object, Object>().keyType(IndexKeyType.INSTANCE);
        }
        return new MVMap.Builder<>();
    }

    /** Whether the map named {@code name} is a collection's index: its keys are {@link IndexKeyType}'s. */
    static boolean isIndexMap(String name) {
        return name.contains(INDEX_MAP_INFIX) && !name.startsWith(DATA_MAP_PREFIX);
    }

    // Every request of the driver is an OP_MSG; an OP_QUERY is the legacy form of a query (the handshake's commands
    // through it read no collection).
    @Override
    public Document handleMessage(MongoMessage message) {
        return whileReading(() -> super.handleMessage(message));
    }

    @Override
    public QueryResult handleQuery(MongoQuery query) {
        return whileReading(() -> super.handleQuery(query));
    }

    /**
     * Runs a request with the store's current version, and every later one, kept readable until it ends. Only the
     * count is lowered at the end: the versions it kept are let go at the next commit, not on the request's thread.
     */
    private <T> T whileReading(Supplier<T> request) {
        MVStore store = getMvStore();
        MVStore.TxCounter reading = store.registerVersionUsage();
        MVStore.TxCounter readingViews = views != store ? views.registerVersionUsage() : null;
        try {
            return request.get();
        } finally {
            store.decrementVersionUsageCounter(reading);
            if (readingViews != null) {
                views.decrementVersionUsageCounter(readingViews);
            }
        }
    }

    /**
     * Lets go of the versions that ended requests kept before the store closes: they are let go at a commit, and a
     * close with nothing left to commit would otherwise find them still kept.
     */
    @Override
    public void close() {
        letGoOfEndedRequests(getMvStore());
        if (views != getMvStore()) {
            letGoOfEndedRequests(views);
            if (!views.isClosed()) {
                views.close();
            }
        }
        super.close();
    }

    private static void letGoOfEndedRequests(MVStore store) {
        if (!store.isClosed()) {
            store.deregisterVersionUsage(store.registerVersionUsage());
        }
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new Database(databaseName, storeOf(databaseName));
    }

    /**
     * An inner class: H2Database's constructor opens the collections that exist, calling the methods below before a
     * field of this class could be set, and the backend's store is reachable then (Java sets the outer instance first).
     */
    private final class Database extends H2Database {

        Database(String databaseName, MVStore store) {
            super(databaseName, store, getCursorRegistry());
        }

        // H2Database keeps its store to itself; which one it is follows from the name it was given.
        private MVStore store() {
            return storeOf(getDatabaseName());
        }

        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            MVMap<Object, Object> documents = openWithItsTypes(store(), DATA_MAP_PREFIX + getFullCollectionNamespace(collectionName));
            return new EncodedCollection(this, collectionName, options, documents, cursorRegistry);
        }

        @Override
        protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
            openWithItsTypes(store(), getFullCollectionNamespace(collectionName) + INDEX_MAP_INFIX + indexName);
            return super.openOrCreateUniqueIndex(collectionName, indexName, keys, sparse);
        }
    }
}
