package app.rapport.api.workflow;

import app.rapport.api.support.Eventually;
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
import static app.rapport.api.workflow.Documents.FORGET_CONTACT;
import static app.rapport.api.workflow.Documents.INTERVIEW;
import static app.rapport.api.workflow.Documents.LOG_TOUCH;
import static app.rapport.api.workflow.Documents.RECORD_NOTES;
import static app.rapport.api.workflow.Documents.RECORD_RESPONSE;
import static app.rapport.api.workflow.Documents.REQUEST_INTERVIEW;
import static app.rapport.api.workflow.Documents.SEND_THANKS;
import static app.rapport.api.workflow.Documents.UPDATE_CONTACT;
import static app.rapport.api.workflow.Documents.input;
import static app.rapport.api.workflow.Documents.instant;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests the server must refuse: each answer is classified, names the input field at fault where there is
 * one, says nothing about the server's insides, and leaves everything as it was.
 */
@ExtendWith(SharedServer.class)
class RefusalsTest {

    private static RunningServer server;

    private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @BeforeAll
    static void connect(RunningServer running) {
        server = running;
    }

    @Test
    void inputThatBreaksARuleIsABadRequestNamingTheFieldAndStoresNothing() {
        User user = server.signUpFreshUser();
        String contactId = addContact(user, "Dana");
        List<StoredEvent> before = server.storedEvents().ofOwner(user.accountId());

        user.graphQl(REQUEST_INTERVIEW, input("contactId", contactId, "channel", "EMAIL", "requestedMinutes", 90))
            .assertRefused("BAD_REQUEST", "requestedMinutes");
        user.graphQl(ADD_CONTACT, input("givenName", "Eli", "source", "OTHER", "emails", List.of("eli at example dot org")))
            .assertRefused("BAD_REQUEST", "emails");
        user.graphQl(ADD_CONTACT, input("id", "two words", "givenName", "Eli", "source", "OTHER"))
            .assertRefused("BAD_REQUEST", "id");
        user.graphQl(REQUEST_INTERVIEW, input("contactId", contactId + " x", "channel", "EMAIL", "requestedMinutes", 20))
            .assertRefused("BAD_REQUEST", "contactId");
        user.graphQl(CONTACT, Map.of("id", "not an id")).assertRefused("BAD_REQUEST", "id");

        assertThat(server.storedEvents().ofOwner(user.accountId())).isEqualTo(before);
        assertThat(user.graphQl(CONTACT, Map.of("id", contactId)).data("contact").path("interviews")).isEmpty();
    }

    @Test
    void inputGraphQlItselfRefusesIsABadRequestTooAndStoresNothing() {
        User user = server.signUpFreshUser();
        String contactId = addContact(user, "Dana");
        List<StoredEvent> before = server.storedEvents().ofOwner(user.accountId());

        user.graphQl(LOG_TOUCH, input("contactId", contactId, "at", "last Tuesday", "channel", "PHONE"))
            .assertRefused("BAD_REQUEST", "at"); // the field of the variable, as when written in the document
        user.graphQl("mutation { logTouch(input: {contactId: \"" + contactId + "\", at: \"yesterday\", channel: PHONE}) { id } }", Map.of())
            .assertRefused("BAD_REQUEST", "at");
        user.graphQl("mutation { logTouch(input: {contactId: \"" + contactId + "\", at: \"" + now + "\", channel: SMOKE_SIGNAL}) { id } }", Map.of())
            .assertRefused("BAD_REQUEST", "channel");
        user.graphQl("mutation { logTouch(input: {contactId: \"" + contactId + "\", channel: PHONE}) { id } }", Map.of())
            .assertRefused("BAD_REQUEST", "at");

        assertThat(server.storedEvents().ofOwner(user.accountId())).isEqualTo(before);
    }

    @Test
    void anotherUsersContactAndInterviewAreNotFoundAndStayAsTheyWere() {
        User owner = server.signUpFreshUser();
        User other = server.signUpFreshUser();
        String contactId = addContact(owner, "Dana");
        String interviewId = owner.graphQl(REQUEST_INTERVIEW, input("contactId", contactId, "channel", "EMAIL", "requestedMinutes", 20))
                                  .data("requestInterview").path("id").asText();
        JsonNode contactBefore = owner.graphQl(CONTACT, Map.of("id", contactId)).data("contact");
        JsonNode interviewBefore = owner.graphQl(INTERVIEW, Map.of("id", interviewId)).data("interview");
        List<StoredEvent> before = server.storedEvents().ofOwner(owner.accountId());

        // Reading someone else's id answers as for an id that does not exist: nothing, so ids cannot be probed.
        assertThat(other.graphQl(CONTACT, Map.of("id", contactId)).data("contact").isNull()).isTrue();
        assertThat(other.graphQl(INTERVIEW, Map.of("id", interviewId)).data("interview").isNull()).isTrue();
        other.graphQl(UPDATE_CONTACT, input("id", contactId, "givenName", "Mallory")).assertRefused("NOT_FOUND", "id");
        other.graphQl(LOG_TOUCH, input("contactId", contactId, "at", now.toString(), "channel", "PHONE"))
             .assertRefused("NOT_FOUND", "contactId");
        other.graphQl(REQUEST_INTERVIEW, input("contactId", contactId, "channel", "EMAIL", "requestedMinutes", 20))
             .assertRefused("NOT_FOUND", "contactId");
        other.graphQl(RECORD_RESPONSE, input("interviewId", interviewId, "response", "DECLINED"))
             .assertRefused("NOT_FOUND", "interviewId");
        other.graphQl(FORGET_CONTACT, Map.of("id", contactId)).assertRefused("NOT_FOUND", "id");

        assertThat(owner.graphQl(CONTACT, Map.of("id", contactId)).data("contact")).isEqualTo(contactBefore);
        assertThat(owner.graphQl(INTERVIEW, Map.of("id", interviewId)).data("interview")).isEqualTo(interviewBefore);
        assertThat(server.storedEvents().ofOwner(owner.accountId())).isEqualTo(before);
        assertThat(server.storedEvents().ofOwner(other.accountId())).isEmpty();
    }

    @Test
    void aClientIdThatAnotherUserChoseTooGivesTheCallerTheirOwnNewContact() {
        User first = server.signUpFreshUser();
        User second = server.signUpFreshUser();
        JsonNode firstsDana = first.graphQl(ADD_CONTACT, input("id", "dana", "givenName", "Dana", "source", "ALUMNI"))
                                   .data("addContact");

        JsonNode secondsDana = second.graphQl(ADD_CONTACT, input("id", "dana", "givenName", "Dana-Marie", "source", "COLLEAGUE"))
                                     .data("addContact");

        assertThat(secondsDana.path("id").asText()).isEqualTo("dana");
        assertThat(secondsDana.path("givenName").asText()).isEqualTo("Dana-Marie");
        assertThat(secondsDana.path("source").asText()).isEqualTo("COLLEAGUE");
        assertThat(first.graphQl(CONTACT, Map.of("id", "dana")).data("contact")).isEqualTo(firstsDana);
        assertThat(server.storedEvents().ofAggregate(first.aggregateId("dana"))).extracting(StoredEvent::type)
                                                                                .containsExactly("ContactAdded");
        assertThat(server.storedEvents().ofAggregate(second.aggregateId("dana"))).extracting(StoredEvent::type)
                                                                                 .containsExactly("ContactAdded");
    }

    @Test
    void withoutATokenNothingIsReadOrWritten() {
        User user = server.signUpFreshUser();
        String contactId = addContact(user, "Dana");

        server.graphQl(null, ADD_CONTACT, input("id", "anonymous-contact", "givenName", "Eli", "source", "OTHER"))
              .assertRefused("UNAUTHORIZED", null);
        server.graphQl(null, CONTACT, Map.of("id", contactId)).assertRefused("UNAUTHORIZED", null);
        server.graphQl(null, REQUEST_INTERVIEW, input("contactId", contactId, "channel", "EMAIL", "requestedMinutes", 20))
              .assertRefused("UNAUTHORIZED", null);

        assertThat(server.storedEvents().matching(event -> event.aggregateId() != null
                                                           && event.aggregateId().endsWith("/anonymous-contact"))).isEmpty();
        assertThat(server.storedEvents().ofOwner(user.accountId())).extracting(StoredEvent::type).containsExactly("ContactAdded");
    }

    @Test
    void notesDatedBeforeTheMeetingStartsAreABadRequest() {
        User user = server.signUpFreshUser();
        Instant startsAt = now.minus(Duration.ofDays(1));
        String interviewId = scheduledMeeting(user, startsAt);
        JsonNode before = user.graphQl(INTERVIEW, Map.of("id", interviewId)).data("interview");

        user.graphQl(RECORD_NOTES, input("interviewId", interviewId, "heldAt", startsAt.minus(Duration.ofHours(1)).toString(),
                                         "summary", "Too early"))
            .assertRefused("BAD_REQUEST", "heldAt");

        JsonNode after = user.graphQl(INTERVIEW, Map.of("id", interviewId)).data("interview");
        assertThat(after).isEqualTo(before);
        assertThat(after.path("status").asText()).isEqualTo("SCHEDULED");
        assertThat(after.path("notes").isNull()).isTrue();
    }

    @Test
    void thanksSentTwiceIsAConflictAndTheFirstStands() {
        User user = server.signUpFreshUser();
        Instant startsAt = now.minus(Duration.ofDays(1));
        String interviewId = scheduledMeeting(user, startsAt);
        JsonNode held = user.graphQl(RECORD_NOTES, input("interviewId", interviewId, "heldAt", startsAt.toString()))
                            .data("recordNotes");
        String contactId = held.path("contact").path("id").asText();
        // The held meeting is logged as a touch in the background; let it land so that it cannot be mistaken
        // for a write of the refused request.
        Eventually.poll(() -> user.graphQl(CONTACT, Map.of("id", contactId)).data("contact"),
                        contact -> startsAt.equals(instant(contact.path("lastTouchAt"))));
        Instant thankedAt = now.minus(Duration.ofHours(3));
        user.graphQl(SEND_THANKS, input("interviewId", interviewId, "sentAt", thankedAt.toString(), "channel", "EMAIL"))
            .data("sendThanks");
        List<StoredEvent> before = server.storedEvents().ofOwner(user.accountId());

        user.graphQl(SEND_THANKS, input("interviewId", interviewId, "sentAt", now.toString(), "channel", "LETTER"))
            .assertRefused("CONFLICT", null);

        JsonNode after = user.graphQl(INTERVIEW, Map.of("id", interviewId)).data("interview");
        assertThat(instant(after.path("thanksSentAt"))).isEqualTo(thankedAt);
        assertThat(after.path("status").asText()).isEqualTo("THANKED");
        assertThat(server.storedEvents().ofOwner(user.accountId())).isEqualTo(before);
    }

    @Test
    void aMeetingAfterADeclineIsAConflict() {
        User user = server.signUpFreshUser();
        String contactId = addContact(user, "Dana");
        String interviewId = user.graphQl(REQUEST_INTERVIEW, input("contactId", contactId, "channel", "EMAIL", "requestedMinutes", 20))
                                 .data("requestInterview").path("id").asText();
        JsonNode declined = user.graphQl(RECORD_RESPONSE, input("interviewId", interviewId, "response", "DECLINED"))
                                .data("recordResponse");
        assertThat(declined.path("status").asText()).isEqualTo("DECLINED");
        assertThat(declined.path("contact").path("stage").asText()).isEqualTo("DECLINED");
        List<StoredEvent> before = server.storedEvents().ofOwner(user.accountId());

        user.graphQl(CONFIRM_MEETING, input("interviewId", interviewId, "startsAt", now.plus(Duration.ofDays(2)).toString(),
                                            "durationMinutes", 20, "format", "PHONE", "timeZone", "Europe/Berlin"))
            .assertRefused("CONFLICT", null);

        JsonNode after = user.graphQl(INTERVIEW, Map.of("id", interviewId)).data("interview");
        assertThat(after.path("status").asText()).isEqualTo("DECLINED");
        assertThat(after.path("meeting").isNull()).isTrue();
        assertThat(server.storedEvents().ofOwner(user.accountId())).isEqualTo(before);
    }

    @Test
    void anUnknownInterviewIsNotFoundNamingInterviewId() {
        User user = server.signUpFreshUser();

        user.graphQl(RECORD_RESPONSE, input("interviewId", "no-such-interview", "response", "ACCEPTED"))
            .assertRefused("NOT_FOUND", "interviewId");
        user.graphQl(SEND_THANKS, input("interviewId", "no-such-interview", "sentAt", now.toString(), "channel", "EMAIL"))
            .assertRefused("NOT_FOUND", "interviewId");

        assertThat(user.graphQl(INTERVIEW, Map.of("id", "no-such-interview")).data("interview").isNull()).isTrue();
        assertThat(server.storedEvents().ofOwner(user.accountId())).isEmpty();
    }

    private static String addContact(User user, String givenName) {
        return user.graphQl(ADD_CONTACT, input("givenName", givenName, "source", "ALUMNI")).data("addContact").path("id").asText();
    }

    /** A new contact's interview, requested two days before the meeting and confirmed for {@code startsAt}. */
    private static String scheduledMeeting(User user, Instant startsAt) {
        String contactId = addContact(user, "Dana");
        String interviewId = user.graphQl(REQUEST_INTERVIEW, input("contactId", contactId, "channel", "EMAIL", "requestedMinutes", 20,
                                                                   "requestedAt", startsAt.minus(Duration.ofDays(2)).toString()))
                                 .data("requestInterview").path("id").asText();
        user.graphQl(CONFIRM_MEETING, input("interviewId", interviewId, "startsAt", startsAt.toString(), "durationMinutes", 20,
                                            "format", "VIDEO", "timeZone", "America/Chicago"))
            .data("confirmMeeting");
        return interviewId;
    }
}
