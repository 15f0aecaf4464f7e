package app.rapport.application.privacy;

import app.rapport.application.eventstore.MongoEventStorageEngine;
import app.rapport.domain.contact.AddContact;
import app.rapport.domain.contact.Contact;
import app.rapport.domain.contact.ContactAdded;
import app.rapport.domain.contact.ContactDirectory;
import app.rapport.domain.contact.ContactForgotten;
import app.rapport.domain.contact.ForgetContact;
import app.rapport.domain.contact.UpdateContact;
import app.rapport.domain.shared.NotFound;
import com.mongodb.client.model.Filters;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static app.rapport.application.privacy.PrivacySamples.ADA;
import static app.rapport.application.privacy.PrivacySamples.ALICE;
import static app.rapport.application.privacy.PrivacySamples.adaAdded;
import static app.rapport.application.privacy.PrivacySamples.forgotten;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The command flow: {@code ForgetContact} → {@code ContactForgotten} → the key is deleted. */
class ContactErasureTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @TempDir
    Path dataDirectory;

    private EmbeddedStore store;
    private ContactErasure erasure;
    private PersonalDataSerializer serializer;
    private MongoEventStorageEngine engine;
    private Configuration axon;

    @BeforeEach
    void start() {
        store = EmbeddedStore.start(dataDirectory);
        ContactKeys keys = new ContactKeys(store.database(), store.durability(), new ServerKey(PersonalDataCipher.key(new PersonalDataCipher().newKey())));
        erasure = new ContactErasure(keys);
        serializer = new PersonalDataSerializer(JacksonSerializer.defaultSerializer(), keys);
        engine = MongoEventStorageEngine.builder()
                                        .database(store.database())
                                        .durability(store.durability())
                                        .eventSerializer(serializer)
                                        .snapshotSerializer(JacksonSerializer.defaultSerializer())
                                        .build();
    }

    @AfterEach
    void stop() {
        if (axon != null) {
            axon.shutdown();
        }
        store.close();
    }

    @Test
    void theDataIsUnreadableTheMomentForgetContactReturns() {
        // Only the erasure within the command, so nothing else can have deleted the key.
        axon = startAxon(new ImmediateErasure(erasure));
        CommandGateway commands = axon.commandGateway();
        commands.sendAndWait(addAda());
        assertThat(((ContactAdded) payloadsOfAda().get(0)).givenName()).isEqualTo("Augusta");

        commands.sendAndWait(new ForgetContact(ADA));

        assertThat(adasKeyDocument()).doesNotContainKey("sealedKey").containsKey("forgottenAt");
        List<Object> history = payloadsOfAda();
        assertThat(history).hasSize(2);
        ContactAdded added = (ContactAdded) history.get(0);
        assertThat(added).usingRecursiveComparison().ignoringFields("addedAt").isEqualTo(forgotten(adaAdded()));
        assertThat(history.get(1)).isInstanceOf(ContactForgotten.class);
        // The contact still loads from its unreadable events, and refuses as the domain says.
        assertThatThrownBy(() -> commands.sendAndWait(new UpdateContact(ADA, "Ada", null, null, null, null, null, null,
                                                                        null, null, null, null, null)))
                .isInstanceOf(NotFound.class);
    }

    @Test
    void anErasureTheCommandCouldNotFinishIsFinishedFromTheEventLog() throws InterruptedException {
        // As if the process died right after storing ContactForgotten: the event is there, the key too.
        engine.appendEvents(List.of(new GenericDomainEventMessage<>("Contact", "alice/ada", 0, adaAdded()),
                                    new GenericDomainEventMessage<>("Contact", "alice/ada", 1,
                                                                    new ContactForgotten(ALICE, ADA, Instant.now()))));
        assertThat(adasKeyDocument()).containsKey("sealedKey");

        AtomicInteger erasuresOnDisk = new AtomicInteger();
        axon = startAxon(new GuaranteedErasure(erasure, List.of(), erasuresOnDisk::incrementAndGet));

        Instant deadline = Instant.now().plus(PATIENCE);
        while (adasKeyDocument().containsKey("sealedKey") && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
        }
        assertThat(adasKeyDocument()).doesNotContainKey("sealedKey");
        assertThat(payloadsOfAda().get(0)).isEqualTo(forgotten(adaAdded()));
        assertThat(erasuresOnDisk).as("the old copies on disk are to be overwritten too").hasPositiveValue();
    }

    private Configuration startAxon(Object eraser) {
        Configurer configurer = DefaultConfigurer.defaultConfiguration()
                                                 .configureSerializer(c -> JacksonSerializer.defaultSerializer())
                                                 .configureEventSerializer(c -> serializer)
                                                 .configureEmbeddedEventStore(c -> engine)
                                                 .configureAggregate(Contact.class)
                                                 .registerComponent(ContactDirectory.class, c -> contactId -> Optional.empty());
        configurer.eventProcessing(processing -> processing.registerEventHandler(c -> eraser));
        PrivacyConfiguration.registerProcessors(configurer);
        return configurer.start();
    }

    private static AddContact addAda() {
        ContactAdded ada = adaAdded();
        return new AddContact(ADA, ada.givenName(), ada.familyName(), ada.pronunciation(), ada.salutation(),
                              ada.title(), ada.organization(), ada.emails(), ada.phones(), ada.linkedinUrl(),
                              ada.source(), ada.sourceDetail(), ada.tags(), null, false);
    }

    private List<Object> payloadsOfAda() {
        return engine.readEvents("alice/ada").asStream().map(Message::getPayload).map(Object.class::cast).toList();
    }

    private Document adasKeyDocument() {
        return store.database().getCollection(ContactKeys.COLLECTION).find(Filters.eq("_id", "alice/ada")).first();
    }
}
