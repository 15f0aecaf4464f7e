package app.rapport.application.storage;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import org.h2.mvstore.MVStore;

/**
 * The embedded MongoDB backend on H2, with collections' documents stored as BSON ({@link DocumentValueType}).
 * The collections that exist are opened with that type before the backend starts ({@link
 * DocumentValueType#openCollections}); a collection created later is opened with it here, just before H2Database
 * opens it by name and finds it open.
 */
final class RapportH2Backend extends H2Backend {

    RapportH2Backend(MVStore store) {
        super(store);
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new Database(databaseName, getMvStore(), getCursorRegistry());
    }

    private static final class Database extends H2Database {

        /** Null while H2Database's constructor opens the collections that exist: those are open with the type already. */
        private final MVStore store;

        Database(String databaseName, MVStore store, CursorRegistry cursors) {
            super(databaseName, store, cursors);
            this.store = store;
        }

        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            if (store != null) {
                DocumentValueType.openDataMap(store, "databases." + getFullCollectionNamespace(collectionName));
            }
            return super.openOrCreateCollection(collectionName, options);
        }
    }
}
