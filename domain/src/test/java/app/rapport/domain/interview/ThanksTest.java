package app.rapport.domain.interview;

import app.rapport.domain.contact.Channel;
import app.rapport.domain.shared.Conflict;
import app.rapport.domain.shared.InvalidInput;
import app.rapport.domain.shared.NotFound;
import app.rapport.domain.testing.FakeContactDirectory;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static app.rapport.domain.interview.InterviewSamples.confirmed;
import static app.rapport.domain.interview.InterviewSamples.notes;
import static app.rapport.domain.interview.InterviewSamples.requested;
import static app.rapport.domain.interview.InterviewSamples.notesAmended;
import static app.rapport.domain.interview.InterviewSamples.thanked;
import static app.rapport.domain.testing.Refusals.refused;
import static app.rapport.domain.testing.Samples.GRACE;
import static app.rapport.domain.testing.Samples.INTERVIEW;
import static app.rapport.domain.testing.Samples.NOW;
import static app.rapport.domain.testing.Samples.daysAgo;
import static app.rapport.domain.testing.Samples.daysAhead;

class ThanksTest {

    private AggregateTestFixture<InformationalInterview> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(InformationalInterview.class);
        fixture.registerInjectableResource(new FakeContactDirectory().knows(GRACE));
    }

    @Test
    void sendingThanksAfterTheMeeting() {
        fixture.given(requested(daysAgo(10)), confirmed(daysAgo(3)), notes(daysAgo(3)))
               .andGivenCurrentTime(NOW)
               .when(new SendThanks(INTERVIEW, daysAgo(2), Channel.LETTER, " Thank you for the advice on COBOL. "))
               .expectEvents(new ThanksSent(INTERVIEW, GRACE, daysAgo(2), Channel.LETTER,
                                            "Thank you for the advice on COBOL."));
    }

    @Test
    void lateThanksAreStillThanks() {
        fixture.given(requested(daysAgo(30)), confirmed(daysAgo(20)), notes(daysAgo(20)))
               .andGivenCurrentTime(NOW)
               .when(new SendThanks(INTERVIEW, NOW, Channel.EMAIL, null))
               .expectEvents(new ThanksSent(INTERVIEW, GRACE, NOW, Channel.EMAIL, null));
    }

    @Test
    void thanksOnlyAfterNotes() {
        fixture.given(requested(daysAgo(10)), confirmed(daysAgo(3)))
               .andGivenCurrentTime(NOW)
               .when(new SendThanks(INTERVIEW, NOW, Channel.EMAIL, null))
               .expectException(refused(Conflict.class, null))
               .expectExceptionMessage("thanks follow the meeting: record its notes first; this interview is SCHEDULED");
    }

    @Test
    void thanksOnlyOnce() {
        fixture.given(requested(daysAgo(10)), confirmed(daysAgo(3)), notes(daysAgo(3)), thanked(daysAgo(2)))
               .andGivenCurrentTime(NOW)
               .when(new SendThanks(INTERVIEW, NOW, Channel.EMAIL, null))
               .expectException(refused(Conflict.class, null))
               .expectExceptionMessage("thanks were already sent on " + daysAgo(2) + "; once is enough");
    }

    @Test
    void thanksCannotPrecedeTheMeeting() {
        fixture.given(requested(daysAgo(10)), confirmed(daysAgo(3)), notes(daysAgo(3)))
               .andGivenCurrentTime(NOW)
               .when(new SendThanks(INTERVIEW, daysAgo(3).minus(Duration.ofMinutes(1)), Channel.EMAIL, null))
               .expectException(refused(InvalidInput.class, "sentAt"));
    }

    @Test
    void thanksCannotBeSentInTheFuture() {
        fixture.given(requested(daysAgo(10)), confirmed(daysAgo(3)), notes(daysAgo(3)))
               .andGivenCurrentTime(NOW)
               .when(new SendThanks(INTERVIEW, daysAhead(1), Channel.EMAIL, null))
               .expectException(refused(InvalidInput.class, "sentAt"));
    }

    @Test
    void thanksGoThroughAChannel() {
        fixture.given(requested(daysAgo(10)), confirmed(daysAgo(3)), notes(daysAgo(3)))
               .andGivenCurrentTime(NOW)
               .when(new SendThanks(INTERVIEW, NOW, null, null))
               .expectException(refused(InvalidInput.class, "channel"));
    }

    // ------------------------------------------------------------ the week for thanks passes

    @Test
    void thanksBecomeOverdueOnceTheWeekHasPassed() {
        fixture.given(requested(daysAgo(20)), confirmed(daysAgo(8)), notes(daysAgo(8)))
               .andGivenCurrentTime(NOW)
               .when(new MarkThanksOverdue(INTERVIEW))
               .expectEvents(new ThanksBecameOverdue(INTERVIEW, GRACE, daysAgo(1)));
    }

    @Test
    void thanksAreNotOverdueBeforeTheWeekIsOver() {
        fixture.given(requested(daysAgo(20)), confirmed(daysAgo(6)), notes(daysAgo(6)))
               .andGivenCurrentTime(NOW)
               .when(new MarkThanksOverdue(INTERVIEW))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @Test
    void thanksBecomeOverdueTheMomentTheWeekEnds() {
        fixture.given(requested(daysAgo(20)), confirmed(daysAgo(7)), notes(daysAgo(7)))
               .andGivenCurrentTime(NOW)
               .when(new MarkThanksOverdue(INTERVIEW))
               .expectEvents(new ThanksBecameOverdue(INTERVIEW, GRACE, NOW));
    }

    @Test
    void overdueThanksAreRecordedOnceHoweverOftenTheReminderFires() {
        fixture.given(requested(daysAgo(20)), confirmed(daysAgo(8)), notes(daysAgo(8)),
                      new ThanksBecameOverdue(INTERVIEW, GRACE, daysAgo(1)))
               .andGivenCurrentTime(NOW)
               .when(new MarkThanksOverdue(INTERVIEW))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @Test
    void sentThanksAreNeverOverdue() {
        fixture.given(requested(daysAgo(20)), confirmed(daysAgo(8)), notes(daysAgo(8)), thanked(daysAgo(7)))
               .andGivenCurrentTime(NOW)
               .when(new MarkThanksOverdue(INTERVIEW))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @Test
    void amendedNotesKeepTheDeadlineOfTheMeeting() {
        fixture.given(requested(daysAgo(20)), confirmed(daysAgo(8)), notes(daysAgo(8)), notesAmended(daysAgo(8)))
               .andGivenCurrentTime(NOW)
               .when(new MarkThanksOverdue(INTERVIEW))
               .expectEvents(new ThanksBecameOverdue(INTERVIEW, GRACE, daysAgo(1)));
    }

    @Test
    void aMeetingNotYetHeldHasNoThanksToBeOverdue() {
        fixture.given(requested(daysAgo(20)), confirmed(daysAgo(8)))
               .andGivenCurrentTime(NOW)
               .when(new MarkThanksOverdue(INTERVIEW))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @Test
    void lateThanksFollowOverdueThanks() {
        fixture.given(requested(daysAgo(20)), confirmed(daysAgo(8)), notes(daysAgo(8)),
                      new ThanksBecameOverdue(INTERVIEW, GRACE, daysAgo(1)))
               .andGivenCurrentTime(NOW)
               .when(new SendThanks(INTERVIEW, NOW, Channel.EMAIL, null))
               .expectEvents(new ThanksSent(INTERVIEW, GRACE, NOW, Channel.EMAIL, null));
    }

    @Test
    void noThanksReminderForAForgottenInterviewee() {
        AggregateTestFixture<InformationalInterview> forgotten = new AggregateTestFixture<>(InformationalInterview.class);
        forgotten.registerInjectableResource(new FakeContactDirectory().forgets(GRACE));
        forgotten.given(requested(daysAgo(20)), confirmed(daysAgo(8)), notes(daysAgo(8)))
                 .andGivenCurrentTime(NOW)
                 .when(new MarkThanksOverdue(INTERVIEW))
                 .expectException(refused(NotFound.class, "interviewId"))
                 .expectNoEvents();
    }
}
