package app.rapport.application.eventstore.benchmark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Events shaped like Rapport's: a contact aggregate, a JSON payload of a few hundred bytes, and metadata
 * naming the actor and the correlation id, as every Rapport event carries.
 */
final class BenchmarkEvents {

    static final String AGGREGATE_TYPE = "Contact";

    /** A note taken after an informational interview: the most common event in a networking CRM. */
    record ContactNoteAdded(String contactId, String ownerId, String noteId, String text, List<String> tags,
                            Instant addedAt) {
    }

    /** What a contact aggregate keeps, stored as its snapshot. */
    record ContactState(String contactId, String ownerId, String name, String company, String role,
                        List<String> tags, int noteCount, Instant lastContactedAt) {
    }

    private static final String[] SENTENCES = {
            "Talked about how the platform team moved to trunk-based development last year.",
            "Suggested reaching out to the hiring manager directly rather than through the portal.",
            "Offered an introduction to a former colleague who now leads data engineering.",
            "Recommended reading the engineering blog before the next conversation.",
            "Mentioned that the team values open-source contributions over certificates.",
            "Follow up in two weeks with the portfolio link and a short thank-you note.",
    };
    private static final String[] TAGS = {"referral", "follow-up", "engineering", "warm-intro", "alumni", "mentor"};

    private final Serializer serializer;
    private final Random random;

    BenchmarkEvents(Random random) {
        ObjectMapper mapper = new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        this.serializer = JacksonSerializer.builder().objectMapper(mapper).build();
        this.random = random;
    }

    Serializer serializer() {
        return serializer;
    }

    static String newAggregateId() {
        return UUID.randomUUID().toString();
    }

    DomainEventMessage<ContactNoteAdded> noteAdded(String contactId, long sequenceNumber) {
        String ownerId = "owner-" + Math.floorMod(contactId.hashCode(), 50);
        String text = SENTENCES[random.nextInt(SENTENCES.length)] + " " + SENTENCES[random.nextInt(SENTENCES.length)]
                + " " + SENTENCES[random.nextInt(SENTENCES.length)];
        List<String> tags = List.of(TAGS[random.nextInt(TAGS.length)], TAGS[random.nextInt(TAGS.length)]);
        ContactNoteAdded payload = new ContactNoteAdded(contactId, ownerId, UUID.randomUUID().toString(), text, tags,
                                                        Instant.now());
        MetaData metaData = MetaData.from(Map.of("actor", "user:" + ownerId,
                                                 "correlationId", UUID.randomUUID().toString()));
        return new GenericDomainEventMessage<>(AGGREGATE_TYPE, contactId, sequenceNumber, payload, metaData);
    }

    DomainEventMessage<ContactState> snapshot(String contactId, long sequenceNumber) {
        ContactState state = new ContactState(contactId, "owner-" + Math.floorMod(contactId.hashCode(), 50),
                                              "Avery Example", "Northwind Analytics", "Staff Engineer",
                                              List.of(TAGS[random.nextInt(TAGS.length)]),
                                              (int) sequenceNumber + 1, Instant.now());
        return new GenericDomainEventMessage<>(AGGREGATE_TYPE, contactId, sequenceNumber, state, MetaData.emptyInstance());
    }
}
