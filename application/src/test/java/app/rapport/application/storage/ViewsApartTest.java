package app.rapport.application.storage;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The views are kept in a file of their own, so that making a write durable copies the records' changed pages and none
 * of the many the view processors write meanwhile.
 */
class ViewsApartTest {

    private static final String RECORDS = "rapport";
    private static final String VIEWS = EmbeddedMongoServer.viewsDatabaseOf(RECORDS);

    @TempDir
    Path dataDirectory;

    @Test
    void aDurableWriteCommitsTheRecordsAndLeavesTheViewsToTheirOwnCommit() {
        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(dataDirectory);
             MongoClient client = MongoClients.create(server.connectionString())) {
            // No background commit of the views during the test: what is unsaved stays so until asked.
            server.viewsStore().setAutoCommitDelay(0);
            client.getDatabase(RECORDS).getCollection("events").insertOne(new Document("_id", 1L).append("type", "ContactAdded"));
            client.getDatabase(VIEWS).getCollection("contact_views").insertOne(new Document("_id", "maya/ana").append("name", "Ana"));

            server.durability().makeDurable();

            assertThat(server.mvStore().hasUnsavedChanges()).as("records committed").isFalse();
            assertThat(server.viewsStore().hasUnsavedChanges()).as("views left to their own commit").isTrue();
            assertThat(server.mvStore().getMapNames()).anyMatch(name -> name.contains(RECORDS + ".events"))
                                                      .noneMatch(name -> name.contains("contact_views"));
            assertThat(server.viewsStore().getMapNames()).anyMatch(name -> name.contains(VIEWS + ".contact_views"))
                                                         .noneMatch(name -> name.contains(".events"));
        }
        assertThat(dataDirectory.resolve(EmbeddedMongoServer.VIEWS_FILE_NAME)).exists();

        try (EmbeddedMongoServer server = EmbeddedMongoServer.start(dataDirectory);
             MongoClient client = MongoClients.create(server.connectionString())) {
            assertThat(client.getDatabase(RECORDS).getCollection("events").countDocuments()).isEqualTo(1);
            Document view = client.getDatabase(VIEWS).getCollection("contact_views").find().first();
            assertThat(view).as("a closed store saved its views").isNotNull();
            assertThat(view.getString("name")).isEqualTo("Ana");
        }
    }
}
