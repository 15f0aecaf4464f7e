package app.rapport.application;

import app.rapport.application.messaging.ConsistentCommandGateway;
import app.rapport.application.storage.EmbeddedMongoServer;
import app.rapport.application.storage.Store;
import app.rapport.domain.contact.AddContact;
import app.rapport.domain.contact.ContactId;
import app.rapport.domain.contact.ContactSource;
import app.rapport.domain.shared.OwnerId;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.ComponentScan;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The views are made durable apart from the events. A crash can leave them having applied an event the store never
 * made durable; the next event takes its position, and must not be passed over as seen.
 */
class ViewsAheadOfEventsTest {

    static final OwnerId MAYA = new OwnerId("maya");
    static final ContactId ANA = new ContactId(MAYA, "ana");
    static final ContactId LOST = new ContactId(MAYA, "lost");
    static final ContactId RAVI = new ContactId(MAYA, "ravi");

    @TempDir
    Path dataDir;

    @Test
    void viewsThatAppliedAnEventTheStoreLostAreRebuiltAndMissNoEventAfterIt() {
        try (ConfigurableApplicationContext server = ApplicationContexts.start(Application.class, dataDir)) {
            add(server, ANA, "Ana");
            add(server, LOST, "Lost");
            assertThat(contactIds(server)).containsExactly("maya/ana", "maya/lost");
        }
        loseTheLastCommit(LOST);

        try (ConfigurableApplicationContext server = ApplicationContexts.start(Application.class, dataDir)) {
            add(server, RAVI, "Ravi");
            assertThat(contactIds(server)).as("the lost event's contact is gone, the one at its position is there")
                                          .containsExactly("maya/ana", "maya/ravi");
        }
    }

    private static void add(ConfigurableApplicationContext server, ContactId id, String name) {
        ConsistentCommandGateway commands = server.getBean(ConsistentCommandGateway.class);
        String actor = "user:" + MAYA.value();
        commands.send(new AddContact(id, name, "Doe", null, null, null, "Acme", List.of(), List.of(), null,
                                     ContactSource.OTHER, null, List.of(), null, false), actor);
        commands.awaitOwnWrites(actor);
    }

    private static List<String> contactIds(ConfigurableApplicationContext server) {
        return server.getBean(Store.class).views().getCollection("contact_views").find()
                     .sort(new Document("_id", 1)).map(view -> view.getString("_id")).into(new ArrayList<>());
    }

    /** As a crash between an event's insert and its commit would: the commit and its position are not in the file. */
    private void loseTheLastCommit(ContactId contact) {
        try (EmbeddedMongoServer store = EmbeddedMongoServer.start(dataDir);
             MongoClient client = MongoClients.create(store.connectionString())) {
            MongoCollection<Document> events = client.getDatabase("rapport").getCollection("events");
            Document last = events.find().sort(new Document("_id", -1)).first();
            assertThat(last.getList("events", Document.class)).extracting(event -> event.getString("aggregateId"))
                                                              .containsOnly(contact.toString());
            long index = last.get("_id", Number.class).longValue();
            events.deleteOne(Filters.eq("_id", index));
            client.getDatabase("rapport").getCollection("sequences")
                  .updateOne(Filters.eq("_id", "events"), Updates.set("value", index - 1));
            store.durability().makeDurable();
        }
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    // Other tests' configurations live in these packages too; this test brings only its own.
    @ComponentScan(basePackages = "app.rapport.application", excludeFilters = @ComponentScan.Filter(SpringBootConfiguration.class))
    static class Application {
    }
}
