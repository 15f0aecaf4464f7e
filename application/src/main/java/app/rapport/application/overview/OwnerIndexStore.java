package app.rapport.application.overview;

import app.rapport.application.storage.Store;
import app.rapport.domain.shared.OwnerId;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

import java.time.Instant;

import java.util.Set;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The owner index of every owner: its rows ({@link OwnerIndexRows}) and the copies held in memory
 * ({@link OwnerIndexCache}), shared by the projections that write it and the queries that read it.
 */
@Component
class OwnerIndexStore implements AutoCloseable {

    private final OwnerIndexRows rows;
    private final OwnerIndexCache cache;
    private final DashboardPushes pushes;

    /**
     * @param memory how much heap the indexes held in memory may take; none given: an eighth of the heap, which
     *               on the shipped 256 MB holds one owner of some 30,000 contacts or several smaller ones
     */
    @Autowired
    OwnerIndexStore(Store store, QueryUpdateEmitter updates,
                    @Value("${rapport.views.owner-index-memory:#{null}}") DataSize memory) {
        this(store, updates, memory, System::nanoTime);
    }

    OwnerIndexStore(Store store, QueryUpdateEmitter updates, DataSize memory, LongSupplier nanoTime) {
        this.rows = new OwnerIndexRows(store.views());
        this.cache = new OwnerIndexCache(rows, memory != null ? memory.toBytes() : Runtime.getRuntime().maxMemory() / 8, nanoTime);
        this.pushes = new DashboardPushes(updates, owner -> Dashboards.of(index(owner), now()));
    }

    /** "Now" for stages and the dashboard: the domain's clock. */
    static Instant now() {
        return GenericEventMessage.clock.instant();
    }

    OwnerIndexRows rows() {
        return rows;
    }

    /** The owner's index as MongoDB holds it now. */
    OwnerIndex index(OwnerId owner) {
        return cache.current(owner);
    }

    /**
     * Writes one event's change of the owner's rows, then counts it; the change in memory that {@code write}
     * returns (null: none) is applied to the copy this server holds. The count comes after the rows, so another
     * server never takes an index for current that misses a written row; a handler that finds its event applied
     * already (a redelivery) counts too, in case the first delivery failed between its write and its count.
     */
    void change(OwnerId owner, Supplier<Consumer<OwnerIndex>> write) {
        cache.changing(owner);
        try {
            Consumer<OwnerIndex> apply = write.get();
            long version = rows.changed(owner);
            cache.changed(owner, version, apply == null ? index -> { } : apply);
        } catch (RuntimeException failed) {
            cache.drop(owner);
            throw failed;
        } finally {
            cache.done(owner);
        }
        if (CurrentUnitOfWork.isStarted()) {
            // the rows are written when the processor's batch ends: a batch that fails leaves the copy unknown,
            // and followers are told once the rows are there
            UnitOfWork<?> batch = CurrentUnitOfWork.get();
            batch.onRollback(failed -> cache.drop(owner));
            batch.afterCommit(written -> pushes.changed(owner));
        } else {
            pushes.changed(owner);
        }
    }

    /** Time moved the owner's dashboard on (a reminder fired): whoever follows it gets it again. */
    void timePassed(OwnerId owner) {
        pushes.changed(owner);
    }

    /** The owners whose index this server holds in memory now. */
    Set<OwnerId> held() {
        return cache.held();
    }

    void deleteAll() {
        rows.deleteAll();
        cache.clear();
    }

    @Override
    public void close() {
        pushes.close();
    }
}
