package app.rapport.domain.interview;

import app.rapport.domain.shared.Conflict;
import app.rapport.domain.shared.InvalidInput;
import app.rapport.domain.testing.FakeContactDirectory;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;

import static app.rapport.domain.interview.InterviewSamples.LOCATION;
import static app.rapport.domain.interview.InterviewSamples.TIME_ZONE;
import static app.rapport.domain.interview.InterviewSamples.answered;
import static app.rapport.domain.interview.InterviewSamples.confirmed;
import static app.rapport.domain.interview.InterviewSamples.notes;
import static app.rapport.domain.interview.InterviewSamples.requested;
import static app.rapport.domain.testing.Refusals.refused;
import static app.rapport.domain.testing.Samples.GRACE;
import static app.rapport.domain.testing.Samples.INTERVIEW;
import static app.rapport.domain.testing.Samples.NOW;
import static app.rapport.domain.testing.Samples.daysAgo;
import static app.rapport.domain.testing.Samples.daysAhead;

class MeetingTest {

    private AggregateTestFixture<InformationalInterview> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(InformationalInterview.class);
        fixture.registerInjectableResource(new FakeContactDirectory().knows(GRACE));
    }

    @Test
    void confirmingAnAcceptedRequestSchedulesTheMeeting() {
        fixture.given(requested(daysAgo(5)), answered(Response.ACCEPTED, daysAgo(4)))
               .andGivenCurrentTime(NOW)
               .when(new ConfirmMeeting(INTERVIEW, daysAhead(3), 30, MeetingFormat.VIDEO, LOCATION, TIME_ZONE))
               .expectEvents(new MeetingConfirmed(INTERVIEW, GRACE, daysAhead(3), 30, MeetingFormat.VIDEO, LOCATION,
                                                  TIME_ZONE));
    }

    @Test
    void confirmingWithoutAResponseImpliesAcceptance() {
        fixture.given(requested(daysAgo(5)))
               .andGivenCurrentTime(NOW)
               .when(new ConfirmMeeting(INTERVIEW, daysAhead(3), 20, MeetingFormat.PHONE, null, "Europe/Berlin"))
               .expectEvents(new ResponseRecorded(INTERVIEW, GRACE, Response.ACCEPTED, NOW, null, true),
                             new MeetingConfirmed(INTERVIEW, GRACE, daysAhead(3), 20, MeetingFormat.PHONE, null,
                                                  "Europe/Berlin"));
    }

    @Test
    void confirmingAfterNoResponseImpliesAcceptanceToo() {
        fixture.given(requested(daysAgo(20)), answered(Response.NO_RESPONSE, daysAgo(10)))
               .andGivenCurrentTime(NOW)
               .when(new ConfirmMeeting(INTERVIEW, daysAhead(3), 20, MeetingFormat.PHONE, null, "UTC"))
               .expectEvents(new ResponseRecorded(INTERVIEW, GRACE, Response.ACCEPTED, NOW, null, true),
                             new MeetingConfirmed(INTERVIEW, GRACE, daysAhead(3), 20, MeetingFormat.PHONE, null, "UTC"));
    }

    @Test
    void theImpliedAcceptanceOfAPastMeetingIsDatedNoLaterThanTheMeeting() {
        fixture.given(requested(daysAgo(30)))
               .andGivenCurrentTime(NOW)
               .when(new ConfirmMeeting(INTERVIEW, daysAgo(20), 30, MeetingFormat.IN_PERSON, "Her office", TIME_ZONE))
               .expectEvents(new ResponseRecorded(INTERVIEW, GRACE, Response.ACCEPTED, daysAgo(20), null, true),
                             new MeetingConfirmed(INTERVIEW, GRACE, daysAgo(20), 30, MeetingFormat.IN_PERSON,
                                                  "Her office", TIME_ZONE));
    }

    @Test
    void noMeetingAfterADecline() {
        fixture.given(requested(daysAgo(5)), answered(Response.DECLINED, daysAgo(4)))
               .andGivenCurrentTime(NOW)
               .when(new ConfirmMeeting(INTERVIEW, daysAhead(3), 30, MeetingFormat.VIDEO, null, TIME_ZONE))
               .expectException(refused(Conflict.class, null))
               .expectNoEvents();
    }

    @Test
    void noMeetingAfterACancellation() {
        fixture.given(requested(daysAgo(5)), answered(Response.ACCEPTED, daysAgo(4)), confirmed(daysAhead(3)),
                      new MeetingCancelled(INTERVIEW, GRACE, "Travelling", "Grace"))
               .andGivenCurrentTime(NOW)
               .when(new ConfirmMeeting(INTERVIEW, daysAhead(9), 30, MeetingFormat.VIDEO, null, TIME_ZONE))
               .expectException(refused(Conflict.class, null))
               .expectNoEvents();
    }

    @Test
    void aScheduledMeetingIsRescheduledNotConfirmedAgain() {
        fixture.given(requested(daysAgo(5)), confirmed(daysAhead(3)))
               .andGivenCurrentTime(NOW)
               .when(new ConfirmMeeting(INTERVIEW, daysAhead(9), 30, MeetingFormat.VIDEO, null, TIME_ZONE))
               .expectException(refused(Conflict.class, null));
    }

    @Test
    void aHeldMeetingCannotBeConfirmedAgain() {
        fixture.given(requested(daysAgo(5)), confirmed(daysAgo(3)), notes(daysAgo(3)))
               .andGivenCurrentTime(NOW)
               .when(new ConfirmMeeting(INTERVIEW, daysAhead(9), 30, MeetingFormat.VIDEO, null, TIME_ZONE))
               .expectException(refused(Conflict.class, null));
    }

    @ParameterizedTest
    @ValueSource(ints = {4, 61, 120})
    void aConversationLastsFiveToSixtyMinutes(int minutes) {
        fixture.given(requested(daysAgo(5)))
               .andGivenCurrentTime(NOW)
               .when(new ConfirmMeeting(INTERVIEW, daysAhead(3), minutes, MeetingFormat.IN_PERSON, null, TIME_ZONE))
               .expectException(refused(InvalidInput.class, "durationMinutes"))
               .expectExceptionMessage("durationMinutes must be between 5 and 60 for IN_PERSON (only an observational"
                                       + " visit may last up to 480), was " + minutes);
    }

    @Test
    void anObservationalVisitMayLastUpToEightHours() {
        fixture.given(requested(daysAgo(5)), answered(Response.ACCEPTED, daysAgo(4)))
               .andGivenCurrentTime(NOW)
               .when(new ConfirmMeeting(INTERVIEW, daysAhead(3), 480, MeetingFormat.OBSERVATIONAL_VISIT, "The lab", TIME_ZONE))
               .expectEvents(new MeetingConfirmed(INTERVIEW, GRACE, daysAhead(3), 480, MeetingFormat.OBSERVATIONAL_VISIT,
                                                  "The lab", TIME_ZONE));
    }

    @Test
    void anObservationalVisitLastsNoLongerThanEightHours() {
        fixture.given(requested(daysAgo(5)))
               .andGivenCurrentTime(NOW)
               .when(new ConfirmMeeting(INTERVIEW, daysAhead(3), 481, MeetingFormat.OBSERVATIONAL_VISIT, null, TIME_ZONE))
               .expectException(refused(InvalidInput.class, "durationMinutes"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Mars/Olympus_Mons", "EST-ish", "+25:00", " "})
    void theTimeZoneIsARealTimeZone(String zone) {
        fixture.given(requested(daysAgo(5)))
               .andGivenCurrentTime(NOW)
               .when(new ConfirmMeeting(INTERVIEW, daysAhead(3), 30, MeetingFormat.VIDEO, null, zone))
               .expectException(refused(InvalidInput.class, "timeZone"));
    }

    @Test
    void aMeetingHasAFormatAndAStart() {
        fixture.given(requested(daysAgo(5)))
               .andGivenCurrentTime(NOW)
               .when(new ConfirmMeeting(INTERVIEW, daysAhead(3), 30, null, null, TIME_ZONE))
               .expectException(refused(InvalidInput.class, "format"));
        fixture.given(requested(daysAgo(5)))
               .andGivenCurrentTime(NOW)
               .when(new ConfirmMeeting(INTERVIEW, null, 30, MeetingFormat.VIDEO, null, TIME_ZONE))
               .expectException(refused(InvalidInput.class, "startsAt"));
    }

    @Test
    void aMeetingCannotStartBeforeItWasRequested() {
        fixture.given(requested(daysAgo(5)))
               .andGivenCurrentTime(NOW)
               .when(new ConfirmMeeting(INTERVIEW, daysAgo(6), 30, MeetingFormat.VIDEO, null, TIME_ZONE))
               .expectException(refused(InvalidInput.class, "startsAt"));
    }

    @Test
    void reschedulingMovesTheMeetingAndKeepsWhatIsNotGiven() {
        fixture.given(requested(daysAgo(5)), confirmed(daysAhead(3)))
               .andGivenCurrentTime(NOW)
               .when(new RescheduleMeeting(INTERVIEW, daysAhead(5), null, null, "She is travelling"))
               .expectEvents(new MeetingRescheduled(INTERVIEW, GRACE, daysAhead(3), daysAhead(5), 30, LOCATION,
                                                    "She is travelling"));
    }

    @Test
    void reschedulingMayChangeTheLengthAndClearThePlace() {
        fixture.given(requested(daysAgo(5)), confirmed(daysAhead(3)))
               .andGivenCurrentTime(NOW)
               .when(new RescheduleMeeting(INTERVIEW, daysAhead(3), 45, " ", null))
               .expectEvents(new MeetingRescheduled(INTERVIEW, GRACE, daysAhead(3), daysAhead(3), 45, null, null));
    }

    @Test
    void reschedulingToTheSameSlotRecordsNothing() {
        fixture.given(requested(daysAgo(5)), confirmed(daysAhead(3)))
               .andGivenCurrentTime(NOW)
               .when(new RescheduleMeeting(INTERVIEW, daysAhead(3), 30, LOCATION, null))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @Test
    void onlyAScheduledMeetingCanBeRescheduled() {
        fixture.given(requested(daysAgo(5)), answered(Response.ACCEPTED, daysAgo(4)))
               .andGivenCurrentTime(NOW)
               .when(new RescheduleMeeting(INTERVIEW, daysAhead(5), null, null, null))
               .expectException(refused(Conflict.class, null));
    }

    @Test
    void aRescheduledMeetingKeepsItsLengthLimit() {
        fixture.given(requested(daysAgo(5)), confirmed(daysAhead(3)))
               .andGivenCurrentTime(NOW)
               .when(new RescheduleMeeting(INTERVIEW, daysAhead(5), 90, null, null))
               .expectException(refused(InvalidInput.class, "durationMinutes"));
    }

    @Test
    void cancellingAScheduledMeeting() {
        fixture.given(requested(daysAgo(5)), confirmed(daysAhead(3)))
               .andGivenCurrentTime(NOW)
               .when(new CancelMeeting(INTERVIEW, "Her schedule changed", "Grace"))
               .expectEvents(new MeetingCancelled(INTERVIEW, GRACE, "Her schedule changed", "Grace"));
    }

    @Test
    void anAcceptedRequestMayBeCalledOffBeforeAMeetingIsSet() {
        fixture.given(requested(daysAgo(5)), answered(Response.ACCEPTED, daysAgo(4)))
               .andGivenCurrentTime(NOW)
               .when(new CancelMeeting(INTERVIEW, null, null))
               .expectEvents(new MeetingCancelled(INTERVIEW, GRACE, null, null));
    }

    @Test
    void thereIsNothingToCancelBeforeAnAcceptance() {
        fixture.given(requested(daysAgo(5)))
               .andGivenCurrentTime(NOW)
               .when(new CancelMeeting(INTERVIEW, null, null))
               .expectException(refused(Conflict.class, null));
    }

    @Test
    void aMeetingThatTookPlaceCannotBeCancelled() {
        fixture.given(requested(daysAgo(5)), confirmed(daysAgo(2)), notes(daysAgo(2).plus(Duration.ofMinutes(30))))
               .andGivenCurrentTime(NOW)
               .when(new CancelMeeting(INTERVIEW, null, null))
               .expectException(refused(Conflict.class, null));
    }
}
