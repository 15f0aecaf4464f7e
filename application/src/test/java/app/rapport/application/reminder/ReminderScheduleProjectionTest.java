package app.rapport.application.reminder;

import app.rapport.application.ProjectionHarness;
import app.rapport.domain.contact.Channel;
import app.rapport.domain.contact.ContactAdded;
import app.rapport.domain.contact.ContactForgotten;
import app.rapport.domain.contact.ContactId;
import app.rapport.domain.contact.ContactMergedInto;
import app.rapport.domain.contact.ContactSource;
import app.rapport.domain.contact.FollowUpBecameDue;
import app.rapport.domain.contact.FollowUpCadenceSet;
import app.rapport.domain.contact.TouchLogged;
import app.rapport.domain.interview.InterviewRequested;
import app.rapport.domain.interview.MeetingConfirmed;
import app.rapport.domain.interview.MeetingFormat;
import app.rapport.domain.interview.NotesRecorded;
import app.rapport.domain.interview.NudgeBecameDue;
import app.rapport.domain.interview.Response;
import app.rapport.domain.interview.ResponseRecorded;
import app.rapport.domain.interview.ThanksBecameOverdue;
import app.rapport.domain.interview.ThanksSent;
import app.rapport.domain.shared.InterviewId;
import app.rapport.domain.shared.OwnerId;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The schedule of reminders: filed by the hour they fall due, moved, cancelled and erased as the events say. */
class ReminderScheduleProjectionTest {

    static final OwnerId OWNER = new OwnerId("user-1");
    static final OwnerId OTHER_OWNER = new OwnerId("user-2");
    static final ContactId DANA = new ContactId(OWNER, "dana");
    static final ContactId LEE = new ContactId(OWNER, "lee");
    static final ContactId OTHERS_DANA = new ContactId(OTHER_OWNER, "dana");
    static final InterviewId WITH_DANA = new InterviewId(OWNER, "i-dana");
    static final InterviewId SECOND_WITH_DANA = new InterviewId(OWNER, "i-dana-2");
    static final InterviewId WITH_LEE = new InterviewId(OWNER, "i-lee");
    static final Instant NOW = Instant.parse("2026-03-10T12:20:00Z");
    static final Duration NUDGE_AFTER = Duration.ofDays(3);

    @TempDir
    Path dataDir;

    ProjectionHarness harness;
    ReminderScheduleProjection projection;
    DomainTime time;

    @BeforeEach
    void setUp() {
        time = DomainTime.at(NOW);
        harness = startHarness(dataDir);
        projection = new ReminderScheduleProjection(harness.store(), new ReminderProperties(NUDGE_AFTER, null));
    }

    @AfterEach
    void tearDown() {
        harness.close();
        time.close();
    }

    @Test
    void aRequestSchedulesANudgeOnceItWaitedAsLongAsConfigured() {
        Instant requestedAt = NOW.minus(Duration.ofDays(1));
        harness.deliver(projection, 0, requested(WITH_DANA, DANA, requestedAt));

        Instant due = requestedAt.plus(NUDGE_AFTER);
        assertThat(filed()).containsExactly("2026-03-12T12 nudge/user-1/i-dana NUDGE user-1 i-dana " + due);
    }

    @Test
    void anAnswerOrAConfirmedMeetingCancelsTheNudge() {
        harness.deliver(projection, 0, requested(WITH_DANA, DANA, NOW),
                        new ResponseRecorded(WITH_DANA, DANA, Response.NO_RESPONSE, NOW, null, false));
        harness.deliver(projection, 0, requested(WITH_LEE, LEE, NOW),
                        new MeetingConfirmed(WITH_LEE, LEE, NOW.plus(Duration.ofDays(1)), 30, MeetingFormat.VIDEO,
                                             null, "UTC"));

        assertThat(filed()).isEmpty();
    }

    @Test
    void aNudgeThatFellDueLeavesTheSchedule() {
        harness.deliver(projection, 0, requested(WITH_DANA, DANA, NOW.minus(NUDGE_AFTER)),
                        new NudgeBecameDue(WITH_DANA, DANA, NOW.minus(NUDGE_AFTER), NOW));

        assertThat(filed()).isEmpty();
    }

    @Test
    void firstNotesScheduleTheThanksAWeekAfterTheMeeting() {
        Instant heldAt = NOW.minus(Duration.ofDays(2));
        harness.deliver(projection, 0, requested(WITH_DANA, DANA, NOW.minus(Duration.ofDays(9))),
                        confirmed(WITH_DANA, DANA, heldAt), notes(WITH_DANA, DANA, heldAt, false));

        assertThat(filed()).containsExactly("2026-03-15T12 thanks/user-1/i-dana THANKS user-1 i-dana "
                                            + heldAt.plus(Duration.ofDays(7)));
    }

    @Test
    void aBackFilledMeetingWhoseWeekHasPassedIsFiledInTheCurrentHour() {
        Instant heldAt = NOW.minus(Duration.ofDays(8));
        harness.deliver(projection, 0, requested(WITH_DANA, DANA, NOW.minus(Duration.ofDays(9))),
                        confirmed(WITH_DANA, DANA, heldAt), notes(WITH_DANA, DANA, heldAt, false));

        assertThat(filed()).containsExactly("2026-03-10T12 thanks/user-1/i-dana THANKS user-1 i-dana "
                                            + heldAt.plus(Duration.ofDays(7)));
    }

    @Test
    void sentThanksCancelTheReminderAndAmendedNotesDoNotBringItBack() {
        Instant heldAt = NOW.minus(Duration.ofDays(2));
        harness.deliver(projection, 0, requested(WITH_DANA, DANA, NOW.minus(Duration.ofDays(9))),
                        confirmed(WITH_DANA, DANA, heldAt), notes(WITH_DANA, DANA, heldAt, false),
                        new ThanksSent(WITH_DANA, DANA, NOW, Channel.EMAIL, null),
                        notes(WITH_DANA, DANA, heldAt, true));

        assertThat(filed()).isEmpty();
        assertThat(harness.documents(ReminderRows.BUCKETS)).extracting(bucket -> bucket.getList("reminders", Document.class))
                                                           .allSatisfy(list -> assertThat(list).isEmpty());
    }

    @Test
    void overdueThanksLeaveTheSchedule() {
        Instant heldAt = NOW.minus(Duration.ofDays(8));
        harness.deliver(projection, 0, requested(WITH_DANA, DANA, NOW.minus(Duration.ofDays(9))),
                        confirmed(WITH_DANA, DANA, heldAt), notes(WITH_DANA, DANA, heldAt, false),
                        new ThanksBecameOverdue(WITH_DANA, DANA, heldAt.plus(Duration.ofDays(7))));

        assertThat(filed()).isEmpty();
    }

    @Test
    void aCadenceSchedulesTheFollowUpAndATouchMovesIt() {
        Instant firstDue = NOW.plus(Duration.ofDays(10));
        Instant touchedAt = NOW.minus(Duration.ofHours(1));
        Instant nextDue = touchedAt.plus(Duration.ofDays(30));
        harness.deliver(projection, 0, added(DANA), new FollowUpCadenceSet(DANA, 30, firstDue));
        assertThat(filed()).containsExactly("2026-03-20T12 follow-up/user-1/dana FOLLOW_UP user-1 dana " + firstDue);

        harness.deliver(projection, 2, new TouchLogged(DANA, touchedAt, Channel.PHONE, null, null, touchedAt, nextDue));

        assertThat(filed()).containsExactly("2026-04-09T11 follow-up/user-1/dana FOLLOW_UP user-1 dana " + nextDue);
    }

    @Test
    void aTouchWithoutACadenceOrAStoppedCadenceCancelsTheFollowUp() {
        harness.deliver(projection, 0, added(DANA), new FollowUpCadenceSet(DANA, 30, NOW.plus(Duration.ofDays(10))),
                        new FollowUpCadenceSet(DANA, null, null));

        assertThat(filed()).isEmpty();
    }

    @Test
    void aFollowUpThatFellDueOrAContactMergedAwayLeavesTheSchedule() {
        harness.deliver(projection, 0, added(DANA), new FollowUpCadenceSet(DANA, 30, NOW),
                        new FollowUpBecameDue(DANA, NOW));
        harness.deliver(projection, 0, added(LEE), new FollowUpCadenceSet(LEE, 30, NOW.plus(Duration.ofDays(3))),
                        new ContactMergedInto(LEE, DANA));

        assertThat(filed()).isEmpty();
    }

    @Test
    void aRedeliveredOlderEventDoesNotMoveTheReminderBack() {
        Instant firstDue = NOW.plus(Duration.ofDays(10));
        Instant nextDue = NOW.plus(Duration.ofDays(30));
        harness.deliver(projection, 0, added(DANA), new FollowUpCadenceSet(DANA, 30, firstDue),
                        new TouchLogged(DANA, NOW, Channel.PHONE, null, null, NOW, nextDue));

        harness.deliver(projection, 1, new FollowUpCadenceSet(DANA, 30, firstDue));

        assertThat(filed()).containsExactly("2026-04-09T12 follow-up/user-1/dana FOLLOW_UP user-1 dana " + nextDue);
    }

    @Test
    void forgettingAContactRemovesEveryReminderAboutThemAndKeepsLateOnesOut() {
        Instant heldAt = NOW.minus(Duration.ofDays(2));
        harness.deliver(projection, 0, added(DANA), new FollowUpCadenceSet(DANA, 30, NOW.plus(Duration.ofDays(10))));
        harness.deliver(projection, 0, requested(WITH_DANA, DANA, NOW.minus(Duration.ofDays(9))),
                        confirmed(WITH_DANA, DANA, heldAt), notes(WITH_DANA, DANA, heldAt, false));
        harness.deliver(projection, 0, requested(SECOND_WITH_DANA, DANA, NOW));
        harness.deliver(projection, 0, requested(WITH_LEE, LEE, NOW));
        harness.deliver(projection, 0, added(OTHERS_DANA), new FollowUpCadenceSet(OTHERS_DANA, 30, NOW));

        harness.deliver(projection, 2, new ContactForgotten(OWNER, DANA, NOW));
        harness.deliver(projection, 1, new ResponseRecorded(SECOND_WITH_DANA, DANA, Response.ACCEPTED, NOW, null, false));
        harness.deliver(projection, 3, new TouchLogged(DANA, NOW, Channel.PHONE, null, null, NOW, NOW.plus(Duration.ofDays(30))));

        assertThat(filed()).containsExactlyInAnyOrder(
                "2026-03-13T12 nudge/user-1/i-lee NUDGE user-1 i-lee " + NOW.plus(NUDGE_AFTER),
                "2026-03-10T12 follow-up/user-2/dana FOLLOW_UP user-2 dana " + NOW);
        assertThat(harness.documents(ReminderRows.KEYS)).extracting(key -> key.getString("_id"))
                                                        .containsExactlyInAnyOrder("nudge/user-1/i-lee",
                                                                                   "follow-up/user-2/dana");
    }

    @Test
    void aRebuildFilesTheSameSchedule() {
        Instant heldAt = NOW.minus(Duration.ofDays(2));
        List<Runnable> history = List.of(
                () -> harness.deliver(projection, 0, added(DANA), new FollowUpCadenceSet(DANA, 30, NOW.plus(Duration.ofDays(10)))),
                () -> harness.deliver(projection, 0, requested(WITH_DANA, DANA, NOW.minus(Duration.ofDays(9))),
                                      confirmed(WITH_DANA, DANA, heldAt), notes(WITH_DANA, DANA, heldAt, false)),
                () -> harness.deliver(projection, 0, requested(WITH_LEE, LEE, NOW)));
        history.forEach(Runnable::run);
        List<Document> buckets = harness.documents(ReminderRows.BUCKETS);
        List<Document> keys = harness.documents(ReminderRows.KEYS);

        projection.onReset();
        assertThat(filed()).isEmpty();
        history.forEach(Runnable::run);

        assertThat(harness.documents(ReminderRows.BUCKETS)).isEqualTo(buckets);
        assertThat(harness.documents(ReminderRows.KEYS)).isEqualTo(keys);
    }

    // ---------------------------------------------------------------- helpers

    /** Every filed reminder as "bucket key kind owner aggregate dueAt". */
    private List<String> filed() {
        List<String> filed = new ArrayList<>();
        for (Document bucket : harness.documents(ReminderRows.BUCKETS)) {
            for (DueReminder reminder : ReminderRows.reminders(bucket)) {
                filed.add(bucket.getString("_id") + " " + reminder.key() + " " + reminder.kind() + " "
                          + reminder.owner().value() + " " + reminder.aggregate() + " " + reminder.dueAt());
            }
        }
        return filed;
    }

    static ContactAdded added(ContactId id) {
        return new ContactAdded(id, "Dana", null, null, null, null, null, List.of(), List.of(), null,
                                ContactSource.OTHER, null, List.of(), null, false, NOW.minus(Duration.ofDays(60)));
    }

    static InterviewRequested requested(InterviewId id, ContactId contact, Instant at) {
        return new InterviewRequested(id, contact, Channel.EMAIL, 20, null, null, false, null, at);
    }

    static MeetingConfirmed confirmed(InterviewId id, ContactId contact, Instant startsAt) {
        return new MeetingConfirmed(id, contact, startsAt, 30, MeetingFormat.VIDEO, null, "UTC");
    }

    static NotesRecorded notes(InterviewId id, ContactId contact, Instant heldAt, boolean amended) {
        return new NotesRecorded(id, contact, heldAt, "notes", List.of(), null, null, heldAt.plus(Duration.ofDays(7)),
                                 amended);
    }

    /** How the events reach the projection: one at a time here, as batches of a processor in a subclass. */
    ProjectionHarness startHarness(Path dataDirectory) {
        return ProjectionHarness.start(dataDirectory);
    }
}
