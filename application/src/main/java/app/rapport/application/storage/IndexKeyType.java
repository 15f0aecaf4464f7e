package app.rapport.application.storage;

import de.bwaldvogel.mongo.backend.KeyValue;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

import java.nio.ByteBuffer;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The keys of the embedded store's indexes, in the order and format H2 gives them — but compared without
 * serializing both sides at every step. H2 orders keys it does not know ({@link KeyValue}) by their Java-serialized
 * bytes, and made both byte arrays anew for each comparison of a binary search: a profile of a LinkedIn import spent
 * a tenth of the server's CPU there. Here the key looked for is serialized once per search, and the keys of pages in
 * memory once per thread while they stay in a small cache; the order is the same bytes', so files written before
 * read as they are.
 */
final class IndexKeyType extends BasicDataType<Object> {

    static final IndexKeyType INSTANCE = new IndexKeyType();

    /** Keys whose bytes a thread keeps; emptied when full (a few megabytes per thread at most). */
    private static final int CACHED_KEYS = 10_000;

    private static final ThreadLocal<Map<Object, byte[]>> SERIALIZED = ThreadLocal.withInitial(IdentityHashMap::new);

    private final ObjectDataType h2 = new ObjectDataType();

    private IndexKeyType() {
    }

    @Override
    public int compare(Object a, Object b) {
        if (a == b) {
            return 0;
        }
        if (a instanceof KeyValue && b instanceof KeyValue) {
            return ObjectDataType.compareNotNull(serialized(a), serialized(b));
        }
        return h2.compare(a, b);
    }

    @Override
    public int binarySearch(Object key, Object storage, int size, int initialGuess) {
        if (!(key instanceof KeyValue)) {
            return super.binarySearch(key, storage, size, initialGuess);
        }
        byte[] sought = ObjectDataType.serialize(key);
        Object[] keys = (Object[]) storage;
        int low = 0;
        int high = size - 1;
        int x = initialGuess - 1;
        if (x < 0 || x > high) {
            x = high >>> 1;
        }
        while (low <= high) {
            Object other = keys[x];
            int comparison = other instanceof KeyValue ? ObjectDataType.compareNotNull(sought, serialized(other)) : h2.compare(key, other);
            if (comparison > 0) {
                low = x + 1;
            } else if (comparison < 0) {
                high = x - 1;
            } else {
                return x;
            }
            x = (low + high) >>> 1;
        }
        return ~low;
    }

    private static byte[] serialized(Object key) {
        Map<Object, byte[]> cache = SERIALIZED.get();
        byte[] bytes = cache.get(key);
        if (bytes == null) {
            if (cache.size() >= CACHED_KEYS) {
                cache.clear();
            }
            bytes = ObjectDataType.serialize(key);
            cache.put(key, bytes);
        }
        return bytes;
    }

    @Override
    public int getMemory(Object key) {
        return h2.getMemory(key);
    }

    @Override
    public void write(WriteBuffer buffer, Object key) {
        h2.write(buffer, key);
    }

    @Override
    public Object read(ByteBuffer buffer) {
        return h2.read(buffer);
    }

    @Override
    public Object[] createStorage(int size) {
        return new Object[size];
    }
}
