package app.rapport.application.views;

import app.rapport.application.ProjectionHarness;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A row changed in memory ends exactly as the store leaves it after the same update, types included. */
class RowUpdatesTest {

    @TempDir
    Path dataDir;

    ProjectionHarness harness;
    MongoCollection<Document> rows;

    @BeforeEach
    void start() {
        harness = ProjectionHarness.start(dataDir);
        rows = harness.database().getCollection("rows");
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    @Test
    void everyOperatorTheViewsUseMatchesTheStore() {
        Document row = new Document("_id", "r").append("name", "Dana").append("ids", List.of("a", "b"))
                                               .append("version", 3L).append("count", 1)
                                               .append("meeting", new Document("at", "09:00"))
                                               .append("entries", List.of(new Document("key", "k1").append("due", "x"),
                                                                          new Document("key", "k2").append("due", "y")));
        assertSameAsStore(row, Updates.combine(Updates.set("name", "Lee"), Updates.set("version", 4L)), false);
        assertSameAsStore(row, Updates.set("meeting.changedAt", "10:00"), false);
        assertSameAsStore(row, Updates.set("fresh.deep", 1), false);
        assertSameAsStore(row, Updates.unset("name"), false);
        assertSameAsStore(row, Updates.inc("version", 1L), false);
        assertSameAsStore(row, Updates.inc("count", 2), false);
        assertSameAsStore(row, Updates.inc("missing", 1L), false);
        assertSameAsStore(row, Updates.max("name", "Zed"), false);
        assertSameAsStore(row, Updates.max("name", "Al"), false);
        assertSameAsStore(row, Updates.addToSet("ids", "b"), false);
        assertSameAsStore(row, Updates.addToSet("ids", "c"), false);
        assertSameAsStore(row, Updates.addEachToSet("ids", List.of("a", "d", "d")), false);
        assertSameAsStore(row, Updates.addToSet("others", "x"), false);
        assertSameAsStore(row, Updates.push("ids", "a"), false);
        assertSameAsStore(row, Updates.pushEach("ids", List.of("e", "f")), false);
        assertSameAsStore(row, Updates.pull("ids", "a"), false);
        assertSameAsStore(row, Updates.pull("absent", "a"), false);
        assertSameAsStore(row, Updates.pullAll("ids", List.of("a", "b", "z")), false);
        assertSameAsStore(row, Updates.pull("entries", new Document("key", "k1")), false);
        assertSameAsStore(row, Updates.pull("entries", new Document("key", "k2").append("due", "other")), false);
        assertSameAsStore(row, Updates.combine(Updates.setOnInsert("owner", "o"), Updates.addToSet("ids", "c")), true);
    }

    @Test
    void anAbsentRowIsCreatedOnlyByAnUpsert() {
        assertThat(RowUpdates.apply(null, "r", Updates.set("a", 1), codecs(), false)).isNull();
        assertSameAsStore(null, Updates.combine(Updates.setOnInsert("owner", "o"), Updates.addToSet("ids", "x")), true);
        assertSameAsStore(null, Updates.inc("version", 1L), true);
        assertSameAsStore(null, Updates.push("list", new Document("key", "k")), true);
    }

    @Test
    void randomSequencesOfChangesEndAsTheStoreEnds() {
        Random random = new Random(7);
        for (int run = 0; run < 40; run++) {
            rows.deleteMany(new Document());
            Document inMemory = null;
            for (int step = 0; step < 12; step++) {
                Bson update = randomUpdate(random);
                boolean upsert = random.nextInt(3) > 0;
                rows.updateOne(Filters.eq("_id", "r"), update, new UpdateOptions().upsert(upsert));
                Document changed = RowUpdates.apply(inMemory, "r", update, codecs(), upsert);
                inMemory = changed == null ? inMemory : changed;
                assertThat(inMemory).as("run %d step %d: %s", run, step, update).isEqualTo(rows.find().first());
            }
        }
    }

    @Test
    void anOperatorItCannotApplyIsRefusedNotIgnored() {
        Document row = new Document("_id", "r").append("n", 2);
        assertThatThrownBy(() -> RowUpdates.apply(row, "r", Updates.mul("n", 2), codecs(), false))
                .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("$mul");
    }

    private void assertSameAsStore(Document before, Bson update, boolean upsert) {
        rows.deleteMany(new Document());
        if (before != null) {
            rows.insertOne(ViewBatch.copy(before));
        }
        rows.updateOne(Filters.eq("_id", "r"), update, new UpdateOptions().upsert(upsert));
        Document inMemory = RowUpdates.apply(before == null ? null : ViewBatch.copy(before), "r", update, codecs(), upsert);
        assertThat(inMemory).as("%s on %s", update, before).isEqualTo(rows.find().first());
    }

    private static Bson randomUpdate(Random random) {
        List<Bson> parts = new ArrayList<>();
        String list = random.nextBoolean() ? "ids" : "others";
        String value = "v" + random.nextInt(4);
        switch (random.nextInt(7)) {
            case 0 -> parts.add(Updates.addToSet(list, value));
            case 1 -> parts.add(Updates.pull(list, value));
            case 2 -> parts.add(Updates.push(list, value));
            case 3 -> parts.add(Updates.set("name", value));
            case 4 -> parts.add(Updates.inc("version", 1L));
            case 5 -> parts.add(Updates.pullAll(list, List.of(value, "v0")));
            default -> parts.add(Updates.unset("name"));
        }
        if (random.nextBoolean()) {
            parts.add(Updates.setOnInsert("owner", "o"));
        }
        return Updates.combine(parts);
    }

    private static org.bson.codecs.configuration.CodecRegistry codecs() {
        return MongoClientSettings.getDefaultCodecRegistry();
    }
}
