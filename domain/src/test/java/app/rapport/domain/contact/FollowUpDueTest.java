package app.rapport.domain.contact;

import app.rapport.domain.shared.Conflict;
import app.rapport.domain.shared.NotFound;
import app.rapport.domain.testing.FakeContactDirectory;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static app.rapport.domain.testing.Refusals.refused;
import static app.rapport.domain.testing.Samples.ADA;
import static app.rapport.domain.testing.Samples.GRACE;
import static app.rapport.domain.testing.Samples.NOW;
import static app.rapport.domain.testing.Samples.daysAgo;
import static app.rapport.domain.testing.Samples.daysAhead;
import static app.rapport.domain.testing.Samples.graceAdded;

/** The follow-up date passing without a newer touch makes a follow-up due: once per date, never for an old date. */
class FollowUpDueTest {

    private AggregateTestFixture<Contact> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Contact.class);
        fixture.registerInjectableResource(new FakeContactDirectory().knows(ADA));
    }

    @Test
    void aFollowUpBecomesDueWhenItsDatePassesWithoutATouch() {
        fixture.given(graceAdded(daysAgo(40)), new FollowUpCadenceSet(GRACE, 30, daysAgo(10)))
               .andGivenCurrentTime(NOW)
               .when(new MarkFollowUpDue(GRACE, daysAgo(10)))
               .expectEvents(new FollowUpBecameDue(GRACE, daysAgo(10)));
    }

    @Test
    void aFollowUpIsNotDueBeforeItsDate() {
        fixture.given(graceAdded(daysAgo(20)), new FollowUpCadenceSet(GRACE, 30, daysAhead(10)))
               .andGivenCurrentTime(NOW)
               .when(new MarkFollowUpDue(GRACE, daysAhead(10)))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @Test
    void aFollowUpIsMarkedDueOnceHoweverOftenTheReminderFires() {
        fixture.given(graceAdded(daysAgo(40)), new FollowUpCadenceSet(GRACE, 30, daysAgo(10)),
                      new FollowUpBecameDue(GRACE, daysAgo(10)))
               .andGivenCurrentTime(NOW)
               .when(new MarkFollowUpDue(GRACE, daysAgo(10)))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @Test
    void aTouchMeanwhileMakesTheReminderOutdated() {
        fixture.given(graceAdded(daysAgo(40)), new FollowUpCadenceSet(GRACE, 30, daysAgo(10)),
                      new TouchLogged(GRACE, daysAgo(2), Channel.EMAIL, null, null, daysAgo(2), daysAhead(28)))
               .andGivenCurrentTime(NOW)
               .when(new MarkFollowUpDue(GRACE, daysAgo(10)))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @Test
    void theNextDateFallsDueAgainAfterATouch() {
        fixture.given(graceAdded(daysAgo(90)), new FollowUpCadenceSet(GRACE, 30, daysAgo(60)),
                      new FollowUpBecameDue(GRACE, daysAgo(60)),
                      new TouchLogged(GRACE, daysAgo(40), Channel.EMAIL, null, null, daysAgo(40), daysAgo(10)))
               .andGivenCurrentTime(NOW)
               .when(new MarkFollowUpDue(GRACE, daysAgo(10)))
               .expectEvents(new FollowUpBecameDue(GRACE, daysAgo(10)));
    }

    @Test
    void aStoppedCadenceMakesTheReminderOutdated() {
        fixture.given(graceAdded(daysAgo(40)), new FollowUpCadenceSet(GRACE, 30, daysAgo(10)),
                      new FollowUpCadenceSet(GRACE, null, null))
               .andGivenCurrentTime(NOW)
               .when(new MarkFollowUpDue(GRACE, daysAgo(10)))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @Test
    void aMergeSetsTheDateThatCanFallDue() {
        fixture.given(graceAdded(daysAgo(40)),
                      new ContactsMerged(GRACE, ADA, null, null, null, null, null, null, null, List.of(), List.of(),
                                         List.of(), null, false, 14, daysAgo(20), daysAgo(6)))
               .andGivenCurrentTime(NOW)
               .when(new MarkFollowUpDue(GRACE, daysAgo(6)))
               .expectEvents(new FollowUpBecameDue(GRACE, daysAgo(6)));
    }

    @Test
    void aForgottenContactHasNoFollowUps() {
        fixture.given(graceAdded(daysAgo(40)), new FollowUpCadenceSet(GRACE, 30, daysAgo(10)),
                      new ContactForgotten(GRACE.owner(), GRACE, daysAgo(1)))
               .andGivenCurrentTime(NOW)
               .when(new MarkFollowUpDue(GRACE, daysAgo(10)))
               .expectException(refused(NotFound.class, "contactId"))
               .expectNoEvents();
    }

    @Test
    void aMergedAwayContactPointsToItsSurvivor() {
        fixture.given(graceAdded(daysAgo(40)), new FollowUpCadenceSet(GRACE, 30, daysAgo(10)),
                      new ContactMergedInto(GRACE, ADA))
               .andGivenCurrentTime(NOW)
               .when(new MarkFollowUpDue(GRACE, daysAgo(10)))
               .expectException(refused(Conflict.class, "contactId"))
               .expectNoEvents();
    }
}
