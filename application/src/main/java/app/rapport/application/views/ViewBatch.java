package app.rapport.application.views;

import com.mongodb.client.model.DeleteOneModel;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rows a view processor's batch of events has read and changed, held in memory until the batch's last event has
 * been handled, then written with one bulk write per collection — before the processor stores its token, so a crash
 * in between applies the batch again (the projections are idempotent) and never skips it. A batch that fails writes
 * nothing: the processor tries it again from its token.
 * <p>
 * {@link #writtenAtTheEnd} (registered for every processor) does the writing. Rows are copied in and out, so a handler that
 * changes a row it read changes nothing until it saves it, as with the store itself.
 */
public final class ViewBatch {

    private static final String RESOURCE = ViewBatch.class.getName();
    private static final ReplaceOptions UPSERT = new ReplaceOptions().upsert(true);
    /** The resource of a unit of work of one event, which has no batch. */
    private static final Object SINGLE_EVENT = new Object();

    /**
     * For the processor of that name: writes the batch's rows after its last event (a batch without view rows costs
     * nothing), and tells {@code progress} how far they reach; a write that fails is recorded as the processor's
     * failure at that event, and fails the batch.
     */
    public static MessageHandlerInterceptor<EventMessage<?>> writtenAtTheEnd(String processor, ViewFailures failures,
                                                                             ViewProgress progress) {
        return (unitOfWork, chain) -> {
            Object result = chain.proceed();
            if (unitOfWork instanceof BatchingUnitOfWork<?> batching && batching.isLastMessage()) {
                if (unitOfWork.getResource(RESOURCE) instanceof ViewBatch batch) {
                    try {
                        batch.flush();
                    } catch (RuntimeException failed) {
                        failures.record(processor, unitOfWork.getMessage(), failed);
                        throw failed;
                    }
                }
                if (unitOfWork.getMessage() instanceof TrackedEventMessage<?> last) {
                    progress.written(processor, last.trackingToken());
                }
                // Whatever else ends the batch (the token stored, a failure) is seen by the status.
                unitOfWork.afterCommit(done -> progress.signal());
                unitOfWork.onRollback(failed -> progress.signal());
            }
            return result;
        };
    }

    /**
     * A row as the batch sees it. Once read ({@code known}): {@code row}, null when absent, and {@code changed} when it
     * must be written whole. Before that, only the changes made to it blindly ({@code blind}): sent as they are,
     * unless the row is read after all, which applies them to it.
     */
    private static final class Slot {
        boolean known;
        Document row;
        boolean changed;
        List<BlindChange> blind = new ArrayList<>();

        static Slot read(Document row) {
            Slot slot = new Slot();
            slot.known = true;
            slot.row = row;
            return slot;
        }
    }

    private record BlindChange(Bson update, boolean upsert) {
    }

    /** A collection's rows held by the batch, by key. */
    private record Held(ViewRows rows, Map<String, Slot> slots) {
    }

    private final BatchingUnitOfWork<?> unitOfWork;
    /** By collection name: two handlers' rows of one collection share their slots. */
    private final Map<String, Held> held = new LinkedHashMap<>();
    private final Set<String> readAhead = new HashSet<>();

    private ViewBatch(BatchingUnitOfWork<?> unitOfWork) {
        this.unitOfWork = unitOfWork;
    }

    /** The batch of the event processor handling events on this thread now; null anywhere else. */
    static ViewBatch current() {
        if (!CurrentUnitOfWork.isStarted()) {
            return null;
        }
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get();
        if (!(unitOfWork instanceof BatchingUnitOfWork<?> batching) || unitOfWork.phase() != UnitOfWork.Phase.STARTED) {
            return null;
        }
        // decided once per batch: Axon copies the batch's messages into a new list at every getMessages()
        Object batch = unitOfWork.getOrComputeResource(
                RESOURCE, key -> batching.getMessages().size() < 2 ? SINGLE_EVENT : new ViewBatch(batching));
        // a single event, as when a processor keeps up, has nothing to share: straight to the store
        return batch instanceof ViewBatch shared ? shared : null;
    }

    Document find(ViewRows rows, String key) {
        Slot slot = slot(rows, key);
        return slot.row == null ? null : copy(slot.row);
    }

    List<Document> findAll(ViewRows rows, Collection<String> keys) {
        load(rows, keys);
        List<Document> found = new ArrayList<>();
        for (String key : new LinkedHashSet<>(keys)) {
            Document row = slots(rows).get(key).row;
            if (row != null) {
                found.add(copy(row));
            }
        }
        return found;
    }

    void save(ViewRows rows, Document row) {
        written(rows, String.valueOf(row.get(ViewRows.ID))).row = copy(row);
    }

    void delete(ViewRows rows, String key) {
        written(rows, key).row = null;
    }

    /**
     * Changes a row: in memory when the batch has read it; otherwise blindly, without reading it, as the store would
     * (a change that only adds an id to a row costs no read).
     */
    void update(ViewRows rows, String key, Bson update, boolean upsert) {
        Slot slot = slots(rows).computeIfAbsent(key, absent -> new Slot());
        if (!slot.known) {
            slot.blind.add(new BlindChange(update, upsert));
            return;
        }
        apply(rows, key, slot, update, upsert);
    }

    /** {@link #update}, answering the row as changed: it is read for that. */
    Document updateAndGet(ViewRows rows, String key, Bson update, boolean upsert) {
        Slot slot = slot(rows, key);
        apply(rows, key, slot, update, upsert);
        return slot.row == null ? null : copy(slot.row);
    }

    private static void apply(ViewRows rows, String key, Slot slot, Bson update, boolean upsert) {
        Document changed = RowUpdates.apply(slot.row, key, update, rows.collection().getCodecRegistry(), upsert);
        if (changed != null) {
            slot.row = changed;
            slot.changed = true;
        }
    }

    /** The slot of a row written whole: what the store held before no longer matters. */
    private Slot written(ViewRows rows, String key) {
        Slot slot = slots(rows).computeIfAbsent(key, absent -> new Slot());
        slot.known = true;
        slot.blind.clear();
        slot.changed = true;
        return slot;
    }

    /** Writes every changed row: one bulk write per collection, in the order the collections were first touched. */
    void flush() {
        held.values().forEach(collection -> {
            List<WriteModel<Document>> writes = new ArrayList<>();
            collection.slots().forEach((key, slot) -> {
                if (slot.known && slot.changed) {
                    writes.add(slot.row == null
                            ? new DeleteOneModel<>(Filters.eq(ViewRows.ID, key))
                            : new ReplaceOneModel<>(Filters.eq(ViewRows.ID, key), slot.row, UPSERT));
                } else if (!slot.known) {
                    for (BlindChange change : slot.blind) {
                        writes.add(new UpdateOneModel<>(Filters.eq(ViewRows.ID, key), change.update(),
                                                        new UpdateOptions().upsert(change.upsert())));
                    }
                }
            });
            if (!writes.isEmpty()) {
                collection.rows().collection().bulkWrite(writes);
            }
        });
    }

    private Slot slot(ViewRows rows, String key) {
        Slot slot = slots(rows).get(key);
        if (slot == null || !slot.known) {
            load(rows, List.of(key));
            slot = slots(rows).get(key);
        }
        return slot;
    }

    /**
     * Reads the rows not held yet; the first time a collection misses a row in this batch, also the rows the batch's
     * events will read from it.
     */
    private void load(ViewRows rows, Collection<String> keys) {
        Map<String, Slot> byKey = slots(rows);
        Set<String> missing = new LinkedHashSet<>();
        for (String key : keys) {
            Slot slot = byKey.get(key);
            if (slot == null || !slot.known) {
                missing.add(key);
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        if (readAhead.add(rows.name())) {
            for (Object message : unitOfWork.getMessages()) {
                if (message instanceof EventMessage<?> event) {
                    for (String key : rows.rowsOf(event.getPayload())) {
                        if (!byKey.containsKey(key)) {
                            missing.add(key);
                        }
                    }
                }
            }
        }
        Map<String, Document> found = new HashMap<>();
        for (Document row : rows.load(missing)) {
            found.put(String.valueOf(row.get(ViewRows.ID)), row);
        }
        for (String key : missing) {
            Slot slot = byKey.get(key);
            if (slot == null) {
                byKey.put(key, Slot.read(found.get(key)));
            } else {
                // changed blindly before it was read: the changes now apply to what the store holds
                slot.known = true;
                slot.row = found.get(key);
                for (BlindChange change : slot.blind) {
                    apply(rows, key, slot, change.update(), change.upsert());
                }
                slot.blind.clear();
            }
        }
    }

    private Map<String, Slot> slots(ViewRows rows) {
        return held.computeIfAbsent(rows.name(), name -> new Held(rows, new HashMap<>())).slots();
    }

    /** A deep copy: lists and nested documents too. */
    static Document copy(Document row) {
        Document copy = new Document();
        row.forEach((field, value) -> copy.put(field, copyValue(value)));
        return copy;
    }

    static Object copyValue(Object value) {
        if (value instanceof Document document) {
            return copy(document);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(element -> copy.add(copyValue(element)));
            return copy;
        }
        return value;
    }
}
