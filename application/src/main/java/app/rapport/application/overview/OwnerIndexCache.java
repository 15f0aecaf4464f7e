package app.rapport.application.overview;

import app.rapport.domain.shared.OwnerId;

import java.time.Duration;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Owners' indexes held in memory, most recently used kept, within a budget of heap; the owner asked for last is
 * always kept, however large.
 * <p>
 * The rows in MongoDB are the truth; an index in memory is a copy, good as long as its version is the owner's
 * count of changes ({@link OwnerIndexRows#changed}). A query reads that count (one lookup) and reloads the
 * owner's index when it moved: after a restart, an eviction, or a change made by another server. The projection
 * keeps the copy current by applying each change it writes, when the copy was current before it; otherwise it
 * drops the copy. So every server answers from what MongoDB holds, and the server that writes reads a page at
 * the cost of a page.
 */
final class OwnerIndexCache {

    /**
     * Heap an index takes per contact with its texts, sort and search keys, stage and moments: some 900 bytes
     * measured with a LinkedIn import (docs/performance.md). An interview is counted as a contact.
     */
    static final long BYTES_PER_ENTRY = 1_000;
    /** How long a query waits for this server's projection to apply a change it is writing. */
    private static final Duration IN_FLIGHT_WAIT = Duration.ofMillis(500);

    private final OwnerIndexRows rows;
    private final long mostEntries;
    private final Map<OwnerId, OwnerIndex> indexes = new LinkedHashMap<>(16, 0.75f, true);
    /** The entries of all the indexes held. */
    private long heldEntries;
    private final Set<OwnerId> changing = new HashSet<>();

    OwnerIndexCache(OwnerIndexRows rows, long budgetBytes) {
        this.rows = rows;
        this.mostEntries = Math.max(1, budgetBytes / BYTES_PER_ENTRY);
    }

    /** The owner's index as MongoDB holds it now. */
    OwnerIndex current(OwnerId owner) {
        long version = rows.version(owner);
        synchronized (this) {
            long waitUntil = System.nanoTime() + IN_FLIGHT_WAIT.toNanos();
            while (changing.contains(owner) && held(owner) < version && System.nanoTime() < waitUntil) {
                try {
                    wait(IN_FLIGHT_WAIT.toMillis()); // this server's projection is applying it: cheaper than a reload
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            if (held(owner) >= version) {
                return indexes.get(owner);
            }
        }
        OwnerIndex loaded = rows.load(owner);
        synchronized (this) {
            OwnerIndex held = indexes.get(owner);
            if (held == null || held.version() < loaded.version()) {
                remove(owner);
                indexes.put(owner, loaded);
                heldEntries += loaded.entryCount();
                evictBeyondLimit(owner);
                return loaded;
            }
            return held;
        }
    }

    /** The projection starts writing a change of the owner's index; queries wait for it rather than reload. */
    synchronized void changing(OwnerId owner) {
        changing.add(owner);
    }

    /**
     * Applies the change the projection just wrote, which made the owner's count {@code version}, to the copy in
     * memory when the copy was current until then; drops the copy when it missed a change.
     */
    synchronized void changed(OwnerId owner, long version, Consumer<OwnerIndex> change) {
        OwnerIndex held = indexes.get(owner);
        if (held != null && held.version() == version - 1) {
            int before = held.entryCount();
            change.accept(held);
            held.version(version);
            heldEntries += held.entryCount() - before;
            evictBeyondLimit(owner);
        } else if (held != null && held.version() < version) {
            remove(owner);
        }
        done(owner);
    }

    /** The change may have been written in part: the copy is no longer known to be current. */
    synchronized void drop(OwnerId owner) {
        remove(owner);
    }

    /** The change is over, applied or not: queries stop waiting for it. */
    synchronized void done(OwnerId owner) {
        changing.remove(owner);
        notifyAll();
    }

    private long held(OwnerId owner) {
        OwnerIndex held = indexes.get(owner);
        return held == null ? -1 : held.version();
    }

    synchronized void clear() {
        indexes.clear();
        heldEntries = 0;
    }

    /** The owners whose index this server holds now. */
    synchronized Set<OwnerId> held() {
        return Set.copyOf(indexes.keySet());
    }

    private void remove(OwnerId owner) {
        OwnerIndex removed = indexes.remove(owner);
        if (removed != null) {
            heldEntries -= removed.entryCount();
        }
    }

    /** Lets the least recently used indexes go, but never {@code kept}'s, until the rest fit the budget. */
    private void evictBeyondLimit(OwnerId kept) {
        Iterator<Map.Entry<OwnerId, OwnerIndex>> eldest = indexes.entrySet().iterator();
        while (heldEntries > mostEntries && eldest.hasNext()) {
            Map.Entry<OwnerId, OwnerIndex> entry = eldest.next();
            if (!entry.getKey().equals(kept)) {
                heldEntries -= entry.getValue().entryCount();
                eldest.remove();
            }
        }
    }
}
