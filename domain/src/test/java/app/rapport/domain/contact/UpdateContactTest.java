package app.rapport.domain.contact;

import app.rapport.domain.shared.Conflict;
import app.rapport.domain.shared.InvalidInput;
import app.rapport.domain.shared.NotFound;
import app.rapport.domain.testing.FakeContactDirectory;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static app.rapport.domain.testing.Refusals.refused;
import static app.rapport.domain.testing.Samples.ADA;
import static app.rapport.domain.testing.Samples.GRACE;
import static app.rapport.domain.testing.Samples.daysAgo;
import static app.rapport.domain.testing.Samples.graceAdded;

class UpdateContactTest {

    private AggregateTestFixture<Contact> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Contact.class);
        fixture.registerInjectableResource(new FakeContactDirectory().knows(ADA));
    }

    @Test
    void anUpdateRecordsOnlyWhatChanged() {
        fixture.given(graceAdded(daysAgo(30)))
               .when(new UpdateContact(GRACE, "Grace", "Hopper", "GRAYS", null, "Professor", null,
                                       List.of("grace@navy.example", "grace@yale.example"), null, null, null, null, null))
               .expectEvents(new ContactUpdated(GRACE, null, null, "GRAYS", null, "Professor", null,
                                                List.of("grace@navy.example", "grace@yale.example"), null, null, null,
                                                null, null));
    }

    @Test
    void anUpdateThatChangesNothingRecordsNothing() {
        fixture.given(graceAdded(daysAgo(30)))
               .when(new UpdateContact(GRACE, " Grace ", "Hopper", null, "Dr.", null, null,
                                       List.of("grace@navy.example"), List.of(), null, ContactSource.CAREER_FAIR, null,
                                       List.of("computing")))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @Test
    void aBlankTextOrAnEmptyListClearsTheField() {
        fixture.given(graceAdded(daysAgo(30)))
               .when(new UpdateContact(GRACE, null, null, null, " ", null, "", null, null, null, null, null, List.of()))
               .expectEvents(new ContactUpdated(GRACE, null, null, null, "", null, "", null, null, null, null, null,
                                                List.of()));
    }

    @Test
    void aClearedFieldStaysClearedSoClearingAgainRecordsNothing() {
        fixture.given(graceAdded(daysAgo(30)),
                      new ContactUpdated(GRACE, null, null, null, "", null, null, null, null, null, null, null, null))
               .when(new UpdateContact(GRACE, null, null, null, "", null, null, null, null, null, null, null, null))
               .expectNoEvents();
    }

    @Test
    void theGivenNameCannotBeCleared() {
        fixture.given(graceAdded(daysAgo(30)))
               .when(new UpdateContact(GRACE, " ", null, null, null, null, null, null, null, null, null, null, null))
               .expectException(refused(InvalidInput.class, "givenName"));
    }

    @Test
    void updatesAreValidatedLikeANewContact() {
        fixture.given(graceAdded(daysAgo(30)))
               .when(new UpdateContact(GRACE, null, null, null, null, null, null, null, null,
                                       "https://example.org/grace", null, null, null))
               .expectException(refused(InvalidInput.class, "linkedinUrl"));
    }

    @Test
    void theSourceBecomesReferralOnlyForAContactWithAnIntroducer() {
        fixture.given(graceAdded(daysAgo(30)))
               .when(new UpdateContact(GRACE, null, null, null, null, null, null, null, null, null,
                                       ContactSource.REFERRAL, null, null))
               .expectException(refused(InvalidInput.class, "source"));
    }

    @Test
    void aContactWithAnIntroducerMayBeMarkedAsAReferral() {
        fixture.given(graceAdded(daysAgo(30)), new IntroductionRecorded(GRACE, ADA, true, true))
               .when(new UpdateContact(GRACE, null, null, null, null, null, null, null, null, null,
                                       ContactSource.REFERRAL, "met Ada at the conference", null))
               .expectEvents(new ContactUpdated(GRACE, null, null, null, null, null, null, null, null, null,
                                                ContactSource.REFERRAL, "met Ada at the conference", null));
    }

    @Test
    void aForgottenContactCannotBeUpdated() {
        fixture.given(graceAdded(daysAgo(30)), new ContactForgotten(GRACE.owner(), GRACE, daysAgo(1)))
               .when(new UpdateContact(GRACE, "Grace", null, null, null, null, null, null, null, null, null, null, null))
               .expectException(refused(NotFound.class, "id"));
    }

    @Test
    void aMergedAwayContactRefusesUpdatesNamingTheSurvivor() {
        fixture.given(graceAdded(daysAgo(30)), new ContactMergedInto(GRACE, ADA))
               .when(new UpdateContact(GRACE, "Gracie", null, null, null, null, null, null, null, null, null, null, null))
               .expectException(refused(Conflict.class, "id"))
               .expectExceptionMessage("id names contact grace, which was merged into ada; use ada instead");
    }
}
