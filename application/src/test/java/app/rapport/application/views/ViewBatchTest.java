package app.rapport.application.views;

import app.rapport.application.ProjectionHarness;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Updates;
import org.axonframework.eventhandling.EventHandler;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A processor's batch of events reads its rows once, sees its own changes, and writes them once, at its end. */
class ViewBatchTest {

    record Noted(String row, String text) {
    }

    record Broken() {
    }

    /** Adds a text, then looks at what the store itself holds. */
    record Checked(String row, String text) {
    }

    /** Adds a text without reading the row: created if absent. */
    record Added(String row, String text) {
    }

    /** Adds a text without reading the row, to a row that exists only. */
    record Tagged(String row, String text) {
    }

    /** A view of notes per row; it looks at the store itself on each event, to show what is written when. */
    static class Notes {
        final ViewRows rows;
        final MongoCollection<Document> store;
        final List<String> seenInTheStore = new ArrayList<>();
        final List<String> seenThroughTheRows = new ArrayList<>();
        final List<String> seenInTheStoreAfterWriting = new ArrayList<>();

        Notes(ViewRows rows, MongoCollection<Document> store) {
            this.rows = rows;
            this.store = store;
        }

        @EventHandler
        void on(Noted event) {
            Document inStore = store.find(new Document("_id", event.row())).first();
            seenInTheStore.add(inStore == null ? "-" : inStore.getList("texts", String.class).toString());
            Document row = rows.find(event.row());
            seenThroughTheRows.add(row == null ? "-" : row.getList("texts", String.class).toString());
            rows.upsert(event.row(), Updates.addToSet("texts", event.text()));
        }

        @EventHandler
        void on(Added event) {
            rows.upsert(event.row(), Updates.addToSet("texts", event.text()));
        }

        @EventHandler
        void on(Tagged event) {
            rows.update(event.row(), Updates.addToSet("texts", event.text()));
        }

        @EventHandler
        void on(Checked event) {
            rows.upsert(event.row(), Updates.addToSet("texts", event.text()));
            Document inStore = store.find(new Document("_id", event.row())).first();
            seenInTheStoreAfterWriting.add(inStore == null ? "-" : inStore.getList("texts", String.class).toString());
        }

        @EventHandler
        void on(Broken event) {
            throw new IllegalStateException("broken on purpose");
        }
    }

    @TempDir
    Path dataDir;

    ProjectionHarness harness;
    MongoCollection<Document> store;
    Notes notes;

    @BeforeEach
    void start() {
        harness = ProjectionHarness.start(dataDir);
        store = harness.database().getCollection("notes");
        notes = new Notes(ViewRows.of(harness.database(), "notes"), store);
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    @Test
    void aBatchSeesItsOwnChangesAndWritesThemWhenItEnds() {
        harness.deliverInOneBatch(notes, new Noted("a", "one"), new Noted("a", "two"), new Noted("b", "three"));

        assertThat(notes.seenThroughTheRows).containsExactly("-", "[one]", "-");
        assertThat(notes.seenInTheStore).containsExactly("-", "-", "-");
        assertThat(store.find(new Document("_id", "a")).first().getList("texts", String.class)).containsExactly("one", "two");
        assertThat(store.find(new Document("_id", "b")).first().getList("texts", String.class)).containsExactly("three");
    }

    @Test
    void changesToRowsTheBatchHasNotReadAreAppliedAsTheStoreWouldAndSeenWhenReadLater() {
        store.insertOne(new Document("_id", "a").append("texts", List.of("before")));

        harness.deliverInOneBatch(notes, new Added("a", "x"), new Added("b", "y"), new Tagged("c", "z"), new Noted("a", "w"));

        assertThat(notes.seenThroughTheRows).containsExactly("[before, x]");
        assertThat(notes.seenInTheStore).containsExactly("[before]");
        assertThat(store.find().sort(new Document("_id", 1)).into(new ArrayList<>())).containsExactly(
                new Document("_id", "a").append("texts", List.of("before", "x", "w")),
                new Document("_id", "b").append("texts", List.of("y")));
    }

    @Test
    void aBatchThatFailsWritesNothingSoItCanBeAppliedAgainWhole() {
        store.insertOne(new Document("_id", "a").append("texts", List.of("before")));

        assertThatThrownBy(() -> harness.deliverInOneBatch(notes, new Noted("a", "one"), new Noted("b", "two"), new Broken()))
                .hasRootCauseMessage("broken on purpose");

        assertThat(store.find().into(new ArrayList<>()))
                .containsExactly(new Document("_id", "a").append("texts", List.of("before")));
    }

    @Test
    void aBatchWhoseWriteFailsIsRecordedAsItsProcessorsFailureAtItsLastEvent() {
        ViewFailures failures = new ViewFailures();
        Object unstorable = new Object() {
            @EventHandler
            void on(Noted event) {
                notes.rows.save(new Document("_id", event.row()).append("$not a field", event.text()));
            }
        };

        assertThatThrownBy(() -> harness.deliverInOneBatch(unstorable, failures, new Noted("a", "one"), new Noted("b", "two")))
                .isInstanceOf(IllegalStateException.class);

        assertThat(failures.recorded()).containsOnlyKeys(ProjectionHarness.PROCESSOR);
        assertThat(failures.recorded().get(ProjectionHarness.PROCESSOR).eventType()).isEqualTo("Noted");
        assertThat(store.countDocuments()).isZero();
    }

    @Test
    void aRowChangedByTheHandlerIsNotChangedInTheBatchUntilItIsWritten() {
        store.insertOne(new Document("_id", "a").append("texts", new ArrayList<>(List.of("before"))));
        Object reader = new Object() {
            @EventHandler
            void on(Noted event) {
                notes.rows.find("a").getList("texts", String.class).add("changed without a write");
                notes.seenThroughTheRows.add(notes.rows.find("a").getList("texts", String.class).toString());
            }
        };

        harness.deliverInOneBatch(reader, new Noted("a", "x"));

        assertThat(notes.seenThroughTheRows).containsExactly("[before]");
    }

    @Test
    void aBatchOfOneEventWritesStraightToTheStoreAndALongerOneAtItsEnd() {
        harness.deliverInOneBatch(notes, new Checked("a", "alone"));
        harness.deliverInOneBatch(notes, new Checked("b", "first"), new Checked("b", "second"));

        assertThat(notes.seenInTheStoreAfterWriting).containsExactly("[alone]", "-", "-");
        assertThat(store.find(new Document("_id", "b")).first().getList("texts", String.class)).containsExactly("first", "second");
    }

    @Test
    void outsideABatchEveryWriteReachesTheStoreAtOnce() {
        notes.rows.upsert("a", Updates.addToSet("texts", "now"));
        notes.rows.save(new Document("_id", "b").append("texts", List.of("saved")));
        notes.rows.delete("missing");

        assertThat(store.countDocuments()).isEqualTo(2);
        assertThat(notes.rows.findAll(List.of("a", "b", "c"))).hasSize(2);
    }
}
