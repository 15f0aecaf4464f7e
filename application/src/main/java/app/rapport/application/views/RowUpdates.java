package app.rapport.application.views;

import org.bson.BsonDocument;
import org.bson.BsonDocumentReader;
import org.bson.Document;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.configuration.CodecRegistry;
import org.bson.conversions.Bson;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * MongoDB's update operators, as the views use them, applied to a row held in memory ({@link ViewBatch}): the row
 * ends as the store would have left it. {@code $set}, {@code $unset} and {@code $setOnInsert} (dotted paths too),
 * {@code $inc}, {@code $max}, {@code $push} and {@code $addToSet} (with {@code $each}), {@code $pull} (a value, or a
 * document that the removed elements contain) and {@code $pullAll}; any other operator is refused, never ignored.
 */
final class RowUpdates {

    private RowUpdates() {
    }

    /**
     * The row after the update, changed in place; for an absent row ({@code null}) a new one when {@code upsert},
     * else null (nothing to change).
     */
    static Document apply(Document row, String key, Bson update, CodecRegistry codecs, boolean upsert) {
        boolean inserting = row == null;
        if (inserting && !upsert) {
            return null;
        }
        Document target = inserting ? new Document(ViewRows.ID, key) : row;
        for (Map.Entry<String, Object> operation : decode(update, codecs).entrySet()) {
            Document fields = (Document) operation.getValue();
            for (Map.Entry<String, Object> field : fields.entrySet()) {
                apply(target, operation.getKey(), field.getKey(), field.getValue(), inserting);
            }
        }
        return target;
    }

    private static void apply(Document row, String operator, String path, Object value, boolean inserting) {
        switch (operator) {
            case "$set" -> set(row, path, value);
            case "$setOnInsert" -> {
                if (inserting) {
                    set(row, path, value);
                }
            }
            case "$unset" -> unset(row, path);
            case "$inc" -> set(row, path, add((Number) get(row, path), (Number) value));
            case "$max" -> {
                Object current = get(row, path);
                if (current == null || compare(value, current) > 0) {
                    set(row, path, value);
                }
            }
            case "$push" -> list(row, path).addAll(each(value));
            case "$addToSet" -> {
                List<Object> list = list(row, path);
                for (Object element : each(value)) {
                    if (list.stream().noneMatch(existing -> same(existing, element))) {
                        list.add(element);
                    }
                }
            }
            case "$pull" -> {
                if (get(row, path) instanceof List<?>) {
                    list(row, path).removeIf(existing -> matches(existing, value));
                }
            }
            case "$pullAll" -> {
                if (get(row, path) instanceof List<?>) {
                    List<?> removed = (List<?>) value;
                    list(row, path).removeIf(existing -> removed.stream().anyMatch(element -> same(existing, element)));
                }
            }
            default -> throw new UnsupportedOperationException("A view's update uses " + operator
                                                               + ", which a batch of events cannot apply in memory");
        }
    }

    private static Document decode(Bson update, CodecRegistry codecs) {
        BsonDocument rendered = update.toBsonDocument(Document.class, codecs);
        return codecs.get(Document.class).decode(new BsonDocumentReader(rendered), DecoderContext.builder().build());
    }

    private static List<?> each(Object value) {
        if (value instanceof Document document && document.containsKey("$each")) {
            return (List<?>) document.get("$each");
        }
        return List.of(value);
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Document row, String path) {
        Object current = get(row, path);
        List<Object> list = current instanceof List<?> existing ? new ArrayList<>((List<Object>) existing) : new ArrayList<>();
        set(row, path, list);
        return list;
    }

    private static Object get(Document row, String path) {
        Object current = row;
        for (String part : path.split("\\.")) {
            if (!(current instanceof Document document)) {
                return null;
            }
            current = document.get(part);
        }
        return current;
    }

    private static void set(Document row, String path, Object value) {
        String[] parts = path.split("\\.");
        Document parent = row;
        for (int i = 0; i < parts.length - 1; i++) {
            Object next = parent.get(parts[i]);
            Document child = next instanceof Document document ? document : new Document();
            if (child != next) {
                parent.put(parts[i], child);
            }
            parent = child;
        }
        parent.put(parts[parts.length - 1], value);
    }

    private static void unset(Document row, String path) {
        int dot = path.lastIndexOf('.');
        Object parent = dot < 0 ? row : get(row, path.substring(0, dot));
        if (parent instanceof Document document) {
            document.remove(path.substring(dot + 1));
        }
    }

    private static Number add(Number current, Number increment) {
        if (current == null) {
            return increment;
        }
        if (current instanceof Double || increment instanceof Double) {
            return current.doubleValue() + increment.doubleValue();
        }
        if (current instanceof Long || increment instanceof Long) {
            return current.longValue() + increment.longValue();
        }
        return current.intValue() + increment.intValue();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compare(Object left, Object right) {
        if (left instanceof Number a && right instanceof Number b) {
            return Double.compare(a.doubleValue(), b.doubleValue());
        }
        return ((Comparable) left).compareTo(right);
    }

    /** {@code $pull}'s condition: equal, or for a document condition an element holding all of its fields. */
    private static boolean matches(Object element, Object condition) {
        if (condition instanceof Document wanted && element instanceof Document document) {
            return wanted.entrySet().stream().allMatch(field -> document.containsKey(field.getKey())
                                                                && same(document.get(field.getKey()), field.getValue()));
        }
        return same(element, condition);
    }

    /** Equality as the store sees it: numbers by value, whatever their width. */
    static boolean same(Object left, Object right) {
        if (left instanceof Number a && right instanceof Number b) {
            return a.doubleValue() == b.doubleValue();
        }
        return Objects.equals(left, right);
    }
}
