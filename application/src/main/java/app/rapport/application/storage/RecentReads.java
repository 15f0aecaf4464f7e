package app.rapport.application.storage;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * Documents read from the store, kept for a short time for what asks for them at every request or event. A change made
 * through this server is seen by the next read ({@link #changed}, {@link #changedAll}), and a read that began before a
 * change keeps no copy; a change made through another server of a cluster is seen once {@code within} has passed.
 *
 * @param <K> what a document is found by
 * @param <V> what is kept of it; a read that finds nothing (null) is not kept
 */
public final class RecentReads<K, V> {

    private final long withinNanos;
    private final int capacity;
    private final LongSupplier nanoTime;
    private final Map<K, Read<V>> recent = new ConcurrentHashMap<>();
    private final AtomicLong changes = new AtomicLong();

    private record Read<V>(V value, long readAt) {
    }

    /**
     * @param within   how long a read is kept
     * @param capacity how many are kept at most; past it, all are dropped at once (cheaper than tracking the oldest)
     * @param nanoTime the clock reads are timed by
     */
    public RecentReads(Duration within, int capacity, LongSupplier nanoTime) {
        this.withinNanos = within.toNanos();
        this.capacity = capacity;
        this.nanoTime = nanoTime;
    }

    /** What was read for {@code key} within the time, or what {@code read} finds now (null: nothing). */
    public V get(K key, Function<K, V> read) {
        long now = nanoTime.getAsLong();
        Read<V> kept = recent.get(key);
        if (kept != null && now - kept.readAt() < withinNanos) {
            return kept.value();
        }
        long changesBefore = changes.get();
        V value = read.apply(key);
        if (value == null) {
            recent.remove(key);
            return null;
        }
        if (recent.size() >= capacity) {
            recent.clear();
        }
        recent.put(key, new Read<>(value, now));
        if (changes.get() != changesBefore) {
            recent.remove(key); // a change was made meanwhile: what was read may be older than it
        }
        return value;
    }

    /** After a change of what {@code key} finds, once it is stored. */
    public void changed(K key) {
        changes.incrementAndGet();
        recent.remove(key);
    }

    /** After a change of many documents. */
    public void changedAll() {
        changes.incrementAndGet();
        recent.clear();
    }
}
