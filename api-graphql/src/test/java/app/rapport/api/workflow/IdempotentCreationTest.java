package app.rapport.api.workflow;

import app.rapport.api.support.RunningServer;
import app.rapport.api.support.RunningServer.User;
import app.rapport.api.support.SharedServer;
import app.rapport.api.support.StoredEvents.StoredEvent;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static app.rapport.api.workflow.Documents.ADD_CONTACT;
import static app.rapport.api.workflow.Documents.CONFIRM_MEETING;
import static app.rapport.api.workflow.Documents.CONTACT;
import static app.rapport.api.workflow.Documents.INTERVIEW;
import static app.rapport.api.workflow.Documents.RECORD_NOTES;
import static app.rapport.api.workflow.Documents.RECORD_REFERRAL;
import static app.rapport.api.workflow.Documents.REQUEST_INTERVIEW;
import static app.rapport.api.workflow.Documents.fields;
import static app.rapport.api.workflow.Documents.input;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client that did not hear back retries with the id it chose: the retry gets the first result back and
 * nothing is stored twice, even when the retry carries different details.
 */
@ExtendWith(SharedServer.class)
class IdempotentCreationTest {

    private static RunningServer server;

    private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @BeforeAll
    static void connect(RunningServer running) {
        server = running;
    }

    @Test
    void addingAContactAgainWithItsClientIdReturnsTheFirstAndStoresOneContactAdded() {
        User user = server.signUpFreshUser();

        JsonNode first = user.graphQl(ADD_CONTACT, input("id", "dana-whitfield", "givenName", "Dana", "organization", "Northwind Labs",
                                                         "source", "ALUMNI")).data("addContact");
        JsonNode retried = user.graphQl(ADD_CONTACT, input("id", "dana-whitfield", "givenName", "Danielle", "organization", "Contoso",
                                                           "source", "LINKEDIN")).data("addContact");

        assertThat(first.path("id").asText()).isEqualTo("dana-whitfield");
        assertThat(retried.path("id").asText()).isEqualTo("dana-whitfield");
        assertThat(retried.path("givenName").asText()).isEqualTo("Dana");
        assertThat(retried.path("organization").asText()).isEqualTo("Northwind Labs");
        assertThat(retried.path("source").asText()).isEqualTo("ALUMNI");
        assertThat(eventsOf(user, "dana-whitfield")).extracting(StoredEvent::type).containsExactly("ContactAdded");
    }

    @Test
    void requestingAgainWithTheClientIdReturnsTheFirstRequestAndStoresOneInterviewRequested() {
        User user = server.signUpFreshUser();
        String contactId = user.graphQl(ADD_CONTACT, input("givenName", "Dana", "source", "ALUMNI")).data("addContact")
                               .path("id").asText();

        JsonNode first = user.graphQl(REQUEST_INTERVIEW, input("id", "ask-dana", "contactId", contactId, "channel", "EMAIL",
                                                               "requestedMinutes", 20, "purpose", "Career advice"))
                             .data("requestInterview");
        JsonNode retried = user.graphQl(REQUEST_INTERVIEW, input("id", "ask-dana", "contactId", contactId, "channel", "PHONE",
                                                                 "requestedMinutes", 45, "purpose", "Something else"))
                               .data("requestInterview");

        assertThat(first.path("id").asText()).isEqualTo("ask-dana");
        assertThat(retried.path("id").asText()).isEqualTo("ask-dana");
        assertThat(retried.path("requestedMinutes").asInt()).isEqualTo(20);
        assertThat(retried.path("channel").asText()).isEqualTo("EMAIL");
        assertThat(retried.path("purpose").asText()).isEqualTo("Career advice");
        assertThat(retried.path("requestedAt").asText()).isEqualTo(first.path("requestedAt").asText());
        assertThat(eventsOf(user, "ask-dana")).extracting(StoredEvent::type).containsExactly("InterviewRequested");
        assertThat(user.graphQl(CONTACT, Map.of("id", contactId)).data("contact").path("interviews")).hasSize(1);
    }

    @Test
    void recordingAReferralAgainWithItsClientIdRecordsItAndItsNewContactOnce() {
        User user = server.signUpFreshUser();
        String danaId = user.graphQl(ADD_CONTACT, input("givenName", "Dana", "source", "ALUMNI")).data("addContact")
                            .path("id").asText();
        Instant startsAt = now.minus(Duration.ofDays(1));
        user.graphQl(REQUEST_INTERVIEW, input("id", "ask-dana", "contactId", danaId, "channel", "EMAIL", "requestedMinutes", 20,
                                              "requestedAt", startsAt.minus(Duration.ofDays(3)).toString())).data("requestInterview");
        user.graphQl(CONFIRM_MEETING, input("interviewId", "ask-dana", "startsAt", startsAt.toString(), "durationMinutes", 20,
                                            "format", "VIDEO", "timeZone", "America/Chicago")).data("confirmMeeting");
        user.graphQl(RECORD_NOTES, input("interviewId", "ask-dana", "heldAt", startsAt.plusSeconds(60).toString()))
            .data("recordNotes");

        JsonNode first = user.graphQl(RECORD_REFERRAL, input("id", "dana-names-eli", "interviewId", "ask-dana", "mayUseName", true,
                                                             "newContact", fields("givenName", "Eli", "source", "OTHER")))
                             .data("recordReferral");
        JsonNode retried = user.graphQl(RECORD_REFERRAL, input("id", "dana-names-eli", "interviewId", "ask-dana", "mayUseName", false,
                                                               "newContact", fields("givenName", "Elias", "source", "OTHER")))
                               .data("recordReferral");

        assertThat(first.path("id").asText()).isEqualTo("dana-names-eli");
        assertThat(retried.path("id").asText()).isEqualTo("dana-names-eli");
        assertThat(retried.path("to").path("id").asText()).isEqualTo(first.path("to").path("id").asText());
        assertThat(retried.path("to").path("givenName").asText()).isEqualTo("Eli");
        assertThat(retried.path("mayUseName").asBoolean()).isTrue();
        assertThat(eventsOf(user, "ask-dana")).extracting(StoredEvent::type).containsOnlyOnce("ReferralRecorded");
        assertThat(server.storedEvents().ofOwner(user.accountId()))
                .as("Dana and Eli, once each")
                .filteredOn(event -> event.type().equals("ContactAdded")).hasSize(2);
        assertThat(user.graphQl(INTERVIEW, Map.of("id", "ask-dana")).data("interview").path("referrals")).hasSize(1);
    }

    private static List<StoredEvent> eventsOf(User user, String id) {
        return server.storedEvents().ofAggregate(user.aggregateId(id));
    }
}
