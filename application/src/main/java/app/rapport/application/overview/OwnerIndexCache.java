package app.rapport.application.overview;

import app.rapport.domain.shared.OwnerId;

import java.time.Duration;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Owners' indexes held in memory, most recently used kept, within a budget of heap; the owner asked for last is
 * kept however large, unless its index was let go for another owner's query in the last {@link #IN_USE}: then the
 * owners being asked for do not fit together, and letting each go in turn would read one whole index per query for
 * all of them. Such an index is read for the query and not kept, unless indexes not asked for that long make room.
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
    /**
     * An index asked for this recently is in use. Owners asked for less often than this gain little from a held index,
     * and an owner turned away waits at most this long to be kept.
     */
    static final Duration IN_USE = Duration.ofSeconds(10);
    /** Owners whose index the budget let go, remembered: a few bytes each. */
    private static final int LET_GO_REMEMBERED = 4_096;

    private final OwnerIndexRows rows;
    private final long mostEntries;
    /** In the order they were last asked for, least recently first; changes written do not move them. */
    private final Map<OwnerId, Asked> indexes = new LinkedHashMap<>();
    /** The entries of all the indexes held. */
    private long heldEntries;
    private final Set<OwnerId> changing = new HashSet<>();
    private final LongSupplier nanoTime;
    /**
     * The last index read for a query and not kept, beside the budget while it is asked for: the other queries of the
     * same request (a page and the dashboard) read it too.
     */
    private Asked passing;
    /** When the budget let an owner's index go to hold another one a query asked for. */
    private final Map<OwnerId, Long> letGoAt = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<OwnerId, Long> eldest) {
            return size() > LET_GO_REMEMBERED;
        }
    };

    OwnerIndexCache(OwnerIndexRows rows, long budgetBytes) {
        this(rows, budgetBytes, System::nanoTime);
    }

    OwnerIndexCache(OwnerIndexRows rows, long budgetBytes, LongSupplier nanoTime) {
        this.rows = rows;
        this.mostEntries = Math.max(1, budgetBytes / BYTES_PER_ENTRY);
        this.nanoTime = nanoTime;
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
                return used(owner);
            }
            if (passing != null && !passing.inUse(nanoTime.getAsLong())) {
                passing = null; // nobody asked for it for a while: not worth its heap beside the budget
            }
            if (passing != null && passing.index.owner().equals(owner) && passing.index.version() >= version) {
                OwnerIndex read = passing.index;
                passing.at = nanoTime.getAsLong();
                if (keeps(owner, read.entryCount())) {
                    passing = null;
                    hold(read);
                }
                return read;
            }
        }
        OwnerIndex loaded = rows.load(owner);
        synchronized (this) {
            long held = held(owner);
            if (held >= loaded.version()) {
                return used(owner);
            }
            if (held < 0 && !keeps(owner, loaded.entryCount())) {
                passing = new Asked(loaded, nanoTime.getAsLong());
                return loaded;
            }
            hold(loaded);
            return loaded;
        }
    }

    private void hold(OwnerIndex index) {
        remove(index.owner());
        indexes.put(index.owner(), new Asked(index, nanoTime.getAsLong()));
        heldEntries += index.entryCount();
        evictBeyondLimit(index.owner(), true);
    }

    /**
     * Whether a newly read index is kept: yes, letting the least recently used go, unless the budget let this very
     * index go a moment ago; then only if the indexes not in use leave it room.
     */
    private boolean keeps(OwnerId owner, int entries) {
        Long letGo = letGoAt.get(owner);
        long now = nanoTime.getAsLong();
        if (letGo == null || now - letGo > IN_USE.toNanos()) {
            return true;
        }
        long room = mostEntries - heldEntries;
        for (Asked held : indexes.values()) {
            if (held.inUse(now)) {
                break; // and so are all asked for after it
            }
            room += held.index.entryCount();
        }
        return room >= entries;
    }

    /** The owner's index, held, counted as asked for now. */
    private OwnerIndex used(OwnerId owner) {
        Asked held = indexes.remove(owner);
        held.at = nanoTime.getAsLong();
        indexes.put(owner, held);
        return held.index;
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
        Asked asked = indexes.get(owner);
        OwnerIndex held = asked == null ? null : asked.index;
        if (held != null && held.version() == version - 1) {
            int before = held.entryCount();
            change.accept(held);
            held.version(version);
            heldEntries += held.entryCount() - before;
            evictBeyondLimit(owner, false);
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

    /** The version of the owner's index held; -1 when none is. */
    private long held(OwnerId owner) {
        Asked held = indexes.get(owner);
        return held == null ? -1 : held.index.version();
    }

    synchronized void clear() {
        indexes.clear();
        letGoAt.clear();
        passing = null;
        heldEntries = 0;
    }

    /** The owners whose index this server holds now. */
    synchronized Set<OwnerId> held() {
        return Set.copyOf(indexes.keySet());
    }

    private void remove(OwnerId owner) {
        Asked removed = indexes.remove(owner);
        if (removed != null) {
            heldEntries -= removed.index.entryCount();
        }
    }

    /**
     * Lets the least recently used indexes go, but never {@code kept}'s, until the rest fit the budget; {@code forAQuery}:
     * to hold an index a query asked for, which is what owners asked in turn do to each other.
     */
    private void evictBeyondLimit(OwnerId kept, boolean forAQuery) {
        Iterator<Map.Entry<OwnerId, Asked>> eldest = indexes.entrySet().iterator();
        while (heldEntries > mostEntries && eldest.hasNext()) {
            Map.Entry<OwnerId, Asked> entry = eldest.next();
            if (!entry.getKey().equals(kept)) {
                heldEntries -= entry.getValue().index.entryCount();
                eldest.remove();
                letGoAt.remove(entry.getKey());
                if (forAQuery) {
                    letGoAt.put(entry.getKey(), nanoTime.getAsLong());
                }
            }
        }
    }

    /** An index and when it was last asked for. */
    private static final class Asked {

        final OwnerIndex index;
        long at;

        Asked(OwnerIndex index, long at) {
            this.index = index;
            this.at = at;
        }

        boolean inUse(long now) {
            return now - at <= IN_USE.toNanos();
        }
    }
}
