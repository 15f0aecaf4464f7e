package app.rapport.application.contact;

import app.rapport.application.ProjectionHarness;
import app.rapport.domain.contact.Channel;
import app.rapport.domain.contact.ContactAdded;
import app.rapport.domain.contact.ContactForgotten;
import app.rapport.domain.contact.ContactId;
import app.rapport.domain.contact.ContactMergedInto;
import app.rapport.domain.contact.ContactSource;
import app.rapport.domain.contact.ContactUpdated;
import app.rapport.domain.contact.ContactsMerged;
import app.rapport.domain.contact.FollowUpCadenceSet;
import app.rapport.domain.contact.IntroductionRecorded;
import app.rapport.domain.contact.TouchLogged;
import app.rapport.domain.interview.InterviewRequested;
import app.rapport.domain.interview.ReferralId;
import app.rapport.domain.interview.ReferralRecorded;
import app.rapport.domain.shared.InterviewId;
import app.rapport.domain.shared.OwnerId;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ContactViewProjectionTest {

    static final OwnerId OWNER = new OwnerId("user-1");
    static final OwnerId OTHER_OWNER = new OwnerId("user-2");
    static final ContactId DANA = new ContactId(OWNER, "dana");
    static final ContactId LEE = new ContactId(OWNER, "lee");
    static final ContactId SAM = new ContactId(OWNER, "sam");
    static final ContactId DUPLICATE = new ContactId(OWNER, "dana-2");
    static final InterviewId DANAS_INTERVIEW = new InterviewId(OWNER, "i-1");
    static final InterviewId LEES_INTERVIEW = new InterviewId(OWNER, "i-2");
    // Nanoseconds on purpose: the view must give back exactly what the event said.
    static final Instant ADDED_AT = Instant.parse("2026-03-02T09:15:30.123456789Z");

    @TempDir
    Path dataDir;

    ProjectionHarness harness;
    ContactViewProjection projection;
    QueryGateway queries;

    @BeforeEach
    void start() {
        harness = startHarness(dataDir);
        projection = new ContactViewProjection(harness.store());
        queries = harness.queries(projection);
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    @Test
    void anAddedContactShowsWhatTheApiNeeds() {
        deliver(0, added(DANA, "Dana", "Reyes", null, false));

        ContactView dana = find(DANA).orElseThrow();
        assertThat(dana.id()).isEqualTo(DANA);
        assertThat(dana.givenName()).isEqualTo("Dana");
        assertThat(dana.familyName()).isEqualTo("Reyes");
        assertThat(dana.displayName()).isEqualTo("Dana Reyes");
        assertThat(dana.salutation()).isEqualTo("Dr.");
        assertThat(dana.pronunciation()).isEqualTo("DAH-nah RAY-es");
        assertThat(dana.title()).isEqualTo("Staff Engineer");
        assertThat(dana.organization()).isEqualTo("Acme");
        assertThat(dana.emails()).containsExactly("dana@example.org");
        assertThat(dana.phones()).containsExactly("+1 555 0100");
        assertThat(dana.linkedinUrl()).isEqualTo("https://www.linkedin.com/in/dana");
        assertThat(dana.source()).isEqualTo(ContactSource.ALUMNI);
        assertThat(dana.sourceDetail()).isEqualTo("class of 2012");
        assertThat(dana.tags()).containsExactly("design", "mentor");
        assertThat(dana.addedAt()).isEqualTo(ADDED_AT);
        assertThat(dana.referredBy()).isNull();
        assertThat(dana.archived()).isFalse();
        assertThat(dana.interviewIds()).isEmpty();
        assertThat(dana.referredContactIds()).isEmpty();
        assertThat(dana.version()).isZero();
    }

    @Test
    void anUpdateChangesOnlyWhatItCarriesAndAnEmptyTextClears() {
        deliver(0, added(DANA, "Dana", "Reyes", null, false),
                new ContactUpdated(DANA, null, null, null, "", "Principal Engineer", null,
                                   List.of("dana@acme.example", "dana@example.org"), null, null, ContactSource.COLLEAGUE,
                                   null, List.of()));

        ContactView dana = find(DANA).orElseThrow();
        assertThat(dana.givenName()).isEqualTo("Dana");
        assertThat(dana.familyName()).isEqualTo("Reyes");
        assertThat(dana.salutation()).as("cleared").isNull();
        assertThat(dana.title()).isEqualTo("Principal Engineer");
        assertThat(dana.organization()).isEqualTo("Acme");
        assertThat(dana.emails()).containsExactly("dana@acme.example", "dana@example.org");
        assertThat(dana.phones()).containsExactly("+1 555 0100");
        assertThat(dana.source()).isEqualTo(ContactSource.COLLEAGUE);
        assertThat(dana.tags()).as("cleared").isEmpty();
        assertThat(dana.version()).isEqualTo(1);
    }

    @Test
    void touchesAndTheCadenceSetTheFollowUpClock() {
        Instant touched = ADDED_AT.plus(Duration.ofDays(3));
        deliver(0, added(DANA, "Dana", "Reyes", null, false),
                new FollowUpCadenceSet(DANA, 30, ADDED_AT.plus(Duration.ofDays(30))),
                new TouchLogged(DANA, touched, Channel.EMAIL, "sent the article", null, touched,
                                touched.plus(Duration.ofDays(30))));

        ContactView dana = find(DANA).orElseThrow();
        assertThat(dana.followUpEveryDays()).isEqualTo(30);
        assertThat(dana.lastTouchAt()).isEqualTo(touched);
        assertThat(dana.nextFollowUpDue()).isEqualTo(touched.plus(Duration.ofDays(30)));

        deliver(3, new FollowUpCadenceSet(DANA, null, null));
        assertThat(find(DANA).orElseThrow().followUpEveryDays()).isNull();
        assertThat(find(DANA).orElseThrow().nextFollowUpDue()).isNull();
    }

    @Test
    void introductionsLinkBothContactsAndOnlyThePrimaryOneIsReferredBy() {
        deliver(0, added(DANA, "Dana", "Reyes", null, false));
        deliver(0, added(SAM, "Sam", "Okafor", null, false));
        deliver(0, added(LEE, "Lee", "Chen", DANA, true));
        deliver(1, new IntroductionRecorded(LEE, SAM, false, false));

        ContactView lee = find(LEE).orElseThrow();
        assertThat(lee.referredBy()).isEqualTo(DANA);
        assertThat(lee.mayUseIntroducerName()).isTrue();
        assertThat(lee.introducerIds()).containsExactly(DANA, SAM);
        assertThat(find(DANA).orElseThrow().referredContactIds()).containsExactly(LEE);
        assertThat(find(SAM).orElseThrow().referredContactIds()).containsExactly(LEE);

        deliver(2, new IntroductionRecorded(LEE, DANA, false, true));
        assertThat(find(LEE).orElseThrow().mayUseIntroducerName()).as("the permission changed").isFalse();
    }

    @Test
    void interviewsAndReferralsFromThemAreListedOnTheirContacts() {
        deliver(0, added(DANA, "Dana", "Reyes", null, false));
        deliver(0, added(LEE, "Lee", "Chen", null, false));
        deliver(0, requested(DANAS_INTERVIEW, DANA));
        deliver(5, new ReferralRecorded(DANAS_INTERVIEW, DANA, new ReferralId(OWNER, "r-1"), LEE, true, "hiring lead"));

        ContactView dana = find(DANA).orElseThrow();
        assertThat(dana.interviewIds()).containsExactly(DANAS_INTERVIEW);
        assertThat(dana.referredContactIds()).containsExactly(LEE);
        assertThat(dana.version()).as("other aggregates' events leave the version alone").isZero();
        assertThat(find(LEE).orElseThrow().introducerIds()).containsExactly(DANA);
    }

    @Test
    void theSameEventsTwiceLeaveTheSameRows() {
        Object[] danasEvents = {
                added(DANA, "Dana", "Reyes", null, false),
                new ContactUpdated(DANA, null, null, null, null, "Principal Engineer", null, null, null, null, null,
                                   null, List.of("mentor")),
                new FollowUpCadenceSet(DANA, 14, ADDED_AT.plus(Duration.ofDays(14)))};
        Object[] leesEvents = {added(LEE, "Lee", "Chen", DANA, false), new IntroductionRecorded(LEE, SAM, true, false)};
        deliver(0, added(SAM, "Sam", "Okafor", null, false));
        deliver(0, danasEvents);
        deliver(0, leesEvents);
        deliver(0, requested(DANAS_INTERVIEW, DANA));
        List<Document> once = harness.documents(ContactRows.COLLECTION);

        deliver(0, danasEvents);
        deliver(0, leesEvents);
        deliver(0, requested(DANAS_INTERVIEW, DANA));

        assertThat(harness.documents(ContactRows.COLLECTION)).isEqualTo(once);
    }

    @Test
    void anOlderEventAfterANewerOneIsIgnored() {
        ContactUpdated first = new ContactUpdated(DANA, null, null, null, null, "Engineer", null, null, null, null, null,
                                                  null, null);
        ContactUpdated second = new ContactUpdated(DANA, null, null, null, null, "Director", null, null, null, null, null,
                                                   null, null);
        deliver(0, added(DANA, "Dana", "Reyes", null, false), first, second);

        deliver(1, first);

        assertThat(find(DANA).orElseThrow().title()).isEqualTo("Director");
        assertThat(find(DANA).orElseThrow().version()).isEqualTo(2);
    }

    @Test
    void personalDataThatCannotBeReadArrivesAsNullAndIsTolerated() {
        deliver(0, new ContactAdded(DANA, null, null, null, null, null, null, null, null, null, ContactSource.OTHER, null,
                                    null, null, false, ADDED_AT),
                new ContactUpdated(DANA, null, null, null, null, null, null, null, null, null, null, null, null),
                new TouchLogged(DANA, ADDED_AT, Channel.PHONE, null, null, ADDED_AT, null));

        ContactView dana = find(DANA).orElseThrow();
        assertThat(dana.givenName()).isNull();
        assertThat(dana.displayName()).as("falls back to the id").isEqualTo("dana");
        assertThat(dana.emails()).isEmpty();
        assertThat(dana.tags()).isEmpty();
        assertThat(dana.version()).isEqualTo(2);
    }

    @Test
    void aMergeFillsTheSurvivorAndArchivesTheDuplicateWhoseInterviewsFollow() {
        deliver(0, added(DANA, "Dana", null, null, false));
        deliver(0, added(SAM, "Sam", "Okafor", null, false));
        deliver(0, added(DUPLICATE, "Dana", "Reyes", SAM, true));
        deliver(0, requested(DANAS_INTERVIEW, DUPLICATE));

        deliver(1, new ContactsMerged(DANA, DUPLICATE, "Reyes", null, null, null, null, null, null,
                                      List.of("dana@example.org", "dana@acme.example"), List.of("+1 555 0100"),
                                      List.of("design", "mentor"), SAM, true, 30, null,
                                      ADDED_AT.plus(Duration.ofDays(30))));
        deliver(1, new ContactMergedInto(DUPLICATE, DANA));

        ContactView survivor = find(DANA).orElseThrow();
        assertThat(survivor.familyName()).isEqualTo("Reyes");
        assertThat(survivor.emails()).containsExactly("dana@example.org", "dana@acme.example");
        assertThat(survivor.referredBy()).isEqualTo(SAM);
        assertThat(survivor.followUpEveryDays()).isEqualTo(30);
        assertThat(survivor.absorbedContactIds()).containsExactly(DUPLICATE);
        assertThat(survivor.interviewIds()).containsExactly(DANAS_INTERVIEW);
        assertThat(find(SAM).orElseThrow().referredContactIds()).containsExactlyInAnyOrder(DUPLICATE, DANA);

        ContactView duplicate = find(DUPLICATE).orElseThrow();
        assertThat(duplicate.archived()).isTrue();
        assertThat(duplicate.mergedInto()).isEqualTo(DANA);

        deliver(0, requested(LEES_INTERVIEW, DUPLICATE));
        assertThat(find(DANA).orElseThrow().interviewIds()).containsExactly(DANAS_INTERVIEW, LEES_INTERVIEW);
    }

    @Test
    void forgettingLeavesATombstoneAndNoOtherRowPointsToTheContact() {
        deliver(0, added(SAM, "Sam", "Okafor", null, false));
        deliver(0, added(DANA, "Dana", "Reyes", SAM, true));
        deliver(0, added(LEE, "Lee", "Chen", DANA, true));
        deliver(0, requested(DANAS_INTERVIEW, DANA));
        deliver(0, requested(LEES_INTERVIEW, LEE));
        deliver(5, new ReferralRecorded(LEES_INTERVIEW, LEE, new ReferralId(OWNER, "r-1"), DANA, true, "knows Acme"));

        deliver(1, new ContactForgotten(OWNER, DANA, ADDED_AT.plus(Duration.ofDays(1))));

        assertThat(find(DANA)).isEmpty();
        Document tombstone = harness.database().getCollection(ContactRows.COLLECTION)
                                    .find(new Document("_id", DANA.toString())).first();
        assertThat(tombstone).isEqualTo(new Document("_id", "user-1/dana").append("owner", "user-1")
                                                                          .append("forgotten", true)
                                                                          .append("version", 1L));
        ContactView lee = find(LEE).orElseThrow();
        assertThat(lee.referredBy()).isNull();
        assertThat(lee.mayUseIntroducerName()).isFalse();
        assertThat(lee.introducerIds()).isEmpty();
        assertThat(lee.referredContactIds()).isEmpty();
        assertThat(lee.interviewIds()).containsExactly(LEES_INTERVIEW);
        assertThat(find(SAM).orElseThrow().referredContactIds()).isEmpty();
        List<Document> others = harness.documents(ContactRows.COLLECTION).stream()
                                       .filter(row -> !row.getString("_id").equals(DANA.toString())).toList();
        assertThat(others).hasSize(2)
                          .allSatisfy(row -> assertThat(row.toJson()).doesNotContain("dana", "Dana", "Reyes"));
    }

    @Test
    void eventsArrivingAfterTheForgettingDoNotBringTheContactBack() {
        ContactAdded added = added(DANA, "Dana", "Reyes", null, false);
        deliver(0, added(LEE, "Lee", "Chen", null, false));
        deliver(0, added, new ContactForgotten(OWNER, DANA, ADDED_AT));
        List<Document> forgotten = harness.documents(ContactRows.COLLECTION);

        deliver(0, added);
        deliver(0, requested(DANAS_INTERVIEW, DANA));
        deliver(0, added(SAM, "Sam", "Okafor", DANA, true));
        deliver(3, new ReferralRecorded(LEES_INTERVIEW, LEE, new ReferralId(OWNER, "r-1"), DANA, false, null));

        assertThat(find(DANA)).isEmpty();
        assertThat(harness.documents(ContactRows.COLLECTION).stream()
                          .filter(row -> !row.getString("_id").equals(SAM.toString())).toList()).isEqualTo(forgotten);
        assertThat(find(SAM).orElseThrow().referredBy()).as("a forgotten introducer is not named").isNull();
    }

    @Test
    void forgettingADuplicateTakesItsInterviewsOffTheSurvivor() {
        deliver(0, added(DANA, "Dana", "Reyes", null, false));
        deliver(0, added(DUPLICATE, "Dana", "R.", null, false));
        deliver(0, requested(DANAS_INTERVIEW, DANA));
        deliver(0, requested(LEES_INTERVIEW, DUPLICATE));
        deliver(1, new ContactsMerged(DANA, DUPLICATE, null, null, null, null, null, null, null, List.of(), List.of(),
                                      List.of(), null, false, null, null, null));
        deliver(1, new ContactMergedInto(DUPLICATE, DANA));

        deliver(2, new ContactForgotten(OWNER, DUPLICATE, ADDED_AT));

        ContactView survivor = find(DANA).orElseThrow();
        assertThat(survivor.interviewIds()).containsExactly(DANAS_INTERVIEW);
        assertThat(survivor.absorbedContactIds()).isEmpty();
    }

    @Test
    void batchesReturnOnlyTheAskedContactsThatExistInTheOrderAsked() {
        deliver(0, added(DANA, "Dana", "Reyes", null, false));
        deliver(0, added(LEE, "Lee", "Chen", null, false));
        deliver(0, added(SAM, "Sam", "Okafor", null, false), new ContactForgotten(OWNER, SAM, ADDED_AT));
        deliver(0, added(new ContactId(OTHER_OWNER, "dana"), "Dana", "Other", null, false));

        List<ContactView> found = queries.query(
                new FindContacts(List.of(LEE, new ContactId(OWNER, "nobody"), DANA, LEE, SAM,
                                         new ContactId(OTHER_OWNER, "lee"))),
                ResponseTypes.multipleInstancesOf(ContactView.class)).join();

        assertThat(found).extracting(ContactView::id).containsExactly(LEE, DANA);
        assertThat(queries.query(new FindContacts(List.of()), ResponseTypes.multipleInstancesOf(ContactView.class))
                          .join()).isEmpty();
    }

    @Test
    void aContactIsFoundOnlyUnderItsOwnersId() {
        deliver(0, added(DANA, "Dana", "Reyes", null, false));

        assertThat(find(DANA)).isPresent();
        assertThat(find(new ContactId(OTHER_OWNER, DANA.value()))).isEmpty();
        assertThat(find(new ContactId(OWNER, "nobody"))).isEmpty();
    }

    @Test
    void aResetEmptiesTheViewsForTheReplay() {
        deliver(0, added(DANA, "Dana", "Reyes", null, false));

        projection.onReset();

        assertThat(harness.documents(ContactRows.COLLECTION)).isEmpty();
    }

    private Optional<ContactView> find(ContactId id) {
        return queries.query(new FindContact(id), ResponseTypes.optionalInstanceOf(ContactView.class)).join();
    }

    private void deliver(long firstSequence, Object... events) {
        harness.deliver(projection, firstSequence, events);
    }

    static ContactAdded added(ContactId id, String givenName, String familyName, ContactId referredBy, boolean mayUseName) {
        return new ContactAdded(id, givenName, familyName, "DAH-nah RAY-es", "Dr.", "Staff Engineer", "Acme",
                                List.of(givenName == null ? "x@example.org" : givenName.toLowerCase() + "@example.org"),
                                List.of("+1 555 0100"), "https://www.linkedin.com/in/" + id.value(),
                                referredBy == null ? ContactSource.ALUMNI : ContactSource.REFERRAL,
                                referredBy == null ? "class of 2012" : null, List.of("design", "mentor"), referredBy,
                                mayUseName, ADDED_AT);
    }

    static InterviewRequested requested(InterviewId interview, ContactId contact) {
        return new InterviewRequested(interview, contact, Channel.EMAIL, 20, "learn about platform teams",
                                      "Would you have 20 minutes?", false, null, ADDED_AT.plus(Duration.ofHours(1)));
    }

    /** How the events reach the projection: one at a time here, as batches of a processor in a subclass. */
    ProjectionHarness startHarness(Path dataDirectory) {
        return ProjectionHarness.start(dataDirectory);
    }
}
