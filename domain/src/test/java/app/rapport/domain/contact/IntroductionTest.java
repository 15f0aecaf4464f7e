package app.rapport.domain.contact;

import app.rapport.domain.shared.InvalidInput;
import app.rapport.domain.shared.NotFound;
import app.rapport.domain.testing.FakeContactDirectory;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static app.rapport.domain.testing.Refusals.refused;
import static app.rapport.domain.testing.Samples.ADA;
import static app.rapport.domain.testing.Samples.BOBS_GRACE;
import static app.rapport.domain.testing.Samples.GRACE;
import static app.rapport.domain.testing.Samples.LINUS;
import static app.rapport.domain.testing.Samples.daysAgo;
import static app.rapport.domain.testing.Samples.graceAdded;

class IntroductionTest {

    private final FakeContactDirectory directory = new FakeContactDirectory().knows(ADA, LINUS, BOBS_GRACE);
    private AggregateTestFixture<Contact> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Contact.class);
        fixture.registerInjectableResource(directory);
    }

    @Test
    void anExistingContactLearnsWhoIntroducedThemAndWhetherTheNameMayBeUsed() {
        fixture.given(graceAdded(daysAgo(30)))
               .when(new RecordIntroduction(GRACE, ADA, true))
               .expectEvents(new IntroductionRecorded(GRACE, ADA, true, true));
    }

    @Test
    void aSecondIntroducerIsKeptInTheHistoryWhileTheFirstStaysTheReferrer() {
        fixture.given(graceAdded(daysAgo(30)), new IntroductionRecorded(GRACE, ADA, false, true))
               .when(new RecordIntroduction(GRACE, LINUS, true))
               .expectEvents(new IntroductionRecorded(GRACE, LINUS, true, false));
    }

    @Test
    void theFirstIntroducerMayLaterAllowTheirNameToBeUsed() {
        fixture.given(graceAdded(daysAgo(30)), new IntroductionRecorded(GRACE, ADA, false, true))
               .when(new RecordIntroduction(GRACE, ADA, true))
               .expectEvents(new IntroductionRecorded(GRACE, ADA, true, true));
    }

    @Test
    void theSameIntroductionTwiceRecordsNothing() {
        fixture.given(graceAdded(daysAgo(30)), new IntroductionRecorded(GRACE, ADA, true, true))
               .when(new RecordIntroduction(GRACE, ADA, true))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @Test
    void theIntroducerMustBeAKnownContactOfTheSameOwner() {
        fixture.given(graceAdded(daysAgo(30)))
               .when(new RecordIntroduction(GRACE, new ContactId(GRACE.owner(), "nobody"), true))
               .expectException(refused(NotFound.class, "introducer"));
        fixture.given(graceAdded(daysAgo(30)))
               .when(new RecordIntroduction(GRACE, BOBS_GRACE, true))
               .expectException(refused(NotFound.class, "introducer"));
    }

    @Test
    void aForgottenIntroducerCannotIntroduceAnyone() {
        directory.forgets(ADA);
        fixture.given(graceAdded(daysAgo(30)))
               .when(new RecordIntroduction(GRACE, ADA, true))
               .expectException(refused(NotFound.class, "introducer"));
    }

    @Test
    void aContactCannotIntroduceThemselves() {
        directory.knows(GRACE);
        fixture.given(graceAdded(daysAgo(30)))
               .when(new RecordIntroduction(GRACE, GRACE, true))
               .expectException(refused(InvalidInput.class, "introducer"));
    }
}
