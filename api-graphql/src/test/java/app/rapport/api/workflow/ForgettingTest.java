package app.rapport.api.workflow;

import app.rapport.api.support.RunningServer;
import app.rapport.api.support.RunningServer.User;
import app.rapport.api.support.SharedServer;
import app.rapport.api.support.StoredEvents;
import app.rapport.api.support.StoredEvents.StoredEvent;
import app.rapport.domain.contact.ContactAdded;
import app.rapport.domain.interview.InterviewRequested;
import com.mongodb.client.MongoDatabase;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.RawBsonDocument;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static app.rapport.api.workflow.Documents.ADD_CONTACT;
import static app.rapport.api.workflow.Documents.CONTACT;
import static app.rapport.api.workflow.Documents.FORGET_CONTACT;
import static app.rapport.api.workflow.Documents.INTERVIEW;
import static app.rapport.api.workflow.Documents.REQUEST_INTERVIEW;
import static app.rapport.api.workflow.Documents.input;
import static org.assertj.core.api.Assertions.assertThat;

/** Forgetting a person erases what Rapport knew about them, in the views and in the stored events alike. */
@ExtendWith(SharedServer.class)
class ForgettingTest {

    private static final String NAME = "Zephyrine";
    private static final String FAMILY_NAME = "Quillfeather";
    private static final String EMAIL = "zephyrine.quillfeather@example.org";
    private static final String PURPOSE = "Ask about the Marigold Observatory apprenticeship";

    private static RunningServer server;

    @BeforeAll
    static void connect(RunningServer running) {
        server = running;
    }

    @Test
    void aForgottenContactAndTheirInterviewAreGoneFromTheViewsAndUnreadableInTheStoredEvents() {
        User user = server.signUpFreshUser();
        String contactId = "zq-" + user.accountId().substring(0, 8);
        user.graphQl(ADD_CONTACT, input("id", contactId, "givenName", NAME, "familyName", FAMILY_NAME, "emails", List.of(EMAIL),
                                        "source", "CAREER_FAIR")).data("addContact");
        String interviewId = user.graphQl(REQUEST_INTERVIEW, input("contactId", contactId, "channel", "EMAIL", "requestedMinutes", 20,
                                                                   "purpose", PURPOSE)).data("requestInterview").path("id").asText();
        assertThat(storedPayloads(user.aggregateId(contactId))).singleElement()
                .satisfies(added -> assertThat(((ContactAdded) added).givenName()).as("readable before").isEqualTo(NAME));

        assertThat(user.graphQl(FORGET_CONTACT, Map.of("id", contactId)).data("forgetContact").asBoolean()).isTrue();

        assertThat(user.graphQl(CONTACT, Map.of("id", contactId)).data("contact").isNull()).isTrue();
        assertThat(user.graphQl(INTERVIEW, Map.of("id", interviewId)).data("interview").isNull()).isTrue();

        // Anyone reading the database sees neither the person nor what was asked of them: not in the events,
        // nor in any other collection ...
        Map<String, List<String>> documentsByCollection = rawDocumentsByCollection();
        assertThat(documentsByCollection).containsKey(StoredEvents.COLLECTION);
        documentsByCollection.forEach((collection, documents) -> {
            for (String secret : List.of(NAME, FAMILY_NAME, EMAIL, PURPOSE, "Marigold")) {
                assertThat(documents).as("%s in %s", secret, collection).noneMatch(document -> document.contains(secret));
            }
        });
        // ... though the same check finds what was never personal, so it does see into the documents.
        assertThat(documentsByCollection.get(StoredEvents.COLLECTION)).anyMatch(document -> document.contains(contactId));
        // ... and the server, reading its own events, cannot restore them either.
        assertThat(storedPayloads(user.aggregateId(contactId)))
                .anySatisfy(payload -> assertThat(payload).isInstanceOfSatisfying(ContactAdded.class, added -> {
                    assertThat(added.givenName()).isNull();
                    assertThat(added.familyName()).isNull();
                    assertThat(added.emails()).isNullOrEmpty();
                }));
        assertThat(storedPayloads(user.aggregateId(interviewId)))
                .anySatisfy(payload -> assertThat(payload).isInstanceOfSatisfying(InterviewRequested.class,
                                                                                   requested -> assertThat(requested.purpose()).isNull()));

        // The history keeps that an erasure happened.
        assertThat(server.storedEvents().ofAggregate(user.aggregateId(contactId))).extracting(StoredEvent::type)
                                                                                 .containsExactly("ContactAdded", "ContactForgotten");
    }

    /** The contact's or interview's events as the server reads them back from its event store. */
    private static List<Object> storedPayloads(String aggregateId) {
        return server.context().getBean(EventStore.class).readEvents(aggregateId).asStream()
                     .map(DomainEventMessage::getPayload).map(Object.class::cast).toList();
    }

    /** Every document of every collection, each as the text of all its bytes (strings in BSON are UTF-8). */
    private static Map<String, List<String>> rawDocumentsByCollection() {
        Map<String, List<String>> documents = new TreeMap<>();
        for (MongoDatabase database : server.databases()) {
            // The records' collections by their names, those of another database (the views') after it
            String prefix = database.getName().equals(server.database().getName()) ? "" : database.getName() + ".";
            for (String collection : database.listCollectionNames()) {
                documents.put(prefix + collection, database.getCollection(collection, RawBsonDocument.class).find()
                                                                     .map(ForgettingTest::bytesOf).into(new ArrayList<>()));
            }
        }
        return documents;
    }

    private static String bytesOf(RawBsonDocument document) {
        ByteBuffer buffer = document.getByteBuffer().asNIO();
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
