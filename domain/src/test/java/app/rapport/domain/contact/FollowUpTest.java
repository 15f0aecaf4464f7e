package app.rapport.domain.contact;

import app.rapport.domain.shared.InterviewId;
import app.rapport.domain.shared.InvalidInput;
import app.rapport.domain.shared.NotFound;
import app.rapport.domain.testing.FakeContactDirectory;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;

import static app.rapport.domain.testing.Refusals.refused;
import static app.rapport.domain.testing.Samples.BOB;
import static app.rapport.domain.testing.Samples.GRACE;
import static app.rapport.domain.testing.Samples.INTERVIEW;
import static app.rapport.domain.testing.Samples.NOW;
import static app.rapport.domain.testing.Samples.daysAgo;
import static app.rapport.domain.testing.Samples.daysAhead;
import static app.rapport.domain.testing.Samples.graceAdded;

class FollowUpTest {

    private AggregateTestFixture<Contact> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Contact.class);
        fixture.registerInjectableResource(new FakeContactDirectory());
    }

    @Test
    void aLoggedTouchResetsTheFollowUpClock() {
        fixture.given(graceAdded(daysAgo(90)),
                      new FollowUpCadenceSet(GRACE, 30, daysAgo(60)))
               .andGivenCurrentTime(NOW)
               .when(new LogTouch(GRACE, daysAgo(2), Channel.EMAIL, "Sent her the article we discussed", null))
               .expectEvents(new TouchLogged(GRACE, daysAgo(2), Channel.EMAIL, "Sent her the article we discussed",
                                             null, daysAgo(2), daysAhead(28)));
    }

    @Test
    void aTouchWithoutACadenceHasNoNextDueDate() {
        fixture.given(graceAdded(daysAgo(90)))
               .andGivenCurrentTime(NOW)
               .when(new LogTouch(GRACE, NOW, Channel.PHONE, null, null))
               .expectEvents(new TouchLogged(GRACE, NOW, Channel.PHONE, null, null, NOW, null));
    }

    @Test
    void aHeldMeetingResetsTheClock() {
        fixture.given(graceAdded(daysAgo(90)),
                      new FollowUpCadenceSet(GRACE, 60, daysAgo(30)))
               .andGivenCurrentTime(NOW)
               .when(new LogTouch(GRACE, daysAgo(1), Channel.VIDEO, null, INTERVIEW))
               .expectEvents(new TouchLogged(GRACE, daysAgo(1), Channel.VIDEO, null, INTERVIEW, daysAgo(1),
                                             daysAhead(59)));
    }

    @Test
    void aHeldMeetingCountsAsOneTouchHoweverOftenItIsReported() {
        fixture.given(graceAdded(daysAgo(90)),
                      new TouchLogged(GRACE, daysAgo(1), Channel.VIDEO, null, INTERVIEW, daysAgo(1), null))
               .andGivenCurrentTime(NOW)
               .when(new LogTouch(GRACE, daysAgo(1), Channel.VIDEO, null, INTERVIEW))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @Test
    void aBackFilledTouchOlderThanTheLastDoesNotMoveTheClockBack() {
        fixture.given(graceAdded(daysAgo(90)),
                      new FollowUpCadenceSet(GRACE, 30, daysAgo(60)),
                      new TouchLogged(GRACE, daysAgo(5), Channel.EMAIL, null, null, daysAgo(5), daysAhead(25)))
               .andGivenCurrentTime(NOW)
               .when(new LogTouch(GRACE, daysAgo(80), Channel.IN_PERSON, "Met at the fair", null))
               .expectEvents(new TouchLogged(GRACE, daysAgo(80), Channel.IN_PERSON, "Met at the fair", null,
                                             daysAgo(5), daysAhead(25)));
    }

    @Test
    void aTouchCannotLieInTheFuture() {
        fixture.given(graceAdded(daysAgo(90)))
               .andGivenCurrentTime(NOW)
               .when(new LogTouch(GRACE, daysAhead(1), Channel.EMAIL, null, null))
               .expectException(refused(InvalidInput.class, "at"));
    }

    @Test
    void aTouchAFewMinutesAheadOfTheServerClockIsClockSkewNotTheFuture() {
        fixture.given(graceAdded(daysAgo(90)))
               .andGivenCurrentTime(NOW)
               .when(new LogTouch(GRACE, NOW.plus(Duration.ofMinutes(2)), Channel.EMAIL, null, null))
               .expectSuccessfulHandlerExecution();
    }

    @Test
    void aTouchSaysWhenAndHowItHappened() {
        fixture.given(graceAdded(daysAgo(90)))
               .andGivenCurrentTime(NOW)
               .when(new LogTouch(GRACE, NOW, null, null, null))
               .expectException(refused(InvalidInput.class, "channel"));
        fixture.given(graceAdded(daysAgo(90)))
               .when(new LogTouch(GRACE, null, Channel.EMAIL, null, null))
               .expectException(refused(InvalidInput.class, "at"));
    }

    @Test
    void aTouchCannotNameAnotherOwnersInterview() {
        fixture.given(graceAdded(daysAgo(90)))
               .andGivenCurrentTime(NOW)
               .when(new LogTouch(GRACE, NOW, Channel.VIDEO, null, new InterviewId(BOB, "i-1")))
               .expectException(refused(NotFound.class, "interviewId"));
    }

    @Test
    void cadenceSetsTheNextDueDateFromTheLastTouch() {
        fixture.given(graceAdded(daysAgo(90)),
                      new TouchLogged(GRACE, daysAgo(10), Channel.EMAIL, null, null, daysAgo(10), null))
               .when(new SetFollowUpCadence(GRACE, 14))
               .expectEvents(new FollowUpCadenceSet(GRACE, 14, daysAhead(4)));
    }

    @Test
    void withoutAnyTouchTheCadenceCountsFromWhenTheContactWasAdded() {
        fixture.given(graceAdded(daysAgo(90)))
               .when(new SetFollowUpCadence(GRACE, 30))
               .expectEvents(new FollowUpCadenceSet(GRACE, 30, daysAgo(60)));
    }

    @Test
    void stoppingTheCadenceClearsTheNextDueDate() {
        fixture.given(graceAdded(daysAgo(90)), new FollowUpCadenceSet(GRACE, 30, daysAgo(60)))
               .when(new SetFollowUpCadence(GRACE, null))
               .expectEvents(new FollowUpCadenceSet(GRACE, null, null));
    }

    @Test
    void settingTheSameCadenceAgainRecordsNothing() {
        fixture.given(graceAdded(daysAgo(90)), new FollowUpCadenceSet(GRACE, 30, daysAgo(60)))
               .when(new SetFollowUpCadence(GRACE, 30))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -7, 366})
    void theCadenceIsBetweenOneDayAndAYear(int everyDays) {
        fixture.given(graceAdded(daysAgo(90)))
               .when(new SetFollowUpCadence(GRACE, everyDays))
               .expectException(refused(InvalidInput.class, "everyDays"))
               .expectExceptionMessage("everyDays must be between 1 and 365, was " + everyDays);
    }
}
