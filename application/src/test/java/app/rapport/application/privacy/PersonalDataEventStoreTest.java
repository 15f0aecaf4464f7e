package app.rapport.application.privacy;

import app.rapport.application.storage.AppendDurability;
import app.rapport.application.eventstore.MongoEventStorageEngine;
import app.rapport.domain.contact.ContactAdded;
import app.rapport.domain.interview.NotesRecorded;
import com.mongodb.client.MongoCollection;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.RawBsonDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import static app.rapport.application.privacy.PrivacySamples.ADA;
import static app.rapport.application.privacy.PrivacySamples.ADAS_PERSONAL_VALUES;
import static app.rapport.application.privacy.PrivacySamples.GRACE;
import static app.rapport.application.privacy.PrivacySamples.INTERVIEW;
import static app.rapport.application.privacy.PrivacySamples.adaAdded;
import static app.rapport.application.privacy.PrivacySamples.adaNotes;
import static app.rapport.application.privacy.PrivacySamples.added;
import static app.rapport.application.privacy.PrivacySamples.forgotten;
import static org.assertj.core.api.Assertions.assertThat;

/** Personal data through Rapport's own event store on the embedded backend, down to the stored bytes. */
class PersonalDataEventStoreTest {

    @TempDir
    Path dataDirectory;

    private EmbeddedStore store;
    /** How many events and contact keys the store held each time it was made durable. */
    private final List<String> storedAtEachDurablePoint = new CopyOnWriteArrayList<>();
    private MongoEventStorageEngine engine;
    private ContactErasure erasure;

    @BeforeEach
    void start() {
        store = EmbeddedStore.start(dataDirectory);
        engine = newEngine();
    }

    @AfterEach
    void stop() {
        store.close();
    }

    @Test
    void storedEventsHoldNoReadablePersonalDataAndForgettingMakesItUnreadableForGood() {
        engine.appendEvents(List.of(contactEvent(0, adaAdded())));
        engine.appendEvents(List.of(interviewEvent(0, adaNotes())));

        assertThat(storedAtEachDurablePoint)
                .as("Ada's new key stored before the first event it encrypts, and made durable by that event's commit")
                .containsExactly("1 events, 1 keys", "2 events, 1 keys");
        assertStoredDocumentsHoldNoPersonalValue();
        assertThat(payloadsOf("alice/ada")).containsExactly(adaAdded());
        assertThat(payloadsOf("alice/i-1")).containsExactly(adaNotes());
        assertThat(trackedPayloads()).containsExactly(adaAdded(), adaNotes());

        erasure.forget(ADA);

        assertThat(payloadsOf("alice/ada")).containsExactly(forgotten(adaAdded()));
        assertThat(payloadsOf("alice/i-1")).containsExactly(forgotten(adaNotes()));
        assertThat(trackedPayloads()).containsExactly(forgotten(adaAdded()), forgotten(adaNotes()));
        ContactAdded afterForgetting = (ContactAdded) payloadsOf("alice/ada").get(0);
        assertThat(afterForgetting.contactId()).isEqualTo(ADA);
        assertThat(afterForgetting.source()).isEqualTo(adaAdded().source());
        assertThat(afterForgetting.addedAt()).isEqualTo(adaAdded().addedAt());
        NotesRecorded notesAfterForgetting = (NotesRecorded) payloadsOf("alice/i-1").get(0);
        assertThat(notesAfterForgetting.interviewId()).isEqualTo(INTERVIEW);
        assertThat(notesAfterForgetting.heldAt()).isEqualTo(adaNotes().heldAt());
        assertThat(notesAfterForgetting.thanksDueBy()).isEqualTo(adaNotes().thanksDueBy());
        assertStoredDocumentsHoldNoPersonalValue();

        // A restarted server, with nothing cached, cannot read it either.
        store.close();
        store = EmbeddedStore.start(dataDirectory);
        engine = newEngine();
        assertThat(payloadsOf("alice/ada")).containsExactly(forgotten(adaAdded()));
        assertThat(trackedPayloads()).containsExactly(forgotten(adaAdded()), forgotten(adaNotes()));
    }

    @Test
    void forgettingOneContactLeavesAnotherContactReadable() {
        ContactAdded grace = added(GRACE, "Grace");
        engine.appendEvents(List.of(contactEvent(0, adaAdded())));
        engine.appendEvents(List.of(new GenericDomainEventMessage<>("Contact", "alice/grace", 0, grace)));

        erasure.forget(ADA);

        assertThat(payloadsOf("alice/ada")).containsExactly(forgotten(adaAdded()));
        assertThat(payloadsOf("alice/grace")).containsExactly(grace);
    }

    private MongoEventStorageEngine newEngine() {
        AppendDurability embedded = store.durability();
        MongoCollection<RawBsonDocument> events = rawEvents();
        AppendDurability recorded = () -> {
            storedAtEachDurablePoint.add(events.countDocuments() + " events, "
                                         + store.database().getCollection(ContactKeys.COLLECTION).countDocuments() + " keys");
            embedded.makeDurable();
        };
        ContactKeys keys = new ContactKeys(store.database(), recorded, new ServerKey(PersonalDataCipher.key(new PersonalDataCipher().newKey())));
        erasure = new ContactErasure(keys);
        return MongoEventStorageEngine.builder()
                                      .database(store.database())
                                      .durability(recorded)
                                      .eventSerializer(new PersonalDataSerializer(JacksonSerializer.defaultSerializer(), keys))
                                      .snapshotSerializer(JacksonSerializer.defaultSerializer())
                                      .build();
    }

    private void assertStoredDocumentsHoldNoPersonalValue() {
        List<RawBsonDocument> documents = rawEvents().find().into(new ArrayList<>());
        assertThat(documents).hasSize(2);
        StringBuilder allBytes = new StringBuilder();
        for (RawBsonDocument document : documents) {
            String bytes = utf8(document.getByteBuffer().asNIO());
            String json = document.toJson();
            for (String personal : ADAS_PERSONAL_VALUES) {
                assertThat(bytes).doesNotContain(personal);
                assertThat(json).doesNotContain(personal);
            }
            allBytes.append(bytes);
        }
        // The search does find what is stored in the clear.
        assertThat(allBytes).contains("alice/ada", "ALUMNI", "alice/i-1", "heldAt", "pd1:");
    }

    private static String utf8(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private List<Object> payloadsOf(String aggregateId) {
        return engine.readEvents(aggregateId).asStream().map(Message::getPayload).map(Object.class::cast).toList();
    }

    private List<Object> trackedPayloads() {
        try (Stream<? extends TrackedEventMessage<?>> stream = engine.readEvents(null, false)) {
            return stream.map(Message::getPayload).map(Object.class::cast).toList();
        }
    }

    private MongoCollection<RawBsonDocument> rawEvents() {
        return store.database().getCollection("events", RawBsonDocument.class);
    }

    private static DomainEventMessage<ContactAdded> contactEvent(long sequence, ContactAdded payload) {
        return new GenericDomainEventMessage<>("Contact", "alice/ada", sequence, payload);
    }

    private static DomainEventMessage<NotesRecorded> interviewEvent(long sequence, NotesRecorded payload) {
        return new GenericDomainEventMessage<>("InformationalInterview", "alice/i-1", sequence, payload);
    }
}
