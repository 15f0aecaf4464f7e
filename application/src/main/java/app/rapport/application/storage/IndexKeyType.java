package app.rapport.application.storage;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.ObjectId;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The keys of the embedded store's indexes: written in a compact form of their own and ordered by their values.
 * <p>
 * H2 Java-serializes objects it does not know ({@link KeyValue}) and orders them by those bytes: a new object stream
 * for every key of every index page written, read or searched. A profile of a view rebuild found it behind more than
 * a third of all the memory the server allocated (and so of its collections' pauses), and a tenth of its CPU. Here a
 * key's usual values (strings, numbers, booleans, object ids, null, missing) are written as tagged bytes and compared
 * as values, by type first; anything else keeps H2's form and order within its type.
 * <p>
 * Files written before ordered their keys by the serialized bytes: their index maps are copied into the new order
 * once ({@link LiveDataCopy}), and a store says which order its indexes are in ({@link #inValueOrder}).
 */
final class IndexKeyType extends BasicDataType<Object> {

    static final IndexKeyType INSTANCE = new IndexKeyType();

    /** Starts a key in this form: a byte {@link ObjectDataType}'s tags (up to 119) and {@link DocumentValueType} do not use. */
    static final byte KEY = (byte) 0xB6;

    /** What a value is, in the order keys sort by type. */
    private static final byte NULL = 0;
    private static final byte MISSING = 1;
    private static final byte FALSE = 2;
    private static final byte TRUE = 3;
    private static final byte INT = 4;
    private static final byte LONG = 5;
    private static final byte DOUBLE = 6;
    private static final byte STRING = 7;
    private static final byte OBJECT_ID = 8;
    private static final byte SERIALIZED = 9;

    /** The map that tells which order a store's index keys are in (named apart from databases' maps), and its entry. */
    private static final String ORDER_MAP = "storage-format.index-keys";
    private static final String ORDER = "order";
    private static final String BY_VALUE = "by-value";

    private final ObjectDataType h2 = new ObjectDataType();

    private IndexKeyType() {
    }

    /** Whether the store's index maps are ordered by value: it says so, or it has none yet. */
    static boolean inValueOrder(MVStore store) {
        if (store.hasMap(ORDER_MAP) && BY_VALUE.equals(store.<String, String>openMap(ORDER_MAP).get(ORDER))) {
            return true;
        }
        return store.getMapNames().stream().noneMatch(RapportH2Backend::isIndexMap);
    }

    /** Records that the store's index maps are ordered by value: from the start, or once copied into that order. */
    static void markValueOrder(MVStore store) {
        MVMap<String, String> order = store.openMap(ORDER_MAP);
        if (!BY_VALUE.equals(order.get(ORDER))) {
            order.put(ORDER, BY_VALUE);
        }
    }

    @Override
    public int compare(Object a, Object b) {
        if (a == b) {
            return 0;
        }
        if (a instanceof KeyValue left && b instanceof KeyValue right) {
            int common = Math.min(left.size(), right.size());
            for (int i = 0; i < common; i++) {
                int comparison = compareValues(left.get(i), right.get(i));
                if (comparison != 0) {
                    return comparison;
                }
            }
            return Integer.compare(left.size(), right.size());
        }
        return h2.compare(a, b);
    }

    private static int compareValues(Object a, Object b) {
        byte type = typeOf(a);
        int byType = Byte.compare(type, typeOf(b));
        if (byType != 0) {
            return byType;
        }
        return switch (type) {
            case INT -> Integer.compare((Integer) a, (Integer) b);
            case LONG -> Long.compare((Long) a, (Long) b);
            case DOUBLE -> Double.compare((Double) a, (Double) b);
            case STRING -> ((String) a).compareTo((String) b);
            case OBJECT_ID -> ((ObjectId) a).compareTo((ObjectId) b);
            case SERIALIZED -> ObjectDataType.compareNotNull(ObjectDataType.serialize(a), ObjectDataType.serialize(b));
            default -> 0; // null, missing, false, true: one value each
        };
    }

    private static byte typeOf(Object value) {
        if (value == null) {
            return NULL;
        } else if (value instanceof Missing) {
            return MISSING;
        } else if (value instanceof Boolean flag) {
            return flag ? TRUE : FALSE;
        } else if (value instanceof Integer) {
            return INT;
        } else if (value instanceof Long) {
            return LONG;
        } else if (value instanceof Double) {
            return DOUBLE;
        } else if (value instanceof String) {
            return STRING;
        } else if (value.getClass() == ObjectId.class) {
            return OBJECT_ID;
        }
        return SERIALIZED;
    }

    @Override
    public int getMemory(Object key) {
        if (!(key instanceof KeyValue values)) {
            return h2.getMemory(key);
        }
        int memory = 48;
        for (Object value : values) {
            memory += value instanceof String text ? 48 + text.length() : 24;
        }
        return memory;
    }

    @Override
    public void write(WriteBuffer buffer, Object key) {
        if (!(key instanceof KeyValue values)) {
            h2.write(buffer, key);
            return;
        }
        buffer.put(KEY).putVarInt(values.size());
        for (Object value : values) {
            byte type = typeOf(value);
            buffer.put(type);
            switch (type) {
                case INT -> buffer.putInt((Integer) value);
                case LONG -> buffer.putLong((Long) value);
                case DOUBLE -> buffer.putLong(Double.doubleToLongBits((Double) value));
                case STRING -> putBytes(buffer, ((String) value).getBytes(StandardCharsets.UTF_8));
                case OBJECT_ID -> putBytes(buffer, ((ObjectId) value).toByteArray());
                case SERIALIZED -> putBytes(buffer, ObjectDataType.serialize(value));
                default -> {
                }
            }
        }
    }

    private static void putBytes(WriteBuffer buffer, byte[] bytes) {
        buffer.putVarInt(bytes.length).put(bytes);
    }

    @Override
    public Object read(ByteBuffer buffer) {
        if (buffer.get(buffer.position()) != KEY) {
            return h2.read(buffer); // written before, Java-serialized
        }
        buffer.get();
        int size = DataUtils.readVarInt(buffer);
        List<Object> values = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            byte type = buffer.get();
            values.add(switch (type) {
                case NULL -> null;
                case MISSING -> Missing.getInstance();
                case FALSE -> Boolean.FALSE;
                case TRUE -> Boolean.TRUE;
                case INT -> buffer.getInt();
                case LONG -> buffer.getLong();
                case DOUBLE -> Double.longBitsToDouble(buffer.getLong());
                case STRING -> new String(bytes(buffer), StandardCharsets.UTF_8);
                case OBJECT_ID -> new ObjectId(bytes(buffer));
                case SERIALIZED -> ObjectDataType.deserialize(bytes(buffer));
                default -> throw new IllegalStateException("An index key holds a value of unknown type " + type);
            });
        }
        return new KeyValue(values);
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] bytes = new byte[DataUtils.readVarInt(buffer)];
        buffer.get(bytes);
        return bytes;
    }

    @Override
    public Object[] createStorage(int size) {
        return new Object[size];
    }
}
