package app.rapport.application.storage;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * A collection's document as the embedded store keeps it, in memory as in its file: its BSON, decoded only when a
 * request reads it. A page of the store holds dozens of documents; kept decoded, every page read from the file was
 * decoded whole to read one of them, every page written encoded all of them again, and the page cache held maps of
 * boxed values and strings that the collector had to trace, several times the bytes they encode.
 */
final class EncodedDocument {

    private static final ThreadLocal<ByteBuf> ENCODING = ThreadLocal.withInitial(() -> Unpooled.buffer(1024));

    private final byte[] bson;

    EncodedDocument(byte[] bson) {
        this.bson = bson;
    }

    static EncodedDocument of(Document document) {
        ByteBuf encoding = ENCODING.get().clear();
        BsonEncoder.encodeDocument(document, encoding);
        byte[] bson = new byte[encoding.readableBytes()];
        encoding.getBytes(encoding.readerIndex(), bson);
        if (encoding.capacity() > 1 << 20) {
            ENCODING.remove(); // one large document must not keep a large buffer per thread
        }
        return new EncodedDocument(bson);
    }

    /** A new document each time: the caller may change it without changing what is stored. */
    Document decode() {
        return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bson));
    }

    /** The BSON, not to be changed. */
    byte[] bson() {
        return bson;
    }

    @Override
    public String toString() {
        return decode().toString();
    }
}
