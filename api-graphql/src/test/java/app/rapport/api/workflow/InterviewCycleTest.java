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
import java.util.stream.StreamSupport;

import static app.rapport.api.workflow.Documents.ADD_CONTACT;
import static app.rapport.api.workflow.Documents.CONFIRM_MEETING;
import static app.rapport.api.workflow.Documents.CONTACT;
import static app.rapport.api.workflow.Documents.LOG_TOUCH;
import static app.rapport.api.workflow.Documents.PREPARE_QUESTIONS;
import static app.rapport.api.workflow.Documents.RECORD_NOTES;
import static app.rapport.api.workflow.Documents.RECORD_REFERRAL;
import static app.rapport.api.workflow.Documents.RECORD_RESPONSE;
import static app.rapport.api.workflow.Documents.REQUEST_INTERVIEW;
import static app.rapport.api.workflow.Documents.SEND_THANKS;
import static app.rapport.api.workflow.Documents.SET_FOLLOW_UP_CADENCE;
import static app.rapport.api.workflow.Documents.fields;
import static app.rapport.api.workflow.Documents.input;
import static app.rapport.api.workflow.Documents.instant;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An informational interview from the first request to the thank-you note and the referrals it brought, as a
 * user goes through it over HTTP. Every mutation's own response must already show its write.
 */
@ExtendWith(SharedServer.class)
class InterviewCycleTest {

    private static RunningServer server;

    /** Whole seconds, so that what goes in and what comes back compare exactly. */
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @BeforeAll
    static void connect(RunningServer running) {
        server = running;
    }

    @Test
    void aRequestGoesFromProspectToThankedAndItsReferralsCanBeApproachedAsPermitted() {
        User user = server.signUpFreshUser();

        JsonNode dana = user.graphQl(ADD_CONTACT, input(
                "givenName", "Dana", "familyName", "Whitfield", "salutation", "Dr.", "title", "Director of Research",
                "organization", "Northwind Labs", "emails", List.of("dana@northwind.example"), "source", "ALUMNI",
                "sourceDetail", "Class of 2009 alumni directory", "tags", List.of("research", "alumni"))).data("addContact");
        String danaId = dana.path("id").asText();
        assertThat(danaId).isNotBlank();
        assertThat(dana.path("givenName").asText()).isEqualTo("Dana");
        assertThat(dana.path("familyName").asText()).isEqualTo("Whitfield");
        assertThat(dana.path("salutation").asText()).isEqualTo("Dr.");
        assertThat(dana.path("title").asText()).isEqualTo("Director of Research");
        assertThat(dana.path("organization").asText()).isEqualTo("Northwind Labs");
        assertThat(texts(dana.path("emails"))).containsExactly("dana@northwind.example");
        assertThat(dana.path("source").asText()).isEqualTo("ALUMNI");
        assertThat(dana.path("sourceDetail").asText()).isEqualTo("Class of 2009 alumni directory");
        assertThat(texts(dana.path("tags"))).containsExactly("research", "alumni");
        assertThat(dana.path("stage").asText()).isEqualTo("PROSPECT");
        assertThat(dana.path("interviews")).isEmpty();
        assertThat(dana.path("referredBy").isNull()).isTrue();

        Instant requestedAt = now.minus(Duration.ofDays(4));
        JsonNode requested = user.graphQl(REQUEST_INTERVIEW, input(
                "contactId", danaId, "channel", "EMAIL", "requestedMinutes", 20, "requestedAt", requestedAt.toString(),
                "purpose", "Learn how research teams hire data engineers")).data("requestInterview");
        String interviewId = requested.path("id").asText();
        assertThat(requested.path("status").asText()).isEqualTo("REQUESTED");
        assertThat(instant(requested.path("requestedAt"))).isEqualTo(requestedAt);
        assertThat(requested.path("requestedMinutes").asInt()).isEqualTo(20);
        assertThat(requested.path("channel").asText()).isEqualTo("EMAIL");
        assertThat(requested.path("purpose").asText()).isEqualTo("Learn how research teams hire data engineers");
        assertThat(requested.path("meeting").isNull()).isTrue();
        assertThat(requested.path("contact").path("id").asText()).isEqualTo(danaId);
        assertThat(requested.path("contact").path("stage").asText()).isEqualTo("REQUESTED");

        Instant respondedAt = now.minus(Duration.ofDays(3));
        JsonNode accepted = user.graphQl(RECORD_RESPONSE, input(
                "interviewId", interviewId, "response", "ACCEPTED", "at", respondedAt.toString())).data("recordResponse");
        assertThat(accepted.path("status").asText()).isEqualTo("ACCEPTED");
        assertThat(instant(accepted.path("respondedAt"))).isEqualTo(respondedAt);
        assertThat(accepted.path("contact").path("stage").asText()).isEqualTo("REQUESTED");

        Instant startsAt = now.minus(Duration.ofDays(1));
        JsonNode scheduled = user.graphQl(CONFIRM_MEETING, input(
                "interviewId", interviewId, "startsAt", startsAt.toString(), "durationMinutes", 20, "format", "VIDEO",
                "location", "https://meet.example/dana", "timeZone", "America/Chicago")).data("confirmMeeting");
        assertThat(scheduled.path("status").asText()).isEqualTo("SCHEDULED");
        JsonNode meeting = scheduled.path("meeting");
        assertThat(instant(meeting.path("startsAt"))).isEqualTo(startsAt);
        assertThat(meeting.path("durationMinutes").asInt()).isEqualTo(20);
        assertThat(meeting.path("format").asText()).isEqualTo("VIDEO");
        assertThat(meeting.path("location").asText()).isEqualTo("https://meet.example/dana");
        assertThat(meeting.path("timeZone").asText()).isEqualTo("America/Chicago");
        assertThat(scheduled.path("contact").path("stage").asText()).isEqualTo("SCHEDULED");

        JsonNode prepared = user.graphQl(PREPARE_QUESTIONS, input(
                "interviewId", interviewId,
                "questions", List.of("How did you get into research?", "What do you look for in a new hire?")))
                .data("prepareQuestions");
        assertThat(texts(prepared.path("questions")))
                .containsExactly("How did you get into research?", "What do you look for in a new hire?");
        assertThat(prepared.path("status").asText()).isEqualTo("SCHEDULED");

        Instant heldAt = startsAt.plus(Duration.ofMinutes(2));
        JsonNode held = user.graphQl(RECORD_NOTES, input(
                "interviewId", interviewId, "heldAt", heldAt.toString(), "summary", "Friendly and generous with time",
                "answers", List.of(fields("question", "How did you get into research?", "answer", "Through a lab internship"),
                                   fields("question", "What do you look for in a new hire?", "answer", "Curiosity")),
                "advice", "Publish a small project", "nextSteps", "Talk to Eli")).data("recordNotes");
        assertThat(held.path("status").asText()).isEqualTo("HELD");
        JsonNode notes = held.path("notes");
        assertThat(instant(notes.path("heldAt"))).isEqualTo(heldAt);
        assertThat(notes.path("summary").asText()).isEqualTo("Friendly and generous with time");
        assertThat(notes.path("advice").asText()).isEqualTo("Publish a small project");
        assertThat(notes.path("nextSteps").asText()).isEqualTo("Talk to Eli");
        assertThat(notes.path("answers")).hasSize(2);
        assertThat(notes.path("answers").get(0).path("question").asText()).isEqualTo("How did you get into research?");
        assertThat(notes.path("answers").get(0).path("answer").asText()).isEqualTo("Through a lab internship");
        assertThat(notes.path("answers").get(1).path("answer").asText()).isEqualTo("Curiosity");
        assertThat(instant(held.path("thanksDueBy"))).isEqualTo(heldAt.plus(Duration.ofDays(7)));
        assertThat(held.path("thanksOverdue").asBoolean()).isFalse();
        assertThat(held.path("thanksSentAt").isNull()).isTrue();
        assertThat(held.path("contact").path("stage").asText()).isEqualTo("MET");

        JsonNode toEli = user.graphQl(RECORD_REFERRAL, input(
                "interviewId", interviewId, "mayUseName", true, "note", "Runs the data platform team",
                "newContact", fields("givenName", "Eli", "familyName", "Marsh", "organization", "Northwind Labs",
                                     "source", "OTHER"))).data("recordReferral");
        String eliId = toEli.path("to").path("id").asText();
        assertThat(toEli.path("mayUseName").asBoolean()).isTrue();
        assertThat(toEli.path("note").asText()).isEqualTo("Runs the data platform team");
        assertThat(toEli.path("from").path("id").asText()).isEqualTo(danaId);
        assertThat(toEli.path("interview").path("id").asText()).isEqualTo(interviewId);
        assertThat(ids(toEli.path("interview").path("referrals"))).containsExactly(toEli.path("id").asText());
        assertThat(toEli.path("to").path("givenName").asText()).isEqualTo("Eli");
        assertThat(toEli.path("to").path("organization").asText()).isEqualTo("Northwind Labs");
        assertThat(toEli.path("to").path("source").asText()).as("a referred person's source").isEqualTo("REFERRAL");
        assertThat(toEli.path("to").path("referredBy").path("id").asText()).isEqualTo(danaId);
        assertThat(toEli.path("to").path("stage").asText()).isEqualTo("PROSPECT");

        String farahId = user.graphQl(ADD_CONTACT, input("givenName", "Farah", "organization", "Contoso Analytics",
                                                         "source", "LINKEDIN")).data("addContact").path("id").asText();
        JsonNode toFarah = user.graphQl(RECORD_REFERRAL, input(
                "interviewId", interviewId, "toContactId", farahId, "mayUseName", false)).data("recordReferral");
        assertThat(toFarah.path("mayUseName").asBoolean()).isFalse();
        assertThat(toFarah.path("from").path("id").asText()).isEqualTo(danaId);
        assertThat(toFarah.path("to").path("id").asText()).isEqualTo(farahId);
        assertThat(toFarah.path("to").path("source").asText()).as("an existing contact keeps their source").isEqualTo("LINKEDIN");
        assertThat(toFarah.path("to").path("referredBy").path("id").asText()).isEqualTo(danaId);
        assertThat(ids(toFarah.path("interview").path("referrals")))
                .containsExactly(toEli.path("id").asText(), toFarah.path("id").asText());

        Instant thankedAt = now.minus(Duration.ofHours(2));
        JsonNode thanked = user.graphQl(SEND_THANKS, input(
                "interviewId", interviewId, "sentAt", thankedAt.toString(), "channel", "EMAIL",
                "message", "Thank you for your time")).data("sendThanks");
        assertThat(thanked.path("status").asText()).isEqualTo("THANKED");
        assertThat(instant(thanked.path("thanksSentAt"))).isEqualTo(thankedAt);
        assertThat(instant(thanked.path("thanksDueBy"))).isEqualTo(heldAt.plus(Duration.ofDays(7)));
        assertThat(thanked.path("thanksOverdue").asBoolean()).isFalse();
        assertThat(thanked.path("contact").path("stage").asText()).isEqualTo("THANKED");
        JsonNode referrals = thanked.path("referrals");
        assertThat(referrals).hasSize(2);
        assertThat(referrals.get(0).path("to").path("id").asText()).isEqualTo(eliId);
        assertThat(referrals.get(0).path("mayUseName").asBoolean()).isTrue();
        assertThat(referrals.get(1).path("to").path("id").asText()).isEqualTo(farahId);
        assertThat(referrals.get(1).path("mayUseName").asBoolean()).isFalse();

        JsonNode danaNow = user.graphQl(CONTACT, Map.of("id", danaId)).data("contact");
        assertThat(danaNow.path("stage").asText()).isEqualTo("THANKED");
        assertThat(ids(danaNow.path("referrals"))).containsExactlyInAnyOrder(eliId, farahId);
        assertThat(ids(danaNow.path("interviews"))).containsExactly(interviewId);
        assertThat(danaNow.path("interviews").get(0).path("status").asText()).isEqualTo("THANKED");

        // Dana allowed her name to be used with Eli: the request may mention her.
        JsonNode eliRequested = user.graphQl(REQUEST_INTERVIEW, input(
                "contactId", eliId, "channel", "EMAIL", "requestedMinutes", 15, "mentionReferrer", true,
                "purpose", "Dana Whitfield suggested I ask you about the data platform")).data("requestInterview");
        assertThat(eliRequested.path("status").asText()).isEqualTo("REQUESTED");
        assertThat(eliRequested.path("contact").path("id").asText()).isEqualTo(eliId);
        assertThat(eliRequested.path("contact").path("stage").asText()).isEqualTo("REQUESTED");

        // ... but not with Farah: that request is refused and nothing is requested.
        user.graphQl(REQUEST_INTERVIEW, input("contactId", farahId, "channel", "EMAIL", "requestedMinutes", 15,
                                              "mentionReferrer", true))
            .assertRefused("CONFLICT", "mentionReferrer");
        JsonNode farahNow = user.graphQl(CONTACT, Map.of("id", farahId)).data("contact");
        assertThat(farahNow.path("interviews")).isEmpty();
        assertThat(farahNow.path("stage").asText()).isEqualTo("PROSPECT");
        assertThat(server.storedEvents().ofOwner(user.accountId()))
                .filteredOn(event -> event.type().equals("InterviewRequested"))
                .hasSize(2);
    }

    @Test
    void aHeldMeetingRestartsTheFollowUpClockAndACadenceAndTouchesMoveIt() {
        User user = server.signUpFreshUser();
        String contactId = user.graphQl(ADD_CONTACT, input("givenName", "Gwen", "source", "COLLEAGUE"))
                               .data("addContact").path("id").asText();
        Instant heldAt = heldMeetingWith(user, contactId, now.minus(Duration.ofDays(2)));

        // A policy logs the meeting as a touch after the notes are stored: wait for it, within a deadline.
        JsonNode touched = Eventually.poll(() -> user.graphQl(CONTACT, Map.of("id", contactId)).data("contact"),
                                           contact -> heldAt.equals(instant(contact.path("lastTouchAt"))));
        assertThat(instant(touched.path("lastTouchAt"))).as("lastTouchAt after the meeting was held").isEqualTo(heldAt);
        assertThat(touched.path("nextFollowUpDue").isNull()).as("no cadence, no follow-up date").isTrue();

        JsonNode withCadence = user.graphQl(SET_FOLLOW_UP_CADENCE, Map.of("contactId", contactId, "everyDays", 30))
                                   .data("setFollowUpCadence");
        assertThat(withCadence.path("followUpEveryDays").asInt()).isEqualTo(30);
        assertThat(instant(withCadence.path("lastTouchAt"))).isEqualTo(heldAt);
        assertThat(instant(withCadence.path("nextFollowUpDue"))).isEqualTo(heldAt.plus(Duration.ofDays(30)));

        Instant touchedAt = now.minus(Duration.ofHours(1));
        JsonNode afterTouch = user.graphQl(LOG_TOUCH, input("contactId", contactId, "at", touchedAt.toString(),
                                                            "channel", "PHONE", "note", "Caught up about her move"))
                                  .data("logTouch");
        assertThat(instant(afterTouch.path("lastTouchAt"))).isEqualTo(touchedAt);
        assertThat(instant(afterTouch.path("nextFollowUpDue"))).isEqualTo(touchedAt.plus(Duration.ofDays(30)));
        assertThat(afterTouch.path("followUpEveryDays").asInt()).isEqualTo(30);
    }

    @Test
    void everyStoredEventOfTheCycleNamesTheUserAsActorAndCarriesACorrelationId() {
        User user = server.signUpFreshUser();
        String contactId = user.graphQl(ADD_CONTACT, input("givenName", "Hana", "source", "FACULTY"))
                               .data("addContact").path("id").asText();
        Instant heldAt = heldMeetingWith(user, contactId, now.minus(Duration.ofDays(3)));
        String interviewId = user.graphQl(CONTACT, Map.of("id", contactId)).data("contact")
                                 .path("interviews").get(0).path("id").asText();
        user.graphQl(RECORD_REFERRAL, input("interviewId", interviewId, "mayUseName", true,
                                            "newContact", fields("givenName", "Ivo", "source", "REFERRAL")))
            .data("recordReferral");
        user.graphQl(SEND_THANKS, input("interviewId", interviewId, "sentAt", now.minus(Duration.ofHours(1)).toString(),
                                        "channel", "EMAIL")).data("sendThanks");
        // The policy's touch is part of the cycle too, and must carry the same actor.
        JsonNode touched = Eventually.poll(() -> user.graphQl(CONTACT, Map.of("id", contactId)).data("contact"),
                                           contact -> heldAt.equals(instant(contact.path("lastTouchAt"))));
        assertThat(instant(touched.path("lastTouchAt"))).isEqualTo(heldAt);

        List<StoredEvent> events = server.storedEvents().ofOwner(user.accountId());

        assertThat(events).extracting(StoredEvent::type)
                          .contains("ContactAdded", "InterviewRequested", "ResponseRecorded", "MeetingConfirmed",
                                    "NotesRecorded", "ReferralRecorded", "ThanksSent", "TouchLogged");
        assertThat(events).allSatisfy(event -> {
            assertThat(event.metaData().path("actor").asText()).as(event.type()).isEqualTo(user.actor());
            assertThat(event.metaData().path("correlationId").asText()).as(event.type()).isNotBlank();
            assertThat(event.metaData().path("traceId").asText()).as(event.type()).isNotBlank();
        });
        // Axon's correlationId names the message that caused the event, traceId the request it all started from.
        assertThat(metaDataOf(events, "ResponseRecorded").path("correlationId"))
                .as("a confirmation before any answer implies acceptance, within the same command")
                .isEqualTo(metaDataOf(events, "MeetingConfirmed").path("correlationId"));
        assertThat(metaDataOf(events, "InterviewRequested").path("correlationId"))
                .as("separate requests are separate correlations")
                .isNotEqualTo(metaDataOf(events, "NotesRecorded").path("correlationId"));
        assertThat(metaDataOf(events, "TouchLogged").path("traceId"))
                .as("the touch the policy logged traces back to the notes")
                .isEqualTo(metaDataOf(events, "NotesRecorded").path("traceId"));
    }

    /** Requests, confirms and holds a phone meeting starting at {@code startsAt}; returns when it was held. */
    private Instant heldMeetingWith(User user, String contactId, Instant startsAt) {
        String interviewId = user.graphQl(REQUEST_INTERVIEW, input(
                "contactId", contactId, "channel", "EMAIL", "requestedMinutes", 30,
                "requestedAt", startsAt.minus(Duration.ofDays(2)).toString())).data("requestInterview").path("id").asText();
        user.graphQl(CONFIRM_MEETING, input("interviewId", interviewId, "startsAt", startsAt.toString(),
                                            "durationMinutes", 30, "format", "PHONE", "timeZone", "Europe/Berlin"))
            .data("confirmMeeting");
        Instant heldAt = startsAt.plus(Duration.ofMinutes(1));
        JsonNode held = user.graphQl(RECORD_NOTES, input("interviewId", interviewId, "heldAt", heldAt.toString(),
                                                         "summary", "A good talk")).data("recordNotes");
        assertThat(held.path("status").asText()).isEqualTo("HELD");
        return heldAt;
    }

    private static JsonNode metaDataOf(List<StoredEvent> events, String type) {
        return events.stream().filter(event -> event.type().equals(type)).findFirst().map(StoredEvent::metaData)
                     .orElseThrow(() -> new AssertionError("no " + type + " stored"));
    }

    private static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }

    private static List<String> ids(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(node -> node.path("id").asText()).toList();
    }
}
