package app.rapport.application.storage;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import de.bwaldvogel.mongo.backend.KeyValue;
import org.bson.Document;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.set;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A store file of mostly old versions is replaced, at start-up, by a copy of its live data that reads the same. */
class LiveDataCopyTest {

    private static final int CACHE_MB = 16;
    private static final int ENTRIES = 20_000;
    private static final int ENTRY_BYTES = 600;

    @TempDir
    Path dataDirectory;

    @Test
    void theCopyHoldsEveryLiveDocumentWithItsIndexesAndTheServerWritesOnAfterIt() throws Exception {
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(dataDirectory);
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> people = people(client);
            people.createIndex(Indexes.ascending("email"), new IndexOptions().unique(true));
            people.createIndex(Indexes.ascending("organization"));
            for (int i = 0; i < 1_000; i++) {
                people.insertOne(new Document("_id", "p" + i).append("email", "p" + i + "@example.org")
                                         .append("organization", "org" + i % 10).append("version", 0));
            }
            for (int version = 1; version <= 5; version++) {
                for (int i = 0; i < 1_000; i++) {
                    people.updateOne(eq("_id", "p" + i), combine(set("version", version), set("notes", "met again, time " + version)));
                }
                server.durability().makeDurable();
            }
            for (int i = 900; i < 1_000; i++) {
                people.deleteOne(eq("_id", "p" + i));
            }
            server.durability().makeDurable();
        }
        Path file = dataDirectory.resolve(EmbeddedMongoServer.FILE_NAME);

        LiveDataCopy.Copied copied = LiveDataCopy.copyLiveData(file, CACHE_MB);

        assertThat(copied.bytesAfter()).isLessThan(copied.bytesBefore()).isEqualTo(Files.size(file));
        assertThat(file.resolveSibling(file.getFileName() + ".compacting")).doesNotExist();
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(dataDirectory);
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> people = people(client);
            assertThat(people.countDocuments()).isEqualTo(900);
            assertThat(people.find(eq("_id", "p901")).first()).isNull();
            Document p7 = people.find(eq("email", "p7@example.org")).first();
            assertThat(p7).containsEntry("_id", "p7").containsEntry("version", 5).containsEntry("notes", "met again, time 5");
            assertThat(people.countDocuments(eq("organization", "org3"))).isEqualTo(90);
            assertThatThrownBy(() -> people.insertOne(new Document("_id", "again").append("email", "p7@example.org")))
                    .isInstanceOfSatisfying(MongoWriteException.class, duplicate -> assertThat(duplicate.getCode()).isEqualTo(11000));
            people.insertOne(new Document("_id", "new").append("email", "new@example.org").append("organization", "org3"));
            server.durability().makeDurable();
            assertThat(people.countDocuments(eq("organization", "org3"))).isEqualTo(91);
        }
    }

    @Test
    void aFileOfMostlyOldVersionsIsShrunkAndAFileOfLiveDataIsLeftAsItIs() throws Exception {
        Path file = dataDirectory.resolve(EmbeddedMongoServer.FILE_NAME);
        Random random = new Random(7);
        writeVersions(file, random, 1);
        long liveSize = Files.size(file);
        FileTime written = Files.getLastModifiedTime(file);

        assertThat(LiveDataCopy.copyIfDue(file, CACHE_MB)).isEmpty();
        assertThat(Files.getLastModifiedTime(file)).isEqualTo(written);
        assertThat(Files.size(file)).isEqualTo(liveSize);

        List<byte[]> last = writeVersions(file, random, 4);
        long wasteful = Files.size(file);
        assertThat(wasteful).as("four more versions of every entry").isGreaterThan(3 * liveSize);

        assertThat(LiveDataCopy.copyIfDue(file, CACHE_MB)).hasValueSatisfying(copied -> {
            assertThat(copied.bytesBefore()).isEqualTo(wasteful);
            assertThat(copied.bytesAfter()).isLessThan(liveSize * 3 / 2);
        });
        MVStore store = new MVStore.Builder().fileName(file.toString()).readOnly().open();
        try {
            MVMap<Integer, byte[]> entries = store.openMap("entries");
            assertThat(entries.size()).isEqualTo(ENTRIES);
            for (int i = 0; i < ENTRIES; i++) {
                assertThat(entries.get(i)).as("entry %d", i).isEqualTo(last.get(i));
            }
        } finally {
            store.close();
        }
    }

    @Test
    void aFileWhoseIndexesAreInAnOlderOrderIsCopiedIntoTheCurrentOneOnce() throws Exception {
        Path file = dataDirectory.resolve(EmbeddedMongoServer.FILE_NAME);
        String index = "rapport.people._index_email";
        int keys = 2_000;
        MVStore older = new MVStore.Builder().fileName(file.toString()).open(); // H2's own key type and order
        try {
            MVMap<Object, Object> emails = older.openMap(index);
            for (int i = 0; i < keys; i++) {
                emails.put(new KeyValue("person" + i + "@example.com"), (long) i);
            }
            older.commit();
        } finally {
            older.close();
        }
        assertThat(foundIn(file, index, keys)).as("keys in the older order, searched in the current one").isLessThan(keys);

        assertThat(LiveDataCopy.copyIfDue(file, CACHE_MB)).isPresent();

        assertThat(foundIn(file, index, keys)).isEqualTo(keys);
        assertThat(LiveDataCopy.copyIfDue(file, CACHE_MB)).as("copied once").isEmpty();
    }

    /** How many of the keys written a search of the index finds, the index opened as the server opens it. */
    private static int foundIn(Path file, String index, int keys) {
        MVStore store = new MVStore.Builder().fileName(file.toString()).readOnly().open();
        try {
            MVMap<Object, Object> emails = RapportH2Backend.openWithItsTypes(store, index);
            int found = 0;
            for (int i = 0; i < keys; i++) {
                if (Long.valueOf(i).equals(emails.get(new KeyValue("person" + i + "@example.com")))) {
                    found++;
                }
            }
            return found;
        } finally {
            store.close();
        }
    }

    @Test
    void aCopyLeftBehindByACrashIsDeletedAndTheFileKept() throws Exception {
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(dataDirectory);
             MongoClient client = MongoClients.create(server.connectionString())) {
            people(client).insertOne(new Document("_id", "kept"));
            server.durability().makeDurable();
        }
        Path leftOver = dataDirectory.resolve(EmbeddedMongoServer.FILE_NAME + ".compacting");
        Files.write(leftOver, new byte[4096]);

        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(dataDirectory);
             MongoClient client = MongoClients.create(server.connectionString())) {
            assertThat(people(client).find(eq("_id", "kept")).first()).isNotNull();
        }
        assertThat(leftOver).doesNotExist();
    }

    /** Writes {@code versions} versions of every entry, each version committed on its own, with no compaction. */
    private static List<byte[]> writeVersions(Path file, Random random, int versions) {
        MVStore store = new MVStore.Builder().fileName(file.toString()).autoCommitDisabled().autoCompactFillRate(0).open();
        List<byte[]> last = new ArrayList<>();
        try {
            MVMap<Integer, byte[]> entries = store.openMap("entries");
            for (int version = 0; version < versions; version++) {
                last.clear();
                for (int i = 0; i < ENTRIES; i++) {
                    byte[] value = new byte[ENTRY_BYTES];
                    random.nextBytes(value);
                    entries.put(i, value);
                    last.add(value);
                }
                store.commit();
            }
        } finally {
            store.closeImmediately();
        }
        return last;
    }

    private static MongoCollection<Document> people(MongoClient client) {
        return client.getDatabase("rapport").getCollection("people");
    }
}
