package app.rapport.domain.interview;

import app.rapport.domain.contact.ContactId;
import app.rapport.domain.shared.Conflict;
import app.rapport.domain.shared.InvalidInput;
import app.rapport.domain.shared.NotFound;
import app.rapport.domain.testing.FakeContactDirectory;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static app.rapport.domain.interview.InterviewSamples.confirmed;
import static app.rapport.domain.interview.InterviewSamples.notes;
import static app.rapport.domain.interview.InterviewSamples.requested;
import static app.rapport.domain.interview.InterviewSamples.thanked;
import static app.rapport.domain.testing.Refusals.refused;
import static app.rapport.domain.testing.Samples.ADA;
import static app.rapport.domain.testing.Samples.ALICE;
import static app.rapport.domain.testing.Samples.BOB;
import static app.rapport.domain.testing.Samples.BOBS_GRACE;
import static app.rapport.domain.testing.Samples.GRACE;
import static app.rapport.domain.testing.Samples.INTERVIEW;
import static app.rapport.domain.testing.Samples.LINUS;
import static app.rapport.domain.testing.Samples.NOW;
import static app.rapport.domain.testing.Samples.daysAgo;
import static app.rapport.domain.testing.Samples.daysAhead;
import static org.assertj.core.api.Assertions.assertThat;

class ReferralTest {

    private static final ReferralId FIRST = new ReferralId(ALICE, "r-1");
    private static final ReferralId SECOND = new ReferralId(ALICE, "r-2");

    private final FakeContactDirectory directory = new FakeContactDirectory().knows(GRACE, ADA, LINUS, BOBS_GRACE);
    private AggregateTestFixture<InformationalInterview> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(InformationalInterview.class);
        fixture.registerInjectableResource(directory);
    }

    @Test
    void theIntervieweeReferredSomeoneElse() {
        fixture.given(requested(daysAgo(10)), confirmed(daysAgo(3)), notes(daysAgo(3)))
               .andGivenCurrentTime(NOW)
               .when(new RecordReferral(INTERVIEW, FIRST, ADA, true, " Knows everyone in compilers "))
               .expectEvents(new ReferralRecorded(INTERVIEW, GRACE, FIRST, ADA, true, "Knows everyone in compilers"));
    }

    @Test
    void theReferralsIntroducerIsTheInterviewee() {
        assertThat(new ReferralRecorded(INTERVIEW, GRACE, FIRST, ADA, true, null).fromContactId()).isEqualTo(GRACE);
    }

    @Test
    void referralsMayStillBeRecordedAfterTheThanks() {
        fixture.given(requested(daysAgo(10)), confirmed(daysAgo(3)), notes(daysAgo(3)), thanked(daysAgo(2)))
               .andGivenCurrentTime(NOW)
               .when(new RecordReferral(INTERVIEW, FIRST, ADA, false, null))
               .expectEvents(new ReferralRecorded(INTERVIEW, GRACE, FIRST, ADA, false, null));
    }

    @Test
    void referralsComeOnlyAfterTheMeetingWasHeld() {
        fixture.given(requested(daysAgo(10)), confirmed(daysAhead(3)))
               .andGivenCurrentTime(NOW)
               .when(new RecordReferral(INTERVIEW, FIRST, ADA, true, null))
               .expectException(refused(Conflict.class, null));
    }

    @Test
    void aReferralNamesAnExistingContact() {
        fixture.given(requested(daysAgo(10)), confirmed(daysAgo(3)), notes(daysAgo(3)))
               .andGivenCurrentTime(NOW)
               .when(new RecordReferral(INTERVIEW, FIRST, new ContactId(ALICE, "nobody"), true, null))
               .expectException(refused(NotFound.class, "toContactId"));
    }

    @Test
    void aReferralNamesAContactOfTheSameOwner() {
        fixture.given(requested(daysAgo(10)), confirmed(daysAgo(3)), notes(daysAgo(3)))
               .andGivenCurrentTime(NOW)
               .when(new RecordReferral(INTERVIEW, FIRST, BOBS_GRACE, true, null))
               .expectException(refused(NotFound.class, "toContactId"));
    }

    @Test
    void aReferralCannotNameAForgottenContact() {
        directory.forgets(ADA);
        fixture.given(requested(daysAgo(10)), confirmed(daysAgo(3)), notes(daysAgo(3)))
               .andGivenCurrentTime(NOW)
               .when(new RecordReferral(INTERVIEW, FIRST, ADA, true, null))
               .expectException(refused(NotFound.class, "toContactId"));
    }

    @Test
    void theIntervieweeCannotReferThemselves() {
        fixture.given(requested(daysAgo(10)), confirmed(daysAgo(3)), notes(daysAgo(3)))
               .andGivenCurrentTime(NOW)
               .when(new RecordReferral(INTERVIEW, FIRST, GRACE, true, null))
               .expectException(refused(InvalidInput.class, "toContactId"));
    }

    @Test
    void theSameContactReferredTwiceInOneInterviewIsAConflict() {
        fixture.given(requested(daysAgo(10)), confirmed(daysAgo(3)), notes(daysAgo(3)),
                      new ReferralRecorded(INTERVIEW, GRACE, FIRST, ADA, true, null))
               .andGivenCurrentTime(NOW)
               .when(new RecordReferral(INTERVIEW, SECOND, ADA, false, null))
               .expectException(refused(Conflict.class, "toContactId"));
    }

    @Test
    void aRetriedReferralRecordsNothing() {
        fixture.given(requested(daysAgo(10)), confirmed(daysAgo(3)), notes(daysAgo(3)),
                      new ReferralRecorded(INTERVIEW, GRACE, FIRST, ADA, true, null))
               .andGivenCurrentTime(NOW)
               .when(new RecordReferral(INTERVIEW, FIRST, ADA, true, null))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @Test
    void aReferralIdNamesOneReferralOnly() {
        fixture.given(requested(daysAgo(10)), confirmed(daysAgo(3)), notes(daysAgo(3)),
                      new ReferralRecorded(INTERVIEW, GRACE, FIRST, ADA, true, null))
               .andGivenCurrentTime(NOW)
               .when(new RecordReferral(INTERVIEW, FIRST, LINUS, true, null))
               .expectException(refused(Conflict.class, "referralId"));
    }

    @Test
    void aReferralIdBelongsToTheInterviewsOwner() {
        fixture.given(requested(daysAgo(10)), confirmed(daysAgo(3)), notes(daysAgo(3)))
               .andGivenCurrentTime(NOW)
               .when(new RecordReferral(INTERVIEW, new ReferralId(BOB, "r-1"), ADA, true, null))
               .expectException(refused(NotFound.class, "referralId"));
    }

    @Test
    void twoDifferentPeopleMayBeReferredInOneInterview() {
        fixture.given(requested(daysAgo(10)), confirmed(daysAgo(3)), notes(daysAgo(3)),
                      new ReferralRecorded(INTERVIEW, GRACE, FIRST, ADA, true, null))
               .andGivenCurrentTime(NOW)
               .when(new RecordReferral(INTERVIEW, SECOND, LINUS, true, null))
               .expectEvents(new ReferralRecorded(INTERVIEW, GRACE, SECOND, LINUS, true, null));
    }
}
