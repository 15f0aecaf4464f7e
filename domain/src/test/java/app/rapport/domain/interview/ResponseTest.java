package app.rapport.domain.interview;

import app.rapport.domain.shared.Conflict;
import app.rapport.domain.shared.InvalidInput;
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

class ResponseTest {

    private AggregateTestFixture<InformationalInterview> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(InformationalInterview.class);
        fixture.registerInjectableResource(new FakeContactDirectory().knows(GRACE));
    }

    @Test
    void recordingAnAcceptanceWithANote() {
        fixture.given(requested(daysAgo(5)))
               .andGivenCurrentTime(NOW)
               .when(new RecordResponse(INTERVIEW, Response.ACCEPTED, daysAgo(3), " Happy to talk next week "))
               .expectEvents(new ResponseRecorded(INTERVIEW, GRACE, Response.ACCEPTED, daysAgo(3),
                                                  "Happy to talk next week", false));
    }

    @Test
    void aResponseWithoutATimeIsRecordedAsOfNow() {
        fixture.given(requested(daysAgo(5)))
               .andGivenCurrentTime(NOW)
               .when(new RecordResponse(INTERVIEW, Response.DECLINED, null, null))
               .expectEvents(new ResponseRecorded(INTERVIEW, GRACE, Response.DECLINED, NOW, null, false));
    }

    @Test
    void aResponseCannotPrecedeTheRequest() {
        fixture.given(requested(daysAgo(5)))
               .andGivenCurrentTime(NOW)
               .when(new RecordResponse(INTERVIEW, Response.ACCEPTED, daysAgo(6), null))
               .expectException(refused(InvalidInput.class, "at"));
    }

    @Test
    void aResponseCannotLieInTheFuture() {
        fixture.given(requested(daysAgo(5)))
               .andGivenCurrentTime(NOW)
               .when(new RecordResponse(INTERVIEW, Response.ACCEPTED, daysAhead(1), null))
               .expectException(refused(InvalidInput.class, "at"));
    }

    @Test
    void aResponseNeedsAnAnswer() {
        fixture.given(requested(daysAgo(5)))
               .andGivenCurrentTime(NOW)
               .when(new RecordResponse(INTERVIEW, null, null, null))
               .expectException(refused(InvalidInput.class, "response"));
    }

    @Test
    void anAcceptanceMayFollowANudgeAfterNoResponse() {
        fixture.given(requested(daysAgo(20)), answered(Response.NO_RESPONSE, daysAgo(10)))
               .andGivenCurrentTime(NOW)
               .when(new RecordResponse(INTERVIEW, Response.ACCEPTED, daysAgo(2), null))
               .expectEvents(new ResponseRecorded(INTERVIEW, GRACE, Response.ACCEPTED, daysAgo(2), null, false));
    }

    @Test
    void responsesAreRecordedInTheOrderTheyCame() {
        fixture.given(requested(daysAgo(20)), answered(Response.NO_RESPONSE, daysAgo(10)))
               .andGivenCurrentTime(NOW)
               .when(new RecordResponse(INTERVIEW, Response.ACCEPTED, daysAgo(12), null))
               .expectException(refused(InvalidInput.class, "at"));
    }

    @Test
    void someoneWhoAcceptedMayStillDeclineBeforeAMeetingIsSet() {
        fixture.given(requested(daysAgo(5)), answered(Response.ACCEPTED, daysAgo(4)))
               .andGivenCurrentTime(NOW)
               .when(new RecordResponse(INTERVIEW, Response.DECLINED, daysAgo(1), "Too busy after all"))
               .expectEvents(new ResponseRecorded(INTERVIEW, GRACE, Response.DECLINED, daysAgo(1),
                                                  "Too busy after all", false));
    }

    @Test
    void acceptingTwiceRecordsNothing() {
        fixture.given(requested(daysAgo(5)), answered(Response.ACCEPTED, daysAgo(4)))
               .andGivenCurrentTime(NOW)
               .when(new RecordResponse(INTERVIEW, Response.ACCEPTED, null, null))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @Test
    void anAcceptanceCannotTurnIntoNoResponse() {
        fixture.given(requested(daysAgo(5)), answered(Response.ACCEPTED, daysAgo(4)))
               .andGivenCurrentTime(NOW)
               .when(new RecordResponse(INTERVIEW, Response.NO_RESPONSE, null, null))
               .expectException(refused(Conflict.class, "response"));
    }

    @Test
    void aDeclineIsFinal() {
        fixture.given(requested(daysAgo(5)), answered(Response.DECLINED, daysAgo(4)))
               .andGivenCurrentTime(NOW)
               .when(new RecordResponse(INTERVIEW, Response.ACCEPTED, null, null))
               .expectException(refused(Conflict.class, "response"));
    }

    @Test
    void onceAMeetingIsSetTheAnswerIsNoLongerOpen() {
        fixture.given(requested(daysAgo(5)), answered(Response.ACCEPTED, daysAgo(4)), confirmed(daysAhead(3)))
               .andGivenCurrentTime(NOW)
               .when(new RecordResponse(INTERVIEW, Response.DECLINED, null, null))
               .expectException(refused(Conflict.class, "response"));
    }
}
