package app.rapport.application.privacy;

import app.rapport.domain.contact.ContactAdded;
import app.rapport.domain.contact.ContactForgotten;
import app.rapport.domain.contact.ContactId;
import app.rapport.domain.contact.ContactSource;
import app.rapport.domain.contact.ContactUpdated;
import app.rapport.domain.contact.RelationshipEvent;
import app.rapport.domain.interview.NotesRecorded;
import app.rapport.domain.shared.PersonalData;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializationException;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static app.rapport.application.privacy.PrivacySamples.ADA;
import static app.rapport.application.privacy.PrivacySamples.ADAS_PERSONAL_VALUES;
import static app.rapport.application.privacy.PrivacySamples.ADDED_AT;
import static app.rapport.application.privacy.PrivacySamples.ALICE;
import static app.rapport.application.privacy.PrivacySamples.GRACE;
import static app.rapport.application.privacy.PrivacySamples.adaAdded;
import static app.rapport.application.privacy.PrivacySamples.adaNotes;
import static app.rapport.application.privacy.PrivacySamples.added;
import static app.rapport.application.privacy.PrivacySamples.forgotten;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PersonalDataSerializerTest {

    private static final List<String> CONTACT_ADDED_PERSONAL_FIELDS = List.of(
            "givenName", "familyName", "pronunciation", "salutation", "title", "organization", "emails", "phones",
            "linkedinUrl", "sourceDetail", "tags");

    @TempDir
    Path dataDirectory;

    private EmbeddedStore store;
    private ContactKeys keys;
    private PersonalDataSerializer serializer;
    private final JacksonSerializer plainJackson = JacksonSerializer.defaultSerializer();
    private final ObjectMapper mapper = new ObjectMapper();

    @BeforeEach
    void start() {
        store = EmbeddedStore.start(dataDirectory);
        keys = new ContactKeys(store.database(), store.durability(), new ServerKey(PersonalDataCipher.key(new PersonalDataCipher().newKey())));
        serializer = new PersonalDataSerializer(JacksonSerializer.defaultSerializer(), keys);
    }

    @AfterEach
    void stop() {
        store.close();
    }

    @Test
    void noPersonalValueIsSerializedReadableAndTheEventsComeBackEqual() {
        for (Object event : List.of(adaAdded(), adaNotes())) {
            SerializedObject<String> asText = serializer.serialize(event, String.class);
            SerializedObject<byte[]> asBytes = serializer.serialize(event, byte[].class);
            SerializedObject<JsonNode> asTree = serializer.serialize(event, JsonNode.class);

            for (String personal : ADAS_PERSONAL_VALUES) {
                assertThat(asText.getData()).doesNotContain(personal);
                assertThat(new String(asBytes.getData(), StandardCharsets.UTF_8)).doesNotContain(personal);
                assertThat(asTree.getData().toString()).doesNotContain(personal);
            }
            assertThat(asText.getType()).isEqualTo(plainJackson.typeForClass(event.getClass()));
            assertThat((Object) serializer.deserialize(asText)).isEqualTo(event);
            assertThat((Object) serializer.deserialize(asBytes)).isEqualTo(event);
            assertThat((Object) serializer.deserialize(asTree)).isEqualTo(event);
        }
    }

    @Test
    void eachPersonalComponentIsOneSealedStringAndEverythingElseStaysPlain() throws Exception {
        ContactAdded added = adaAdded();
        ObjectNode stored = (ObjectNode) mapper.readTree(serializer.serialize(added, String.class).getData());
        ObjectNode plain = (ObjectNode) mapper.readTree(plainJackson.serialize(added, String.class).getData());

        for (String field : CONTACT_ADDED_PERSONAL_FIELDS) {
            assertThat(stored.get(field).textValue()).as(field).startsWith("pd1:");
        }
        ObjectNode rest = stored.deepCopy();
        rest.remove(CONTACT_ADDED_PERSONAL_FIELDS);
        plain.remove(CONTACT_ADDED_PERSONAL_FIELDS);
        assertThat(rest).isEqualTo(plain);
        assertThat(rest.toString()).contains("ALUMNI", "\"alice\"", "\"ada\"");

        JsonNode answers = mapper.readTree(serializer.serialize(adaNotes(), String.class).getData()).get("answers");
        assertThat(answers.isTextual()).as("a list of records is sealed as one value").isTrue();
    }

    @Test
    void aForgottenContactsEventsReadWithTheirPersonalDataNullAndTheRestIntact() {
        SerializedObject<String> added = serializer.serialize(adaAdded(), String.class);
        SerializedObject<String> notes = serializer.serialize(adaNotes(), String.class);

        keys.forget(ADA);

        ContactAdded readAdded = serializer.deserialize(added);
        NotesRecorded readNotes = serializer.deserialize(notes);
        assertThat(readAdded).isEqualTo(forgotten(adaAdded()));
        assertThat(readAdded.contactId()).isEqualTo(ADA);
        assertThat(readAdded.source()).isEqualTo(ContactSource.ALUMNI);
        assertThat(readAdded.addedAt()).isEqualTo(ADDED_AT);
        assertThat(readNotes).isEqualTo(forgotten(adaNotes()));
        // and a new serializer, as after a restart, with nothing cached
        PersonalDataSerializer restarted = new PersonalDataSerializer(
                JacksonSerializer.defaultSerializer(), new ContactKeys(store.database(), store.durability(), new ServerKey(PersonalDataCipher.key(new PersonalDataCipher().newKey()))));
        assertThat((Object) restarted.deserialize(added)).isEqualTo(forgotten(adaAdded()));
    }

    @Test
    void forgettingOneContactLeavesAnotherReadable() {
        ContactAdded grace = added(GRACE, "Grace");
        SerializedObject<String> adaStored = serializer.serialize(adaAdded(), String.class);
        SerializedObject<String> graceStored = serializer.serialize(grace, String.class);

        keys.forget(ADA);

        assertThat((Object) serializer.deserialize(adaStored)).isEqualTo(forgotten(adaAdded()));
        assertThat((Object) serializer.deserialize(graceStored)).isEqualTo(grace);
    }

    @Test
    void eventsWithoutPersonalValuesNeedNoKeyAndAreStoredAsJacksonStoresThem() {
        ContactForgotten forgottenEvent = new ContactForgotten(ALICE, ADA, ADDED_AT);
        ContactUpdated sourceOnly = new ContactUpdated(ADA, null, null, null, null, null, null, null, null, null,
                                                       ContactSource.LINKEDIN, null, null);

        for (Object event : List.of(forgottenEvent, sourceOnly)) {
            SerializedObject<String> stored = serializer.serialize(event, String.class);
            assertThat(stored.getData()).isEqualTo(plainJackson.serialize(event, String.class).getData());
            assertThat((Object) serializer.deserialize(stored)).isEqualTo(event);
        }
        assertThat(keyDocuments().countDocuments()).as("no key was made").isZero();
    }

    /** Not a relationship event: nothing tells whose key it would be. */
    record ServerNote(@PersonalData String text) {
    }

    @Test
    void otherPayloadsAndMetaDataAreLeftToJackson() {
        ServerNote note = new ServerNote("Augusta called");
        MetaData metaData = MetaData.from(Map.of("causedBy", "user:alice", "correlationId", "c-42"));

        assertThat(serializer.serialize(note, String.class).getData())
                .isEqualTo(plainJackson.serialize(note, String.class).getData());
        assertThat(serializer.serialize(metaData, String.class).getData())
                .isEqualTo(plainJackson.serialize(metaData, String.class).getData());
        assertThat((Object) serializer.deserialize(plainJackson.serialize(note, String.class))).isEqualTo(note);
        assertThat((Object) serializer.deserialize(plainJackson.serialize(metaData, byte[].class))).isEqualTo(metaData);
        assertThat(keyDocuments().countDocuments()).isZero();
    }

    @Test
    void personalDataArrivingAfterTheContactWasForgottenIsNotStoredAndNoNewKeyIsMade() throws Exception {
        serializer.serialize(adaAdded(), String.class);
        keys.forget(ADA);

        String stored = serializer.serialize(adaAdded(), String.class).getData();

        for (String personal : ADAS_PERSONAL_VALUES) {
            assertThat(stored).doesNotContain(personal);
        }
        ObjectNode json = (ObjectNode) mapper.readTree(stored);
        CONTACT_ADDED_PERSONAL_FIELDS.forEach(field -> assertThat(json.get(field).isNull()).as(field).isTrue());
        assertThat(keyDocuments().find(Filters.eq("_id", "alice/ada")).first()).doesNotContainKey("sealedKey");
    }

    @Test
    void readingFromATreeLeavesTheCallersTreeAsItWas() {
        JsonNode stored = serializer.serialize(adaAdded(), JsonNode.class).getData();
        JsonNode before = stored.deepCopy();

        Object read = serializer.deserialize(new SimpleSerializedObject<>(stored, JsonNode.class,
                                                                          plainJackson.typeForClass(ContactAdded.class)));

        assertThat(read).isEqualTo(adaAdded());
        assertThat(stored).isEqualTo(before);
    }

    @Test
    void aPlainValueAnUpcasterAddedIsReadAsItIs() throws Exception {
        ObjectNode stored = (ObjectNode) mapper.readTree(serializer.serialize(adaAdded(), String.class).getData());
        stored.put("pronunciation", "");

        Object read = serializer.deserialize(new SimpleSerializedObject<>(
                stored.toString(), String.class, plainJackson.typeForClass(ContactAdded.class)));

        ContactAdded ada = adaAdded();
        assertThat(read).isEqualTo(new ContactAdded(ada.contactId(), ada.givenName(), ada.familyName(), "",
                                                    ada.salutation(), ada.title(), ada.organization(), ada.emails(),
                                                    ada.phones(), ada.linkedinUrl(), ada.source(), ada.sourceDetail(),
                                                    ada.tags(), ada.referredBy(), ada.mayUseIntroducerName(),
                                                    ada.addedAt()));
    }

    @Test
    void aDamagedValueFailsLoudlyWithoutShowingIt() throws Exception {
        ObjectNode stored = (ObjectNode) mapper.readTree(serializer.serialize(adaAdded(), String.class).getData());
        String sealed = stored.get("givenName").textValue();
        stored.put("givenName", sealed.substring(0, sealed.length() - 4) + "AAAA");

        assertThatThrownBy(() -> serializer.deserialize(new SimpleSerializedObject<>(
                stored.toString(), String.class, plainJackson.typeForClass(ContactAdded.class))))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("givenName")
                .hasMessageContaining("alice/ada")
                .hasMessageNotContaining(sealed.substring(4, 20));
    }

    /** Personal data hidden from Jackson could be neither encrypted nor stored: refused rather than guessed. */
    record HiddenNote(ContactId contactId, @JsonIgnore @PersonalData String text) implements RelationshipEvent {
    }

    @Test
    void personalDataThatIsNotAJsonPropertyOfItsOwnIsRefused() {
        assertThatThrownBy(() -> serializer.serialize(new HiddenNote(ADA, "Augusta"), String.class))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("text");
    }

    private MongoCollection<Document> keyDocuments() {
        return store.database().getCollection(ContactKeys.COLLECTION);
    }
}
