package app.rapport.application.storage;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;

/** The embedded store's file keeps no copy of a deleted or changed document once its dead data is erased. */
class ScrubbingFileStoreTest {

    private static final String GIVEN_NAME = "Xylophonia";
    private static final String SECRET = GIVEN_NAME + " Quarrington";
    private static final String EMAIL = "xq@example";
    private static final int OTHERS = 5_000;

    @TempDir
    Path dataDirectory;

    @Test
    void afterTheErasureTheFileHoldsNoCopyOfADeletedOrRewrittenDocumentAndEverythingLiveIsIntact() throws Exception {
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(dataDirectory);
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> people = client.getDatabase("rapport").getCollection("people");
            for (int i = 0; i < OTHERS; i++) {
                people.insertOne(new Document("_id", "p" + i).append("name", "Person " + i).append("notes", "kept " + i));
                if (i % 250 == 0) {
                    server.durability().makeDurable();
                }
            }
            people.insertOne(new Document("_id", "x").append("name", SECRET).append("email", EMAIL + ".org"));
            server.durability().makeDurable();
            for (int touch = 0; touch < 5; touch++) {
                people.updateOne(eq("_id", "x"), new Document("$set", new Document("touch" + touch, "met " + SECRET)));
                server.durability().makeDurable();
            }
            people.replaceOne(eq("_id", "x"), new Document("forgotten", true));
            people.insertOne(new Document("_id", "y").append("name", "Someone Else " + SECRET));
            people.deleteOne(eq("_id", "y"));
            server.durability().makeDurable();
            // Pages are compressed, which breaks some words of a text up; these two stay whole, so the check sees them.
            assertThat(occurrences(server.file(), GIVEN_NAME)).as("the check sees the old copies").isGreaterThan(1);
            assertThat(occurrences(server.file(), EMAIL)).isPositive();

            // Writers go on during the erasure, and lose nothing.
            AtomicBoolean erasing = new AtomicBoolean(true);
            ExecutorService writer = Executors.newSingleThreadExecutor();
            Future<Integer> written = writer.submit(() -> {
                int n = 0;
                while (erasing.get() || n < 20) {
                    people.insertOne(new Document("_id", "during" + n).append("name", "Written during " + n));
                    server.durability().makeDurable();
                    n++;
                }
                return n;
            });
            server.eraseDeadData();
            erasing.set(false);
            int writtenDuring = written.get();
            writer.shutdown();

            assertThat(occurrences(server.file(), GIVEN_NAME)).isZero();
            assertThat(occurrences(server.file(), EMAIL)).isZero();
            assertThat(people.find(eq("_id", "x")).first()).containsEntry("forgotten", true).doesNotContainKey("name");
            assertThat(people.countDocuments()).isEqualTo(OTHERS + 1 + writtenDuring);
            assertThat(people.find(eq("_id", "p4321")).first()).containsEntry("notes", "kept 4321");
        }
        // The file opens again, whole.
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(dataDirectory);
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> people = client.getDatabase("rapport").getCollection("people");
            List<String> names = new ArrayList<>();
            people.find().forEach(person -> names.add(person.getString("name")));
            assertThat(names).containsAll(IntStream.range(0, OTHERS).mapToObj(i -> "Person " + i).toList())
                             .contains("Written during 0")
                             .noneMatch(name -> name != null && name.contains(SECRET));
            assertThat(occurrences(server.file(), GIVEN_NAME)).isZero();
        }
    }

    /** Each byte as one character: an ASCII word is found wherever its bytes are. */
    static int occurrences(Path file, String word) throws IOException {
        String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        int found = 0;
        for (int at = content.indexOf(word); at >= 0; at = content.indexOf(word, at + 1)) {
            found++;
        }
        return found;
    }
}
