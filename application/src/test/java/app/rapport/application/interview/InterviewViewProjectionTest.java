package app.rapport.application.interview;

import app.rapport.application.ProjectionHarness;
import app.rapport.domain.contact.Channel;
import app.rapport.domain.contact.ContactForgotten;
import app.rapport.domain.contact.ContactId;
import app.rapport.domain.interview.Answer;
import app.rapport.domain.interview.InterviewRequested;
import app.rapport.domain.interview.InterviewStatus;
import app.rapport.domain.interview.MeetingCancelled;
import app.rapport.domain.interview.MeetingConfirmed;
import app.rapport.domain.interview.MeetingFormat;
import app.rapport.domain.interview.MeetingRescheduled;
import app.rapport.domain.interview.NotesRecorded;
import app.rapport.domain.interview.QuestionsPrepared;
import app.rapport.domain.interview.ReferralId;
import app.rapport.domain.interview.ReferralRecorded;
import app.rapport.domain.interview.Response;
import app.rapport.domain.interview.ResponseRecorded;
import app.rapport.domain.interview.ThanksSent;
import app.rapport.domain.shared.InterviewId;
import app.rapport.domain.shared.OwnerId;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
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

import static org.assertj.core.api.Assertions.assertThat;

class InterviewViewProjectionTest {

    static final OwnerId OWNER = new OwnerId("user-1");
    static final OwnerId OTHER_OWNER = new OwnerId("user-2");
    static final ContactId DANA = new ContactId(OWNER, "dana");
    static final ContactId LEE = new ContactId(OWNER, "lee");
    static final ContactId SAM = new ContactId(OWNER, "sam");
    static final InterviewId WITH_DANA = new InterviewId(OWNER, "i-dana");
    static final InterviewId WITH_LEE = new InterviewId(OWNER, "i-lee");
    static final ReferralId DANA_NAMES_LEE = new ReferralId(OWNER, "r-lee");
    static final ReferralId DANA_NAMES_SAM = new ReferralId(OWNER, "r-sam");
    static final ReferralId LEE_NAMES_DANA = new ReferralId(OWNER, "r-dana");
    static final Instant REQUESTED_AT = Instant.parse("2026-03-02T09:15:30.123456789Z");
    static final Instant STARTS_AT = Instant.parse("2026-03-10T15:00:00Z");
    static final Instant HELD_AT = STARTS_AT.plus(Duration.ofMinutes(5));

    @TempDir
    Path dataDir;

    ProjectionHarness harness;
    InterviewViewProjection projection;
    QueryGateway queries;

    @BeforeEach
    void start() {
        harness = startHarness(dataDir);
        projection = new InterviewViewProjection(harness.store());
        queries = harness.queries(projection);
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    @Test
    void aRequestedInterviewShowsTheRequest() {
        deliver(0, requested(WITH_DANA, DANA));

        InterviewView interview = find(WITH_DANA).orElseThrow();
        assertThat(interview.id()).isEqualTo(WITH_DANA);
        assertThat(interview.contactId()).isEqualTo(DANA);
        assertThat(interview.status()).isEqualTo(InterviewStatus.REQUESTED);
        assertThat(interview.channel()).isEqualTo(Channel.EMAIL);
        assertThat(interview.requestedMinutes()).isEqualTo(20);
        assertThat(interview.requestedAt()).isEqualTo(REQUESTED_AT);
        assertThat(interview.purpose()).isEqualTo("learn about platform teams");
        assertThat(interview.message()).isEqualTo("Would you have 20 minutes?");
        assertThat(interview.meeting()).isNull();
        assertThat(interview.notes()).isNull();
        assertThat(interview.questions()).isEmpty();
        assertThat(interview.referrals()).isEmpty();
        assertThat(interview.version()).isZero();
    }

    @Test
    void followsAnInterviewFromTheRequestToTheThanks() {
        Instant respondedAt = REQUESTED_AT.plus(Duration.ofDays(1));
        deliver(0, requested(WITH_DANA, DANA),
                new ResponseRecorded(WITH_DANA, DANA, Response.ACCEPTED, respondedAt, "happy to", false),
                new MeetingConfirmed(WITH_DANA, DANA, STARTS_AT.minus(Duration.ofDays(1)), 30, MeetingFormat.VIDEO,
                                     "https://meet.example/abc", "Europe/Berlin"),
                new MeetingRescheduled(WITH_DANA, DANA, STARTS_AT.minus(Duration.ofDays(1)), STARTS_AT, 25, null,
                                       "travel"),
                new QuestionsPrepared(WITH_DANA, DANA, List.of("How did you start?", "What surprised you?")));

        InterviewView scheduled = find(WITH_DANA).orElseThrow();
        assertThat(scheduled.status()).isEqualTo(InterviewStatus.SCHEDULED);
        assertThat(scheduled.response()).isEqualTo(Response.ACCEPTED);
        assertThat(scheduled.respondedAt()).isEqualTo(respondedAt);
        assertThat(scheduled.meeting()).usingRecursiveComparison().ignoringFields("changedAt")
                                       .isEqualTo(new InterviewView.Meeting(STARTS_AT, 25, MeetingFormat.VIDEO, null,
                                                                            "Europe/Berlin", null));
        assertThat(scheduled.meeting().changedAt()).as("when the meeting last moved").isNotNull();
        assertThat(scheduled.questions()).containsExactly("How did you start?", "What surprised you?");

        deliver(5, new NotesRecorded(WITH_DANA, DANA, HELD_AT, "great talk",
                                     List.of(new Answer("How did you start?", "By accident")), "write more",
                                     "email Lee", HELD_AT.plus(Duration.ofDays(7)), false),
                new ReferralRecorded(WITH_DANA, DANA, DANA_NAMES_LEE, LEE, true, "runs the platform team"));

        InterviewView held = find(WITH_DANA).orElseThrow();
        assertThat(held.status()).isEqualTo(InterviewStatus.HELD);
        assertThat(held.notes()).isEqualTo(new InterviewView.Notes(HELD_AT, "great talk",
                                                                   List.of(new Answer("How did you start?", "By accident")),
                                                                   "write more", "email Lee"));
        assertThat(held.thanksDueBy()).isEqualTo(HELD_AT.plus(Duration.ofDays(7)));
        assertThat(held.thanksOverdue(HELD_AT.plus(Duration.ofDays(8)))).isTrue();
        assertThat(held.thanksOverdue(HELD_AT.plus(Duration.ofDays(6)))).isFalse();
        assertThat(held.referrals()).containsExactly(
                new ReferralView(DANA_NAMES_LEE, WITH_DANA, DANA, LEE, true, "runs the platform team"));

        Instant thankedAt = HELD_AT.plus(Duration.ofDays(1));
        deliver(7, new ThanksSent(WITH_DANA, DANA, thankedAt, Channel.EMAIL, "Thank you!"),
                new NotesRecorded(WITH_DANA, DANA, HELD_AT, "great talk, amended", List.of(), null, null,
                                  HELD_AT.plus(Duration.ofDays(7)), true));

        InterviewView thanked = find(WITH_DANA).orElseThrow();
        assertThat(thanked.status()).as("amended notes keep the status").isEqualTo(InterviewStatus.THANKED);
        assertThat(thanked.thanksSentAt()).isEqualTo(thankedAt);
        assertThat(thanked.thanksOverdue(HELD_AT.plus(Duration.ofDays(30)))).isFalse();
        assertThat(thanked.notes().summary()).isEqualTo("great talk, amended");
        assertThat(thanked.notes().answers()).isEmpty();
        assertThat(thanked.version()).isEqualTo(8);
    }

    @Test
    void aCancelledMeetingIsStillShown() {
        deliver(0, requested(WITH_DANA, DANA),
                new ResponseRecorded(WITH_DANA, DANA, Response.ACCEPTED, REQUESTED_AT, null, true),
                new MeetingConfirmed(WITH_DANA, DANA, STARTS_AT, 30, MeetingFormat.IN_PERSON, "Cafe Luna", "UTC"),
                new MeetingCancelled(WITH_DANA, DANA, "sick", "Dana"));

        InterviewView cancelled = find(WITH_DANA).orElseThrow();
        assertThat(cancelled.status()).isEqualTo(InterviewStatus.CANCELLED);
        assertThat(cancelled.meeting().location()).isEqualTo("Cafe Luna");
    }

    @Test
    void aDeclineAndNoAnswerAreStatuses() {
        deliver(0, requested(WITH_DANA, DANA),
                new ResponseRecorded(WITH_DANA, DANA, Response.NO_RESPONSE, REQUESTED_AT.plus(Duration.ofDays(7)), null,
                                     false));
        assertThat(find(WITH_DANA).orElseThrow().status()).isEqualTo(InterviewStatus.NO_RESPONSE);

        deliver(2, new ResponseRecorded(WITH_DANA, DANA, Response.DECLINED, REQUESTED_AT.plus(Duration.ofDays(9)), null,
                                        false));
        assertThat(find(WITH_DANA).orElseThrow().status()).isEqualTo(InterviewStatus.DECLINED);
    }

    @Test
    void theSameEventsTwiceLeaveTheSameRows() {
        Object[] events = heldInterview(WITH_DANA, DANA);
        deliver(0, events);
        deliver(events.length, new ReferralRecorded(WITH_DANA, DANA, DANA_NAMES_LEE, LEE, false, null));
        List<Document> interviews = harness.documents(InterviewRows.INTERVIEWS);
        List<Document> referrals = harness.documents(InterviewRows.REFERRALS);
        List<Document> contacts = harness.documents(InterviewRows.CONTACT_INTERVIEWS);

        deliver(0, events);
        deliver(events.length, new ReferralRecorded(WITH_DANA, DANA, DANA_NAMES_LEE, LEE, false, null));

        assertThat(harness.documents(InterviewRows.INTERVIEWS)).isEqualTo(interviews);
        assertThat(harness.documents(InterviewRows.REFERRALS)).isEqualTo(referrals);
        assertThat(harness.documents(InterviewRows.CONTACT_INTERVIEWS)).isEqualTo(contacts);
        assertThat(find(WITH_DANA).orElseThrow().referrals()).hasSize(1);
    }

    @Test
    void anOlderEventAfterANewerOneIsIgnored() {
        QuestionsPrepared first = new QuestionsPrepared(WITH_DANA, DANA, List.of("first draft"));
        QuestionsPrepared second = new QuestionsPrepared(WITH_DANA, DANA, List.of("final list"));
        deliver(0, requested(WITH_DANA, DANA), first, second);

        deliver(1, first);

        assertThat(find(WITH_DANA).orElseThrow().questions()).containsExactly("final list");
        assertThat(find(WITH_DANA).orElseThrow().version()).isEqualTo(2);
    }

    @Test
    void personalDataThatCannotBeReadArrivesAsNullAndIsTolerated() {
        deliver(0, new InterviewRequested(WITH_DANA, DANA, Channel.PHONE, 15, null, null, false, null, REQUESTED_AT),
                new MeetingConfirmed(WITH_DANA, DANA, STARTS_AT, 15, MeetingFormat.PHONE, null, "UTC"),
                new QuestionsPrepared(WITH_DANA, DANA, null),
                new NotesRecorded(WITH_DANA, DANA, HELD_AT, null, null, null, null, HELD_AT.plusSeconds(60), false),
                new ReferralRecorded(WITH_DANA, DANA, DANA_NAMES_LEE, LEE, false, null));

        InterviewView interview = find(WITH_DANA).orElseThrow();
        assertThat(interview.purpose()).isNull();
        assertThat(interview.questions()).isEmpty();
        assertThat(interview.notes().answers()).isEmpty();
        assertThat(interview.referrals()).singleElement().extracting(ReferralView::note).isNull();
    }

    @Test
    void aReferralIsFoundByItsIdWithItsInterviewAndBothPeople() {
        deliver(0, heldInterview(WITH_DANA, DANA));
        deliver(heldInterview(WITH_DANA, DANA).length,
                new ReferralRecorded(WITH_DANA, DANA, DANA_NAMES_LEE, LEE, true, "runs the platform team"),
                new ReferralRecorded(WITH_DANA, DANA, DANA_NAMES_SAM, SAM, false, null));

        assertThat(findReferral(DANA_NAMES_SAM)).contains(new ReferralView(DANA_NAMES_SAM, WITH_DANA, DANA, SAM, false, null));
        assertThat(findReferral(new ReferralId(OWNER, "unknown"))).isEmpty();
        assertThat(findReferral(new ReferralId(OTHER_OWNER, DANA_NAMES_SAM.value()))).isEmpty();
        assertThat(find(WITH_DANA).orElseThrow().referrals()).extracting(ReferralView::id)
                                                             .containsExactly(DANA_NAMES_LEE, DANA_NAMES_SAM);
    }

    @Test
    void batchesReturnOnlyTheAskedInterviewsThatExistInTheOrderAsked() {
        deliver(0, requested(WITH_DANA, DANA));
        deliver(0, requested(WITH_LEE, LEE));
        deliver(0, requested(new InterviewId(OTHER_OWNER, "i-other"), new ContactId(OTHER_OWNER, "dana")));

        List<InterviewView> found = queries.query(
                new FindInterviews(List.of(WITH_LEE, new InterviewId(OWNER, "unknown"), WITH_DANA, WITH_LEE,
                                           new InterviewId(OTHER_OWNER, WITH_DANA.value()))),
                ResponseTypes.multipleInstancesOf(InterviewView.class)).join();

        assertThat(found).extracting(InterviewView::id).containsExactly(WITH_LEE, WITH_DANA);
        assertThat(find(new InterviewId(OTHER_OWNER, WITH_DANA.value()))).isEmpty();
    }

    @Test
    void forgettingTheIntervieweeErasesTheirInterviewsAndTheReferralsGivenInThem() {
        deliver(0, heldInterview(WITH_DANA, DANA));
        deliver(heldInterview(WITH_DANA, DANA).length,
                new ReferralRecorded(WITH_DANA, DANA, DANA_NAMES_LEE, LEE, true, "runs the platform team"));
        deliver(0, requested(WITH_LEE, LEE));

        deliver(0, new ContactForgotten(OWNER, DANA, HELD_AT));

        assertThat(find(WITH_DANA)).isEmpty();
        assertThat(findReferral(DANA_NAMES_LEE)).isEmpty();
        assertThat(find(WITH_LEE)).as("other interviews stay").isPresent();
        assertThat(harness.documents(InterviewRows.INTERVIEWS)).filteredOn(row -> row.get("_id").equals(WITH_DANA.toString()))
                .singleElement()
                .isEqualTo(new Document("_id", "user-1/i-dana").append("owner", "user-1").append("forgotten", true)
                                                               .append("version", 4L));
        assertThat(harness.documents(InterviewRows.REFERRALS)).isEmpty();
        assertThat(harness.documents(InterviewRows.CONTACT_INTERVIEWS))
                .allSatisfy(row -> assertThat(row.toJson()).doesNotContain("i-dana"));
    }

    @Test
    void forgettingAReferredPersonRemovesTheReferralFromOtherInterviews() {
        deliver(0, heldInterview(WITH_LEE, LEE));
        deliver(heldInterview(WITH_LEE, LEE).length,
                new ReferralRecorded(WITH_LEE, LEE, LEE_NAMES_DANA, DANA, true, "Dana knows everyone at Acme"),
                new ReferralRecorded(WITH_LEE, LEE, new ReferralId(OWNER, "r-sam"), SAM, true, "ask Sam too"));

        deliver(0, new ContactForgotten(OWNER, DANA, HELD_AT));

        InterviewView withLee = find(WITH_LEE).orElseThrow();
        assertThat(withLee.referrals()).extracting(ReferralView::toContactId).containsExactly(SAM);
        assertThat(findReferral(LEE_NAMES_DANA)).isEmpty();
        assertThat(harness.documents(InterviewRows.INTERVIEWS))
                .allSatisfy(row -> assertThat(row.toJson()).doesNotContain("Dana", "dana"));
    }

    @Test
    void eventsArrivingAfterTheForgettingDoNotBringAnythingBack() {
        deliver(0, heldInterview(WITH_LEE, LEE));
        deliver(0, requested(WITH_DANA, DANA));
        deliver(0, new ContactForgotten(OWNER, DANA, HELD_AT));
        List<Document> before = harness.documents(InterviewRows.INTERVIEWS);

        deliver(0, requested(new InterviewId(OWNER, "i-dana-late"), DANA));
        deliver(1, new QuestionsPrepared(WITH_DANA, DANA, List.of("late question")));
        deliver(heldInterview(WITH_LEE, LEE).length,
                new ReferralRecorded(WITH_LEE, LEE, LEE_NAMES_DANA, DANA, true, "Dana again"));
        deliver(0, new ContactForgotten(OWNER, DANA, HELD_AT));

        List<Document> after = harness.documents(InterviewRows.INTERVIEWS);
        assertThat(after).hasSameSizeAs(before);
        assertThat(find(WITH_LEE).orElseThrow().referrals()).isEmpty();
        assertThat(find(WITH_LEE).orElseThrow().version()).as("the event was taken, and left out")
                                                          .isEqualTo(heldInterview(WITH_LEE, LEE).length);
        assertThat(find(WITH_DANA)).isEmpty();
        assertThat(findReferral(LEE_NAMES_DANA)).isEmpty();
    }

    @Test
    void aResetEmptiesTheViewsForTheReplay() {
        deliver(0, heldInterview(WITH_DANA, DANA));
        deliver(heldInterview(WITH_DANA, DANA).length,
                new ReferralRecorded(WITH_DANA, DANA, DANA_NAMES_LEE, LEE, true, null));

        projection.onReset();

        assertThat(harness.documents(InterviewRows.INTERVIEWS)).isEmpty();
        assertThat(harness.documents(InterviewRows.REFERRALS)).isEmpty();
        assertThat(harness.documents(InterviewRows.CONTACT_INTERVIEWS)).isEmpty();
    }

    private Optional<InterviewView> find(InterviewId id) {
        return queries.query(new FindInterview(id), ResponseTypes.optionalInstanceOf(InterviewView.class)).join();
    }

    private Optional<ReferralView> findReferral(ReferralId id) {
        return queries.query(new FindReferral(id), ResponseTypes.optionalInstanceOf(ReferralView.class)).join();
    }

    private void deliver(long firstSequence, Object... events) {
        harness.deliver(projection, firstSequence, events);
    }

    static InterviewRequested requested(InterviewId interview, ContactId contact) {
        return new InterviewRequested(interview, contact, Channel.EMAIL, 20, "learn about platform teams",
                                      "Would you have 20 minutes?", false, null, REQUESTED_AT);
    }

    /** Requested, accepted, scheduled and held: ready for referrals (sequence numbers 0 to 3). */
    static Object[] heldInterview(InterviewId interview, ContactId contact) {
        return new Object[]{
                requested(interview, contact),
                new ResponseRecorded(interview, contact, Response.ACCEPTED, REQUESTED_AT.plusSeconds(3600), null, false),
                new MeetingConfirmed(interview, contact, STARTS_AT, 30, MeetingFormat.VIDEO, null, "UTC"),
                new NotesRecorded(interview, contact, HELD_AT, "notes", List.of(), null, null,
                                  HELD_AT.plus(Duration.ofDays(7)), false)};
    }

    /** How the events reach the projection: one at a time here, as batches of a processor in a subclass. */
    ProjectionHarness startHarness(Path dataDirectory) {
        return ProjectionHarness.start(dataDirectory);
    }
}
