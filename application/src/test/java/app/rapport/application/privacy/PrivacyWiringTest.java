package app.rapport.application.privacy;

import app.rapport.application.eventstore.EventStoreConfiguration;
import app.rapport.application.messaging.ViewCatchUp;
import app.rapport.application.storage.StorageConfiguration;
import app.rapport.application.storage.Store;
import app.rapport.application.views.ViewFailures;
import app.rapport.application.views.ViewProgress;
import app.rapport.domain.contact.ContactForgotten;
import com.mongodb.client.model.Filters;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.SubscribingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventsourcing.eventstore.AbstractEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

import static app.rapport.application.privacy.PrivacySamples.ADA;
import static app.rapport.application.privacy.PrivacySamples.ALICE;
import static app.rapport.application.privacy.PrivacySamples.adaAdded;
import static org.assertj.core.api.Assertions.assertThat;

/** The application's storage, event store and privacy wired by Spring Boot and Axon as the server wires them. */
class PrivacyWiringTest {

    @TempDir
    Path dataDirectory;

    /** Not a component, so that no component scan of the server ever picks it up. */
    @EnableAutoConfiguration
    @Import({StorageConfiguration.class, EventStoreConfiguration.class, PrivacyConfiguration.class,
            ContactErasure.class, ImmediateErasure.class, GuaranteedErasure.class, DiskErasure.class, ViewCatchUp.class,
            ViewFailures.class, ViewProgress.class})
    static class PrivacyApplication {
    }

    @Test
    void eventsAreStoredThroughThePrivacySerializerAndAStoredContactForgottenErasesAtOnce() {
        try (ConfigurableApplicationContext application = new SpringApplicationBuilder(PrivacyApplication.class)
                .web(WebApplicationType.NONE)
                .run("--rapport.data-dir=" + dataDirectory, "--rapport.mongodb.uri=",
                     "--axon.serializer.general=jackson", "--axon.serializer.events=jackson",
                     "--axon.serializer.messages=jackson")) {
            Serializer eventSerializer = (Serializer) application.getBean("eventSerializer");
            assertThat(eventSerializer).isInstanceOf(PersonalDataSerializer.class);
            assertThat(application.getBean(AbstractEventStorageEngine.class).getEventSerializer()).isSameAs(eventSerializer);
            assertThat(application.getBean(AbstractEventStorageEngine.class).getSnapshotSerializer())
                    .isNotInstanceOf(PersonalDataSerializer.class);
            Configuration axon = application.getBean(Configuration.class);
            assertThat(axon.eventSerializer()).isSameAs(eventSerializer);
            assertThat(processor(axon, ImmediateErasure.PROCESSING_GROUP)).containsInstanceOf(SubscribingEventProcessor.class);
            assertThat(processor(axon, GuaranteedErasure.PROCESSING_GROUP)).containsInstanceOf(TrackingEventProcessor.class);

            EventStore eventStore = application.getBean(EventStore.class);
            Store store = application.getBean(Store.class);
            eventStore.publish(new GenericDomainEventMessage<>("Contact", "alice/ada", 0, adaAdded()));
            assertThat(store.database().getCollection("events").find().first().toJson())
                    .contains("pd1:").doesNotContain("Augusta");

            eventStore.publish(new GenericDomainEventMessage<>("Contact", "alice/ada", 1,
                                                               new ContactForgotten(ALICE, ADA, Instant.now())));

            // The subscribing processor ran in the publishing thread, right after the event was stored.
            Document key = store.database().getCollection(ContactKeys.COLLECTION).find(Filters.eq("_id", "alice/ada")).first();
            assertThat(key).containsKey("forgottenAt").doesNotContainKey("sealedKey");
        }
    }

    private static Optional<EventProcessor> processor(Configuration axon, String name) {
        return axon.eventProcessingConfiguration().eventProcessor(name);
    }
}
