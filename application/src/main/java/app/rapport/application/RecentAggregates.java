package app.rapport.application;

import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * The aggregates of one type that commands used last, kept for the next command on them: at most a fixed number, the
 * least recently used out first.
 * <p>
 * Axon's weak-reference cache loses a cached aggregate at the next collection of the young generation, several times
 * a second under load, since every command caches its aggregate anew: a contact with a long history was then loaded
 * from all its events again and again (docs/performance.md). A bound keeps what is kept small and predictable.
 */
final class RecentAggregates implements Cache {

    private final Map<Object, Object> entries;
    private final List<EntryListener> listeners = new CopyOnWriteArrayList<>();
    private Object evicted;

    /** @param capacity how many aggregates are kept at most */
    RecentAggregates(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.entries = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Object, Object> eldest) {
                if (size() <= capacity) {
                    return false;
                }
                evicted = eldest.getKey();
                return true;
            }
        };
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> V get(K key) {
        Object value;
        synchronized (this) {
            value = entries.get(key);
        }
        if (value != null) {
            notify(listener -> listener.onEntryRead(key, value));
        }
        return (V) value;
    }

    @Override
    public void put(Object key, Object value) {
        if (value == null) {
            remove(key);
            return;
        }
        Object previous;
        Object expired;
        synchronized (this) {
            previous = entries.put(key, value);
            expired = takeEvicted();
        }
        notify(listener -> {
            if (previous == null) {
                listener.onEntryCreated(key, value);
            } else {
                listener.onEntryUpdated(key, value);
            }
        });
        expired(expired);
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        Object expired;
        synchronized (this) {
            if (value == null || entries.containsKey(key)) {
                return false;
            }
            entries.put(key, value);
            expired = takeEvicted();
        }
        notify(listener -> listener.onEntryCreated(key, value));
        expired(expired);
        return true;
    }

    @Override
    public boolean remove(Object key) {
        boolean removed;
        synchronized (this) {
            removed = entries.remove(key) != null;
        }
        if (removed) {
            notify(listener -> listener.onEntryRemoved(key));
        }
        return removed;
    }

    @Override
    public void removeAll() {
        List<Object> keys;
        synchronized (this) {
            keys = new ArrayList<>(entries.keySet());
            entries.clear();
        }
        keys.forEach(key -> notify(listener -> listener.onEntryRemoved(key)));
    }

    @Override
    public synchronized boolean containsKey(Object key) {
        return entries.containsKey(key);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <V> void computeIfPresent(Object key, UnaryOperator<V> update) {
        Object updated;
        synchronized (this) {
            updated = entries.computeIfPresent(key, (k, value) -> update.apply((V) value));
        }
        if (updated != null) {
            notify(listener -> listener.onEntryUpdated(key, updated));
        }
    }

    @Override
    public Registration registerCacheEntryListener(EntryListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** How many aggregates are kept now. */
    synchronized int size() {
        return entries.size();
    }

    private Object takeEvicted() {
        Object key = evicted;
        evicted = null;
        return key;
    }

    private void expired(Object key) {
        if (key != null) {
            notify(listener -> listener.onEntryExpired(key));
        }
    }

    private void notify(Consumer<EntryListener> event) {
        listeners.forEach(event);
    }
}
