package app.rapport.application.storage;

import app.rapport.application.ApplicationContexts;
import app.rapport.application.messaging.ConsistentCommandGateway;
import app.rapport.domain.contact.AddContact;
import app.rapport.domain.contact.ContactId;
import app.rapport.domain.contact.ContactSource;
import app.rapport.domain.shared.OwnerId;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
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
 * A data directory of a Rapport that kept its views among the records: the views are built anew in their own database,
 * the old copies go once the new ones are made, the records stay.
 */
class ViewsOfAnOlderLayoutTest {

    @TempDir
    Path dataDir;

    @Test
    void theViewsAnOlderVersionKeptAmongTheRecordsAreDroppedAndTheRecordsKept() {
        try (EmbeddedMongoServer store = EmbeddedMongoServer.start(dataDir);
             MongoClient client = MongoClients.create(store.connectionString())) {
            client.getDatabase("rapport").getCollection("contact_views").insertOne(new Document("_id", "maya/ana").append("givenName", "Ana"));
            client.getDatabase("rapport").getCollection("trackingtokens").insertOne(new Document("processorName", "contact-views"));
            client.getDatabase("rapport").getCollection("accounts").insertOne(new Document("_id", "maya").append("email", "maya@example.org"));
            store.durability().makeDurable();
        }

        try (ConfigurableApplicationContext server = ApplicationContexts.start(Application.class, dataDir)) {
            ConsistentCommandGateway commands = server.getBean(ConsistentCommandGateway.class);
            commands.send(new AddContact(new ContactId(new OwnerId("maya"), "ravi"), "Ravi", "Iyer", null, null, null, "Initech",
                                         List.of(), List.of(), null, ContactSource.OTHER, null, List.of(), null, false), "user:maya");
            commands.awaitOwnWrites("user:maya");
        }

        try (ConfigurableApplicationContext server = ApplicationContexts.start(Application.class, dataDir)) {
            Store store = server.getBean(Store.class);
            List<String> records = store.database().listCollectionNames().into(new ArrayList<>());
            assertThat(records).contains("accounts", "events").doesNotContain("contact_views", "trackingtokens");
            assertThat(store.database().getCollection("accounts").countDocuments()).isEqualTo(1);
            assertThat(store.views().getCollection("contact_views").find().map(view -> view.getString("_id")).into(new ArrayList<>()))
                    .as("built from the events alone").containsExactly("maya/ravi");
        }
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    // Other tests' configurations live in these packages too; this test brings only its own.
    @ComponentScan(basePackages = "app.rapport.application", excludeFilters = @ComponentScan.Filter(SpringBootConfiguration.class))
    static class Application {
    }
}
