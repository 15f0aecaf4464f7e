package app.rapport.application.storage;

import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

import java.nio.ByteBuffer;

/**
 * How the embedded store writes a collection's documents into its file: as BSON, the format they arrive in, instead
 * of H2's default for objects it does not know, Java serialization. A profile of a 30,000-row LinkedIn import spent
 * a fifth of the server's CPU serializing documents (a new object stream per document, every time a page was written)
 * and another 7 % reading them back. They are read back as they are written, {@link EncodedDocument}s.
 * <p>
 * A value written this way starts with {@link #BSON}, a byte H2's own format never starts with; anything else (a
 * store written before, or a value that is not a document) is read and written by H2's own type, so older files
 * open as they are and their pages turn to BSON as they are rewritten.
 */
final class DocumentValueType extends BasicDataType<Object> {

    static final DocumentValueType INSTANCE = new DocumentValueType();

    /** Unused by {@link ObjectDataType}, whose tags stop at 119. */
    static final byte BSON = (byte) 0xB5;

    private final ObjectDataType fallback = new ObjectDataType();

    private DocumentValueType() {
    }

    @Override
    public int getMemory(Object value) {
        if (value instanceof EncodedDocument encoded) {
            return 32 + encoded.bson().length;
        }
        // A decoded document, of a file written before, takes several times its encoded bytes (maps, boxed values, strings).
        return value instanceof Document ? 2048 : fallback.getMemory(value);
    }

    @Override
    public void write(WriteBuffer buffer, Object value) {
        if (value instanceof Document document) {
            value = EncodedDocument.of(document);
        }
        if (value instanceof EncodedDocument encoded) {
            buffer.put(BSON).put(encoded.bson());
        } else {
            fallback.write(buffer, value);
        }
    }

    @Override
    public Object read(ByteBuffer buffer) {
        int start = buffer.position();
        if (buffer.get(start) != BSON) {
            return fallback.read(buffer);
        }
        // BSON starts with its own length, little-endian, counting itself.
        int length = (buffer.get(start + 1) & 0xff) | (buffer.get(start + 2) & 0xff) << 8
                     | (buffer.get(start + 3) & 0xff) << 16 | (buffer.get(start + 4) & 0xff) << 24;
        byte[] bson = new byte[length];
        buffer.position(start + 1);
        buffer.get(bson);
        return new EncodedDocument(bson);
    }

    @Override
    public Object[] createStorage(int size) {
        return new Object[size];
    }
}
