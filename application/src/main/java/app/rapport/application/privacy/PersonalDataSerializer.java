package app.rapport.application.privacy;

import app.rapport.domain.contact.ContactAdded;
import app.rapport.domain.contact.ContactId;
import app.rapport.domain.contact.RelationshipEvent;
import app.rapport.domain.shared.OwnWordsEvent;
import app.rapport.domain.shared.PersonalData;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.Converter;
import org.axonframework.serialization.SerializationException;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.crypto.SecretKey;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Axon's event serializer in Rapport: Jackson, with every {@link PersonalData} component of a
 * {@link RelationshipEvent} encrypted with its contact's key. Each such component's JSON value (a string,
 * a list of strings, a list of records: any JSON) is replaced by one sealed string; ids, enums, times and
 * flags stay plain, so the history can still tell what happened after the person is forgotten. A null
 * component stays null: it says nothing about the person and needs no key.
 * <p>
 * Reading, a forgotten contact's personal components come back null. Upcasters see the stored form, where
 * personal values are sealed strings: they can move or rename them, and add plain defaults (read as they
 * are), but cannot look inside.
 * <p>
 * Every other payload, and metadata, is left to Jackson untouched.
 */
final class PersonalDataSerializer implements Serializer {

    private static final Logger log = LoggerFactory.getLogger(PersonalDataSerializer.class);

    private final JacksonSerializer jackson;
    private final ObjectMapper mapper;
    private final ContactKeys keys;
    private final PersonalDataCipher cipher;
    private final PersonalFields personalFields;

    PersonalDataSerializer(JacksonSerializer jackson, ContactKeys keys) {
        this.jackson = jackson;
        this.mapper = jackson.getObjectMapper();
        this.keys = keys;
        this.cipher = new PersonalDataCipher();
        this.personalFields = new PersonalFields(mapper);
    }

    @Override
    public <T> SerializedObject<T> serialize(Object object, Class<T> expectedRepresentation) {
        List<String> fields = sealed(object.getClass()) ? personalFields.of(object.getClass()) : List.of();
        if (fields.isEmpty()) {
            return jackson.serialize(object, expectedRepresentation);
        }
        ObjectNode json = (ObjectNode) jackson.serialize(object, JsonNode.class).getData();
        seal(json, fields, object);
        return represent(json, expectedRepresentation, jackson.typeForClass(object.getClass()));
    }

    /** Relationship events are sealed with their contact's key, the owner's own words with the owner's. */
    private static boolean sealed(Class<?> type) {
        return RelationshipEvent.class.isAssignableFrom(type) || OwnWordsEvent.class.isAssignableFrom(type);
    }

    /** Whose key seals the event's personal data: {@code owner/contact}, or the owner's own words' key. */
    private static String keyId(Object event) {
        if (event instanceof OwnWordsEvent own) {
            return own.owner() == null ? null : ContactKeys.ownWordsOf(own.owner());
        }
        ContactId contactId = ((RelationshipEvent) event).contactId();
        return contactId == null ? null : contactId.toString();
    }

    private void seal(ObjectNode json, List<String> fields, Object event) {
        List<String> present = fields.stream().filter(json::hasNonNull).toList();
        if (present.isEmpty()) {
            return;
        }
        String keyId = keyId(event);
        if (keyId == null) {
            throw new SerializationException("A " + event.getClass().getSimpleName()
                                                     + " without a contact id has no key to encrypt its personal data with");
        }
        // A contact's first event makes its key: one insert instead of a lookup that finds nothing first.
        Optional<SecretKey> key = event instanceof ContactAdded ? keys.keyToCreate(keyId) : keys.keyToWrite(keyId);
        if (key.isEmpty()) {
            // The person asked to be forgotten: what arrives about them afterwards is not kept either.
            present.forEach(json::putNull);
            log.warn("{} is forgotten; the personal data in a new {} was not stored", keyId, event.getClass().getSimpleName());
            return;
        }
        for (String field : present) {
            json.put(field, cipher.seal(key.get(), jsonBytes(json.get(field))));
        }
    }

    @Override
    public <S, T> T deserialize(SerializedObject<S> serializedObject) {
        Class<?> type = jackson.classForType(serializedObject.getType());
        List<String> fields = sealed(type) ? personalFields.of(type) : List.of();
        if (fields.isEmpty()) {
            return jackson.deserialize(serializedObject);
        }
        ObjectNode stored = jsonOf(serializedObject);
        ObjectNode erased = stored.deepCopy();
        fields.forEach(erased::putNull);
        // Read once without personal data: that names the contact whose key is needed, and it is the answer
        // when the contact is forgotten.
        T withoutPersonalData = jackson.deserialize(asJson(erased, serializedObject.getType()));
        if (fields.stream().noneMatch(stored::hasNonNull)) {
            return withoutPersonalData;
        }
        String keyId = keyId(withoutPersonalData);
        Optional<SecretKey> key = keyId == null ? Optional.empty() : keys.keyToRead(keyId);
        if (key.isEmpty()) {
            return withoutPersonalData;
        }
        for (String field : fields) {
            JsonNode value = stored.get(field);
            // Other values were not written sealed (a default an upcaster added) and are read as they are.
            if (value != null && value.isTextual() && PersonalDataCipher.isSealed(value.textValue())) {
                stored.set(field, open(key.get(), value.textValue(), field, type, keyId));
            }
        }
        return jackson.deserialize(asJson(stored, serializedObject.getType()));
    }

    private JsonNode open(SecretKey key, String sealed, String field, Class<?> type, String keyId) {
        try {
            return mapper.readTree(cipher.open(key, sealed));
        } catch (PersonalDataCipher.UnreadableValueException | IOException e) {
            // Names where, never what: neither the value nor the key.
            throw new SerializationException("Personal field " + field + " of a " + type.getSimpleName()
                                                     + " of " + keyId + " cannot be read: " + e.getMessage());
        }
    }

    private byte[] jsonBytes(JsonNode value) {
        try {
            return mapper.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new SerializationException("Unable to serialize a personal field", e);
        }
    }

    private ObjectNode jsonOf(SerializedObject<?> serialized) {
        JsonNode json;
        if (serialized.getData() instanceof JsonNode node) {
            // A copy: the caller (an upcaster's representation) may read its tree again.
            json = node.deepCopy();
        } else {
            try {
                json = mapper.readTree(jackson.getConverter().convert(serialized, byte[].class).getData());
            } catch (IOException e) {
                throw new SerializationException("Error while deserializing object", e);
            }
        }
        if (!(json instanceof ObjectNode object)) {
            throw new SerializationException("A " + serialized.getType().getName() + " must be stored as a JSON object");
        }
        return object;
    }

    private static SerializedObject<JsonNode> asJson(ObjectNode json, SerializedType type) {
        return new SimpleSerializedObject<>(json, JsonNode.class, type);
    }

    /** The serialized form Axon asked for, made as Jackson makes it. */
    private <T> SerializedObject<T> represent(ObjectNode json, Class<T> representation, SerializedType type) {
        try {
            Object data;
            if (JsonNode.class.isAssignableFrom(representation) && representation.isInstance(json)) {
                data = json;
            } else if (String.class.equals(representation)) {
                data = mapper.writeValueAsString(json);
            } else {
                data = jackson.getConverter().convert(mapper.writeValueAsBytes(json), byte[].class, representation);
            }
            return new SimpleSerializedObject<>(representation.cast(data), representation, type);
        } catch (JsonProcessingException e) {
            throw new SerializationException("Unable to serialize object", e);
        }
    }

    @Override
    public <T> boolean canSerializeTo(Class<T> expectedRepresentation) {
        return jackson.canSerializeTo(expectedRepresentation);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Class classForType(SerializedType type) {
        return jackson.classForType(type);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public SerializedType typeForClass(Class type) {
        return jackson.typeForClass(type);
    }

    @Override
    public Converter getConverter() {
        return jackson.getConverter();
    }
}
