package app.rapport.application.storage;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.WriteBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;

/** Collections' documents are kept as BSON in the embedded store's file; files written before still open. */
class DocumentValueTypeTest {

    @TempDir
    Path dataDirectory;

    @Test
    void everyKindOfValueReadsBackAsItWasStored() {
        Document stored = everyKind("all");
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(dataDirectory);
             MongoClient client = MongoClients.create(server.connectionString())) {
            client.getDatabase("rapport").getCollection("kinds").insertOne(stored);
            server.durability().makeDurable();
        }
        // Read from the file by a new server, not from the first one's memory.
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(dataDirectory);
             MongoClient client = MongoClients.create(server.connectionString())) {
            assertThat(client.getDatabase("rapport").getCollection("kinds").find(eq("_id", "all")).first()).isEqualTo(stored);
        }
    }

    @Test
    void aDocumentIsWrittenAsBsonAndReadBackEncodedAndAnythingElseAsH2WritesIt() {
        de.bwaldvogel.mongo.bson.Document document = new de.bwaldvogel.mongo.bson.Document("_id", "x").append("name", "Dana");
        WriteBuffer buffer = new WriteBuffer();
        DocumentValueType.INSTANCE.write(buffer, document);
        DocumentValueType.INSTANCE.write(buffer, 42L);
        DocumentValueType.INSTANCE.write(buffer, "a text");
        ByteBuffer written = buffer.getBuffer().flip();

        assertThat(written.get(0)).isEqualTo(DocumentValueType.BSON);
        assertThat(DocumentValueType.INSTANCE.read(written)).isInstanceOfSatisfying(
                EncodedDocument.class, encoded -> assertThat(encoded.decode()).isEqualTo(document));
        assertThat(DocumentValueType.INSTANCE.read(written)).isEqualTo(42L);
        assertThat(DocumentValueType.INSTANCE.read(written)).isEqualTo("a text");
        assertThat(written.hasRemaining()).isFalse();
    }

    @Test
    void aFileWrittenWithJavaSerializationOpensAndTakesNewWritesBesideItsOldDocuments() {
        Path file = dataDirectory.resolve(EmbeddedMongoServer.FILE_NAME);
        MVStore older = new MVStore.Builder().fileName(file.toString()).compress().open();
        H2Backend olderBackend = new H2Backend(older);
        MongoServer olderServer = new MongoServer(olderBackend);
        olderServer.bind("127.0.0.1", 0);
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + olderServer.getLocalAddress().getPort())) {
            MongoCollection<Document> people = client.getDatabase("rapport").getCollection("people");
            for (int i = 0; i < 300; i++) {
                people.insertOne(everyKind("old" + i));
            }
        } finally {
            olderServer.shutdownNow();
        }

        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(dataDirectory);
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> people = client.getDatabase("rapport").getCollection("people");
            assertThat(people.find(eq("_id", "old7")).first()).isEqualTo(everyKind("old7"));
            for (int i = 0; i < 300; i++) {
                people.insertOne(everyKind("new" + i));
            }
            people.updateOne(eq("_id", "old8"), new Document("$set", new Document("name", "Changed")));
            client.getDatabase("rapport").getCollection("created-later").insertOne(everyKind("later"));
            server.durability().makeDurable();
        }
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(dataDirectory);
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> people = client.getDatabase("rapport").getCollection("people");
            assertThat(people.countDocuments()).isEqualTo(600);
            List<String> problems = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                for (String id : List.of("old" + i, "new" + i)) {
                    Document expected = everyKind(id);
                    if (id.equals("old8")) {
                        expected.put("name", "Changed");
                    }
                    if (!expected.equals(people.find(eq("_id", id)).first())) {
                        problems.add(id);
                    }
                }
            }
            assertThat(problems).isEmpty();
            assertThat(client.getDatabase("rapport").getCollection("created-later").find().first()).isEqualTo(everyKind("later"));
        }
    }

    private static Document everyKind(String id) {
        return new Document("_id", id)
                .append("name", "Dana Reyes – Ünïcode ✓")
                .append("int", 7)
                .append("long", 1L << 40)
                .append("double", 2.5)
                .append("decimal", new Decimal128(new BigDecimal("12.345")))
                .append("yes", true)
                .append("nothing", null)
                .append("at", new Date(1_764_000_000_000L))
                .append("objectId", new ObjectId("65a1b2c3d4e5f60718293a4b"))
                .append("bytes", new Binary(new byte[] {1, 2, 3}))
                .append("uuid", new Binary((byte) 4, new byte[] {0x3f, 0x0c, 0x1d, 0x2e, 0x4b, 0x5a, 0x69, 0x78, 0x0a, 0x1b, 0x2c, 0x3d, 0x4e, 0x5f, 0x60, 0x71}))
                .append("list", List.of("a", 1, new Document("nested", List.of(true, "deep"))))
                .append("document", new Document("tags", List.of("design", "fintech")).append("count", 3));
    }
}
