package app.rapport.domain.contact;

import app.rapport.domain.shared.Conflict;
import app.rapport.domain.shared.InvalidInput;
import app.rapport.domain.shared.NotFound;
import app.rapport.domain.testing.FakeContactDirectory;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static app.rapport.domain.testing.Refusals.refused;
import static app.rapport.domain.testing.Samples.ADA;
import static app.rapport.domain.testing.Samples.BOBS_GRACE;
import static app.rapport.domain.testing.Samples.GRACE;
import static app.rapport.domain.testing.Samples.LINUS;
import static app.rapport.domain.testing.Samples.NOW;
import static app.rapport.domain.testing.Samples.daysAgo;
import static app.rapport.domain.testing.Samples.daysAhead;
import static app.rapport.domain.testing.Samples.graceAdded;

/**
 * A merge takes two steps on two aggregates: the survivor takes in the duplicate's details
 * ({@link MergeContacts}), then the duplicate is archived pointing to the survivor ({@link MarkMergedInto}).
 */
class MergeContactsTest {

    /** Grace once more, typed in again from a LinkedIn export. */
    private static final ContactId DUPLICATE = new ContactId(GRACE.owner(), "grace-linkedin");

    private final FakeContactDirectory directory = new FakeContactDirectory().knows(DUPLICATE, ADA, LINUS, GRACE);
    private AggregateTestFixture<Contact> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Contact.class);
        fixture.registerInjectableResource(directory);
    }

    @Test
    void theSurvivorUnitesListsAndFillsOnlyItsEmptyFields() {
        ContactDetails duplicate = details(List.of("GRACE@navy.example", "grace@yale.example"), ADA, null, daysAgo(3));
        fixture.given(graceAdded(daysAgo(90)))
               .when(new MergeContacts(GRACE, DUPLICATE, duplicate))
               .expectEvents(new ContactsMerged(
                       GRACE, DUPLICATE,
                       null, "GRAYS HOP-er", null, null, null, "https://www.linkedin.com/in/grace", "LinkedIn export",
                       List.of("grace@navy.example", "grace@yale.example"), List.of("+1 555 010 2030"),
                       List.of("computing", "cobol"), ADA, true, null, daysAgo(3), null));
    }

    @Test
    void theLatestTouchOfEitherCountsForTheFollowUpAndTheSurvivorsCadenceWins() {
        ContactDetails duplicate = details(List.of(), null, 7, daysAgo(3));
        fixture.given(graceAdded(daysAgo(90)),
                      new FollowUpCadenceSet(GRACE, 30, daysAgo(60)),
                      new TouchLogged(GRACE, daysAgo(20), Channel.EMAIL, null, null, daysAgo(20), daysAhead(10)))
               .when(new MergeContacts(GRACE, DUPLICATE, duplicate))
               .expectEvents(new ContactsMerged(
                       GRACE, DUPLICATE,
                       null, "GRAYS HOP-er", null, null, null, "https://www.linkedin.com/in/grace", "LinkedIn export",
                       List.of("grace@navy.example"), List.of("+1 555 010 2030"), List.of("computing", "cobol"),
                       null, false, 30, daysAgo(3), daysAhead(27)));
    }

    @Test
    void aSurvivorWithoutCadenceTakesTheDuplicates() {
        ContactDetails duplicate = details(List.of(), null, 7, daysAgo(3));
        fixture.given(graceAdded(daysAgo(90)))
               .when(new MergeContacts(GRACE, DUPLICATE, duplicate))
               .expectEvents(new ContactsMerged(
                       GRACE, DUPLICATE,
                       null, "GRAYS HOP-er", null, null, null, "https://www.linkedin.com/in/grace", "LinkedIn export",
                       List.of("grace@navy.example"), List.of("+1 555 010 2030"), List.of("computing", "cobol"),
                       null, false, 7, daysAgo(3), daysAhead(4)));
    }

    @Test
    void aSurvivorIntroducedByItsDuplicateIsNoLongerIntroducedByItself() {
        ContactDetails duplicate = details(List.of(), GRACE, null, null);
        fixture.given(graceAdded(daysAgo(90)), new IntroductionRecorded(GRACE, DUPLICATE, true, true))
               .when(new MergeContacts(GRACE, DUPLICATE, duplicate))
               .expectEvents(new ContactsMerged(
                       GRACE, DUPLICATE,
                       null, "GRAYS HOP-er", null, null, null, "https://www.linkedin.com/in/grace", "LinkedIn export",
                       List.of("grace@navy.example"), List.of("+1 555 010 2030"), List.of("computing", "cobol"),
                       null, false, null, null, null));
    }

    @Test
    void aRetriedMergeRecordsNothing() {
        ContactDetails duplicate = details(List.of(), null, null, null);
        fixture.given(graceAdded(daysAgo(90)),
                      new ContactsMerged(GRACE, DUPLICATE, null, null, null, null, null, null, null,
                                         List.of("grace@navy.example"), List.of(), List.of("computing"),
                                         null, false, null, null, null))
               .when(new MergeContacts(GRACE, DUPLICATE, duplicate))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @Test
    void aContactCannotBeMergedIntoItself() {
        fixture.given(graceAdded(daysAgo(90)))
               .when(new MergeContacts(GRACE, GRACE, details(List.of(), null, null, null)))
               .expectException(refused(InvalidInput.class, "duplicateId"));
    }

    @Test
    void theDuplicateMustBeAKnownContactOfTheSameOwner() {
        directory.knows(BOBS_GRACE);
        fixture.given(graceAdded(daysAgo(90)))
               .when(new MergeContacts(GRACE, BOBS_GRACE, details(List.of(), null, null, null)))
               .expectException(refused(NotFound.class, "duplicateId"));
        fixture.given(graceAdded(daysAgo(90)))
               .when(new MergeContacts(GRACE, new ContactId(GRACE.owner(), "nobody"), details(List.of(), null, null, null)))
               .expectException(refused(NotFound.class, "duplicateId"));
    }

    @Test
    void aMergedAwayContactCannotBeASurvivor() {
        fixture.given(graceAdded(daysAgo(90)), new ContactMergedInto(GRACE, ADA))
               .when(new MergeContacts(GRACE, DUPLICATE, details(List.of(), null, null, null)))
               .expectException(refused(Conflict.class, "survivorId"));
    }

    @Test
    void markingTheDuplicateArchivesItUnderItsSurvivor() {
        fixture.given(duplicateAdded())
               .when(new MarkMergedInto(DUPLICATE, GRACE))
               .expectEvents(new ContactMergedInto(DUPLICATE, GRACE));
    }

    @Test
    void aMergedContactRefusesLaterCommandsNamingTheSurvivor() {
        fixture.given(duplicateAdded(), new ContactMergedInto(DUPLICATE, GRACE))
               .andGivenCurrentTime(NOW)
               .when(new LogTouch(DUPLICATE, NOW, Channel.EMAIL, null, null))
               .expectException(refused(Conflict.class, "contactId"))
               .expectExceptionMessage("contactId names contact grace-linkedin, which was merged into grace;"
                                       + " use grace instead");
    }

    @Test
    void markingAgainWithTheSameSurvivorRecordsNothing() {
        fixture.given(duplicateAdded(), new ContactMergedInto(DUPLICATE, GRACE))
               .when(new MarkMergedInto(DUPLICATE, GRACE))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @Test
    void aDuplicateMergesIntoOneSurvivorOnly() {
        fixture.given(duplicateAdded(), new ContactMergedInto(DUPLICATE, GRACE))
               .when(new MarkMergedInto(DUPLICATE, ADA))
               .expectException(refused(Conflict.class, "duplicateId"));
    }

    @Test
    void aContactCannotBeMergedIntoOneItHasAbsorbed() {
        fixture.given(graceAdded(daysAgo(90)),
                      new ContactsMerged(GRACE, DUPLICATE, null, null, null, null, null, null, null,
                                         List.of(), List.of(), List.of(), null, false, null, null, null))
               .when(new MarkMergedInto(GRACE, DUPLICATE))
               .expectException(refused(Conflict.class, "survivorId"));
    }

    @Test
    void theSurvivorMustBeAnotherKnownContact() {
        fixture.given(duplicateAdded())
               .when(new MarkMergedInto(DUPLICATE, DUPLICATE))
               .expectException(refused(InvalidInput.class, "survivorId"));
        fixture.given(duplicateAdded())
               .when(new MarkMergedInto(DUPLICATE, BOBS_GRACE))
               .expectException(refused(NotFound.class, "survivorId"));
    }

    @Test
    void aMergedAwayContactCanStillBeForgotten() {
        fixture.given(duplicateAdded(), new ContactMergedInto(DUPLICATE, GRACE))
               .andGivenCurrentTime(NOW)
               .when(new ForgetContact(DUPLICATE))
               .expectEvents(new ContactForgotten(DUPLICATE.owner(), DUPLICATE, NOW));
    }

    private static ContactAdded duplicateAdded() {
        return new ContactAdded(DUPLICATE, "Grace", "Hopper", null, null, null, null, List.of(), List.of(), null,
                                ContactSource.LINKEDIN, null, List.of(), null, false, daysAgo(10));
    }

    private static ContactDetails details(List<String> emails, ContactId referredBy, Integer everyDays, Instant lastTouch) {
        return new ContactDetails("Grace", "Hopper", " GRAYS HOP-er ", null, "Professor", "Yale", emails,
                                  List.of("+1 555 010 2030"), "https://www.linkedin.com/in/grace", "LinkedIn export",
                                  List.of("Computing", "cobol"), referredBy, referredBy != null, everyDays, lastTouch);
    }
}
