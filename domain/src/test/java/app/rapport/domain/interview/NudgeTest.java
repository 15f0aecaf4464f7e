package app.rapport.domain.interview;

import app.rapport.domain.shared.InvalidInput;
import app.rapport.domain.shared.NotFound;
import app.rapport.domain.testing.FakeContactDirectory;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static app.rapport.domain.interview.InterviewSamples.answered;
import static app.rapport.domain.interview.InterviewSamples.confirmed;
import static app.rapport.domain.interview.InterviewSamples.requested;
import static app.rapport.domain.testing.Refusals.refused;
import static app.rapport.domain.testing.Samples.GRACE;
import static app.rapport.domain.testing.Samples.INTERVIEW;
import static app.rapport.domain.testing.Samples.NOW;
import static app.rapport.domain.testing.Samples.daysAgo;
import static app.rapport.domain.testing.Samples.daysAhead;

/** A request left unanswered long enough calls for a polite nudge: once, and only while nobody answered. */
class NudgeTest {

    private AggregateTestFixture<InformationalInterview> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(InformationalInterview.class);
        fixture.registerInjectableResource(new FakeContactDirectory().knows(GRACE));
    }

    @Test
    void aNudgeBecomesDueWhenARequestWaitedLongEnough() {
        fixture.given(requested(daysAgo(8)))
               .andGivenCurrentTime(NOW)
               .when(new MarkNudgeDue(INTERVIEW, daysAgo(1)))
               .expectEvents(new NudgeBecameDue(INTERVIEW, GRACE, daysAgo(8), daysAgo(1)));
    }

    @Test
    void aNudgeIsNotDueBeforeItsTime() {
        fixture.given(requested(daysAgo(6)))
               .andGivenCurrentTime(NOW)
               .when(new MarkNudgeDue(INTERVIEW, daysAhead(1)))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @Test
    void aRequestIsNudgedOnceHoweverOftenTheReminderFires() {
        fixture.given(requested(daysAgo(8)), new NudgeBecameDue(INTERVIEW, GRACE, daysAgo(8), daysAgo(1)))
               .andGivenCurrentTime(NOW)
               .when(new MarkNudgeDue(INTERVIEW, daysAgo(1)))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @Test
    void anAnsweredRequestNeedsNoNudge() {
        for (Response response : Response.values()) {
            fixture.given(requested(daysAgo(8)), answered(response, daysAgo(3)))
                   .andGivenCurrentTime(NOW)
                   .when(new MarkNudgeDue(INTERVIEW, daysAgo(1)))
                   .expectSuccessfulHandlerExecution()
                   .expectNoEvents();
        }
    }

    @Test
    void aConfirmedMeetingNeedsNoNudge() {
        fixture.given(requested(daysAgo(8)), answered(Response.ACCEPTED, daysAgo(7)), confirmed(daysAhead(2)))
               .andGivenCurrentTime(NOW)
               .when(new MarkNudgeDue(INTERVIEW, daysAgo(1)))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @Test
    void aNudgeCannotFallDueBeforeTheRequest() {
        fixture.given(requested(daysAgo(8)))
               .andGivenCurrentTime(NOW)
               .when(new MarkNudgeDue(INTERVIEW, daysAgo(9)))
               .expectException(refused(InvalidInput.class, "dueAt"));
    }

    @Test
    void noNudgeForAForgottenContact() {
        AggregateTestFixture<InformationalInterview> forgotten = new AggregateTestFixture<>(InformationalInterview.class);
        forgotten.registerInjectableResource(new FakeContactDirectory().forgets(GRACE));
        forgotten.given(requested(daysAgo(8)))
                 .andGivenCurrentTime(NOW)
                 .when(new MarkNudgeDue(INTERVIEW, daysAgo(1)))
                 .expectException(refused(NotFound.class, "interviewId"))
                 .expectNoEvents();
    }
}
