package app.rapport.application.views;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOptions;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * One collection of a view, every row read and written by its {@code _id}.
 * <p>
 * Inside a view processor's batch of events ({@link ViewBatch}) a row is read from the store once, changed in memory
 * by every event of the batch, and written once when the batch ends, before the processor's token moves past it:
 * an import of a hundred contacts costs each view a few round trips instead of several per contact. Elsewhere (queries,
 * account deletion, erasure) every call goes to the store at once.
 */
public final class ViewRows {

    static final String ID = "_id";
    private static final int LOOKUP_BATCH = 1000;
    private static final ReplaceOptions UPSERT = new ReplaceOptions().upsert(true);

    private final MongoDatabase database;
    private final MongoCollection<Document> collection;
    private final Function<Object, Collection<String>> rowsOfEvent;

    private ViewRows(MongoDatabase database, MongoCollection<Document> collection,
                     Function<Object, Collection<String>> rowsOfEvent) {
        this.database = database;
        this.collection = collection;
        this.rowsOfEvent = rowsOfEvent;
    }

    public static ViewRows of(MongoDatabase database, String collection) {
        return new ViewRows(database, database.getCollection(collection), event -> Set.of());
    }

    /**
     * The same rows, and which of them an event will read: when a batch first misses a row, the rows of all the
     * batch's events are read with it, in one lookup.
     */
    public ViewRows readAhead(Function<Object, Collection<String>> rowsOfEvent) {
        return new ViewRows(database, collection, rowsOfEvent);
    }

    String name() {
        return collection.getNamespace().getCollectionName();
    }

    Collection<String> rowsOf(Object event) {
        return rowsOfEvent.apply(event);
    }

    public Document find(String key) {
        if (key == null) {
            return null;
        }
        ViewBatch batch = ViewBatch.current();
        return batch == null ? collection.find(Filters.eq(ID, key)).first() : batch.find(this, key);
    }

    /** The rows with these keys that exist, in no particular order. */
    public List<Document> findAll(Collection<String> keys) {
        if (keys.isEmpty()) {
            return List.of();
        }
        ViewBatch batch = ViewBatch.current();
        return batch == null ? load(keys) : batch.findAll(this, keys);
    }

    /** Writes the whole row, created if absent. */
    public void save(Document row) {
        ViewBatch batch = ViewBatch.current();
        if (batch == null) {
            collection.replaceOne(Filters.eq(ID, row.get(ID)), row, UPSERT);
        } else {
            batch.save(this, row);
        }
    }

    /** Changes the row if it exists. */
    public void update(String key, Bson update) {
        ViewBatch batch = ViewBatch.current();
        if (batch == null) {
            collection.updateOne(Filters.eq(ID, key), update);
        } else {
            batch.update(this, key, update, false);
        }
    }

    /** Changes the row, created as {@code {_id: key}} first if absent. */
    public void upsert(String key, Bson update) {
        ViewBatch batch = ViewBatch.current();
        if (batch == null) {
            collection.updateOne(Filters.eq(ID, key), update, new UpdateOptions().upsert(true));
        } else {
            batch.update(this, key, update, true);
        }
    }

    /** {@link #upsert}, answering the row as changed. */
    public Document upsertAndGet(String key, Bson update) {
        ViewBatch batch = ViewBatch.current();
        if (batch == null) {
            return collection.findOneAndUpdate(Filters.eq(ID, key), update,
                                               new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
        }
        return batch.updateAndGet(this, key, update, true);
    }

    /** Changes those of the rows that exist. */
    public void updateAll(Collection<String> keys, Bson update) {
        if (keys.isEmpty()) {
            return;
        }
        ViewBatch batch = ViewBatch.current();
        if (batch == null) {
            collection.updateMany(Filters.in(ID, keys), update);
        } else {
            for (String key : new LinkedHashSet<>(keys)) {
                batch.update(this, key, update, false);
            }
        }
    }

    public void delete(String key) {
        deleteAll(List.of(key));
    }

    public void deleteAll(Collection<String> keys) {
        if (keys.isEmpty()) {
            return;
        }
        ViewBatch batch = ViewBatch.current();
        if (batch == null) {
            collection.deleteMany(Filters.in(ID, keys));
        } else {
            keys.forEach(key -> batch.delete(this, key));
        }
    }

    /**
     * Throws every row away: not {@code deleteMany}, for which the embedded store would hold every row in memory; and
     * only a collection that exists, since the embedded store logs dropping one that does not as an error.
     */
    public void drop() {
        if (database.listCollectionNames().into(new ArrayList<>()).contains(name())) {
            collection.drop();
        }
    }

    List<Document> load(Collection<String> keys) {
        List<String> all = List.copyOf(keys);
        List<Document> rows = new ArrayList<>(all.size());
        for (int from = 0; from < all.size(); from += LOOKUP_BATCH) {
            collection.find(Filters.in(ID, all.subList(from, Math.min(all.size(), from + LOOKUP_BATCH)))).into(rows);
        }
        return rows;
    }

    MongoCollection<Document> collection() {
        return collection;
    }
}
