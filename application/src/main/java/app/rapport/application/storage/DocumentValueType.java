package app.rapport.application.storage;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

import java.nio.ByteBuffer;

/**
 * How the embedded store writes a collection's documents into its file: as BSON, the format they arrive in, instead
 * of H2's default for objects it does not know, Java serialization. A profile of a 30,000-row LinkedIn import spent
 * a fifth of the server's CPU serializing documents (a new object stream per document, every time a page was written)
 * and another 7 % reading them back.
 * <p>
 * A value written this way starts with {@link #BSON}, a byte H2's own format never starts with; anything else (a
 * store written before, or a value that is not a document) is read and written by H2's own type, so older files
 * open as they are and their pages turn to BSON as they are rewritten.
 */
final class DocumentValueType extends BasicDataType<Object> {

    static final DocumentValueType INSTANCE = new DocumentValueType();

    /** Unused by {@link ObjectDataType}, whose tags stop at 119. */
    static final byte BSON = (byte) 0xB5;

    private static final ThreadLocal<ByteBuf> ENCODING = ThreadLocal.withInitial(() -> Unpooled.buffer(1024));

    private final ObjectDataType fallback = new ObjectDataType();
    /** The average encoded size, for H2's estimate of a page's memory (it caches pages up to a size). */
    private volatile int averageSize = 512;

    private DocumentValueType() {
    }

    @Override
    public int getMemory(Object value) {
        // A document in memory takes several times its encoded bytes (maps, boxed values, strings).
        return value instanceof Document ? 3 * averageSize : fallback.getMemory(value);
    }

    @Override
    public void write(WriteBuffer buffer, Object value) {
        if (!(value instanceof Document document)) {
            fallback.write(buffer, value);
            return;
        }
        ByteBuf encoded = ENCODING.get().clear();
        BsonEncoder.encodeDocument(document, encoded);
        int size = encoded.readableBytes();
        buffer.put(BSON).put(encoded.array(), encoded.arrayOffset() + encoded.readerIndex(), size);
        averageSize = (size + 15 * averageSize) / 16;
        if (encoded.capacity() > 1 << 20) {
            ENCODING.remove(); // one large document must not keep a large buffer per thread
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
        byte[] bytes = new byte[length];
        buffer.position(start + 1);
        buffer.get(bytes);
        return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bytes));
    }

    @Override
    public Object[] createStorage(int size) {
        return new Object[size];
    }
}
