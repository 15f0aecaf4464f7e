package app.rapport.application.storage;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.AbstractSynchronizedMongoCollection;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DocumentWithPosition;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;

import java.util.Collection;
import java.util.HashSet;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A collection of the embedded store whose documents stay encoded ({@link EncodedDocument}) until a request reads
 * them, each read decoding its own copy. Its size in bytes is summed when asked for (a collection's statistics)
 * instead of kept up to date: keeping it encoded every document once more on every write and rewrote a counter
 * beside it.
 * <p>
 * A lookup by a list of keys ({@code _id: {$in: [...]}}, the views' usual read) is checked against the keys as a
 * set: the general matcher compares each document found with every key asked for, so reading a few hundred rows at
 * once cost the square of their number.
 */
final class EncodedCollection extends AbstractSynchronizedMongoCollection<Object> {

    private final MVMap<Object, Object> documents;

    EncodedCollection(MongoDatabase database, String name, CollectionOptions options, MVMap<Object, Object> documents,
                      CursorRegistry cursors) {
        super(database, name, options, cursors);
        this.documents = documents;
    }

    @Override
    protected Object addDocumentInternal(Document document) {
        Object key = getIdField() != null ? Missing.ofNullable(Utils.getSubdocumentValue(document, getIdField())) : UUID.randomUUID();
        Object previous = documents.putIfAbsent(key, EncodedDocument.of(document));
        if (previous != null) {
            throw new IllegalStateException("A document with key " + key + " exists already in " + getFullName());
        }
        return key;
    }

    @Override
    protected Document getDocument(Object position) {
        return decoded(documents.get(position));
    }

    @Override
    protected void handleUpdate(Object position, Document oldDocument, Document newDocument) {
        documents.put(position, EncodedDocument.of(newDocument));
    }

    @Override
    protected void removeDocument(Object position) {
        if (documents.remove(position) == null) {
            throw new NoSuchElementException("No document with key " + position + " in " + getFullName());
        }
    }

    @Override
    protected Stream<DocumentWithPosition<Object>> streamAllDocumentsWithPosition() {
        return documents.entrySet().stream().map(entry -> new DocumentWithPosition<>(decoded(entry.getValue()), entry.getKey()));
    }

    @Override
    protected QueryResult matchDocuments(Document query, Document orderBy, int numberToSkip, int limit, int batchSize,
                                         Document fieldSelector) {
        Stream<Document> inOrder = isNaturalDescending(orderBy)
                ? streamAllDocumentsWithPosition().sorted((one, other) -> ValueComparator.desc().compare(one.getPosition(), other.getPosition()))
                                                  .map(DocumentWithPosition::getDocument)
                : documents.values().stream().map(EncodedCollection::decoded);
        return matchDocumentsFromStream(inOrder, query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
    }

    @Override
    protected QueryResult matchDocuments(Document query, Iterable<Object> positions, Document orderBy, int numberToSkip,
                                         int limit, int batchSize, Document fieldSelector) {
        Set<String> keys = textKeysAskedFor(query);
        if (keys == null) {
            return super.matchDocuments(query, positions, orderBy, numberToSkip, limit, batchSize, fieldSelector);
        }
        Stream<Document> asked = StreamSupport.stream(positions.spliterator(), false)
                                              .map(this::getDocument)
                                              .filter(document -> document != null && keys.contains(document.get(getIdField())));
        return matchDocumentsFromStream(asked, new Document(), orderBy, numberToSkip, limit, batchSize, fieldSelector);
    }

    /** The keys of a query that is exactly {@code {_id: {$in: [text, ...]}}}; null for any other query. */
    private Set<String> textKeysAskedFor(Document query) {
        if (query.size() != 1 || getIdField() == null || !(query.get(getIdField()) instanceof Document condition)
            || condition.size() != 1 || !(condition.get("$in") instanceof Collection<?> values)) {
            return null;
        }
        Set<String> keys = new HashSet<>(values.size() * 2);
        for (Object value : values) {
            if (!(value instanceof String key)) {
                return null;
            }
            keys.add(key);
        }
        return keys;
    }

    @Override
    public int count() {
        return documents.size();
    }

    @Override
    public boolean isEmpty() {
        return documents.isEmpty();
    }

    @Override
    protected boolean tracksDataSize() {
        return false;
    }

    @Override
    protected void updateDataSize(int sizeDelta) {
        // summed when asked for: getDataSize()
    }

    @Override
    protected int getDataSize() {
        long bytes = 0;
        for (Object value : documents.values()) {
            bytes += value instanceof EncodedDocument encoded ? encoded.bson().length : EncodedDocument.of((Document) value).bson().length;
        }
        return (int) Math.min(bytes, Integer.MAX_VALUE);
    }

    /** A value of a file written before documents were kept encoded is a decoded document: copied, never shared. */
    private static Document decoded(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof EncodedDocument encoded ? encoded.decode() : ((Document) value).cloneDeeply();
    }
}
