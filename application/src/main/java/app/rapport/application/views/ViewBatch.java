package app.rapport.application.views;

import com.mongodb.client.model.DeleteOneModel;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import org.axonframework.eventhandling.EventMessage;
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

    /**
     * For the processor of that name: writes the batch's rows after its last event (a batch without view rows costs
     * nothing); a write that fails is recorded as the processor's failure at that event, and fails the batch.
     */
    public static MessageHandlerInterceptor<EventMessage<?>> writtenAtTheEnd(String processor, ViewFailures failures) {
        return (unitOfWork, chain) -> {
            Object result = chain.proceed();
            if (unitOfWork instanceof BatchingUnitOfWork<?> batching && batching.isLastMessage()) {
                ViewBatch batch = unitOfWork.getResource(RESOURCE);
                if (batch != null) {
                    try {
                        batch.flush();
                    } catch (RuntimeException failed) {
                        failures.record(processor, unitOfWork.getMessage(), failed);
                        throw failed;
                    }
                }
            }
            return result;
        };
    }

    /** A row as the batch sees it: {@code row} null when absent; {@code changed} when it must be written. */
    private static final class Slot {
        Document row;
        boolean changed;

        Slot(Document row) {
            this.row = row;
        }
    }

    private final BatchingUnitOfWork<?> unitOfWork;
    /** By collection name: two handlers' rows of one collection share their slots. */
    private final Map<String, Map<String, Slot>> slots = new LinkedHashMap<>();
    private final Map<String, ViewRows> collections = new HashMap<>();
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
        return unitOfWork.getOrComputeResource(RESOURCE, key -> new ViewBatch(batching));
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

    List<String> presentKeys(ViewRows rows, Collection<String> keys) {
        load(rows, keys);
        return new LinkedHashSet<>(keys).stream().filter(key -> slots(rows).get(key).row != null).toList();
    }

    void save(ViewRows rows, Document row) {
        Slot slot = slots(rows).computeIfAbsent(String.valueOf(row.get(ViewRows.ID)), key -> new Slot(null));
        slot.row = copy(row);
        slot.changed = true;
    }

    void update(ViewRows rows, String key, Bson update, boolean upsert) {
        Slot slot = slot(rows, key);
        Document changed = RowUpdates.apply(slot.row == null ? null : slot.row, key, update,
                                            rows.collection().getCodecRegistry(), upsert);
        if (changed != null) {
            slot.row = changed;
            slot.changed = true;
        }
    }

    void delete(ViewRows rows, String key) {
        Slot slot = slots(rows).computeIfAbsent(key, absent -> new Slot(null));
        slot.row = null;
        slot.changed = true;
    }

    /** Writes every changed row: one bulk write per collection, in the order the collections were first touched. */
    void flush() {
        slots.forEach((name, byKey) -> {
            ViewRows rows = collections.get(name);
            List<WriteModel<Document>> writes = new ArrayList<>();
            byKey.forEach((key, slot) -> {
                if (slot.changed) {
                    writes.add(slot.row == null
                            ? new DeleteOneModel<>(Filters.eq(ViewRows.ID, key))
                            : new ReplaceOneModel<>(Filters.eq(ViewRows.ID, key), slot.row, UPSERT));
                }
            });
            if (!writes.isEmpty()) {
                rows.collection().bulkWrite(writes);
            }
            byKey.values().forEach(slot -> slot.changed = false);
        });
    }

    private Slot slot(ViewRows rows, String key) {
        Slot slot = slots(rows).get(key);
        if (slot == null) {
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
        Map<String, Slot> held = slots(rows);
        Set<String> missing = new LinkedHashSet<>();
        for (String key : keys) {
            if (!held.containsKey(key)) {
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
                        if (!held.containsKey(key)) {
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
            held.put(key, new Slot(found.get(key)));
        }
    }

    private Map<String, Slot> slots(ViewRows rows) {
        collections.putIfAbsent(rows.name(), rows);
        return slots.computeIfAbsent(rows.name(), key -> new HashMap<>());
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
