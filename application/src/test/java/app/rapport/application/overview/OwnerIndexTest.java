package app.rapport.application.overview;

import app.rapport.application.ProjectionHarness;
import app.rapport.application.relationship.RelationshipStage;
import app.rapport.domain.contact.Channel;
import app.rapport.domain.contact.ContactAdded;
import app.rapport.domain.contact.ContactForgotten;
import app.rapport.domain.contact.ContactId;
import app.rapport.domain.contact.ContactMergedInto;
import app.rapport.domain.contact.ContactSource;
import app.rapport.domain.contact.ContactUpdated;
import app.rapport.domain.contact.TouchLogged;
import app.rapport.domain.interview.InterviewRequested;
import app.rapport.domain.interview.InterviewStatus;
import app.rapport.domain.interview.MeetingConfirmed;
import app.rapport.domain.interview.MeetingFormat;
import app.rapport.domain.interview.NotesRecorded;
import app.rapport.domain.interview.ReferralId;
import app.rapport.domain.interview.ReferralRecorded;
import app.rapport.domain.interview.Response;
import app.rapport.domain.interview.ResponseRecorded;
import app.rapport.domain.shared.InterviewId;
import app.rapport.domain.shared.InvalidInput;
import app.rapport.domain.shared.OwnerId;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The owner index through its two projections and its queries, on the embedded store. */
class OwnerIndexTest {

    static final OwnerId OWNER = new OwnerId("user-1");
    static final OwnerId OTHER_OWNER = new OwnerId("user-2");
    static final ContactId DANA = new ContactId(OWNER, "dana");
    static final ContactId LEE = new ContactId(OWNER, "lee");
    static final ContactId SAM = new ContactId(OWNER, "sam");
    static final ContactId OTHERS_DANA = new ContactId(OTHER_OWNER, "dana");
    static final InterviewId WITH_DANA = new InterviewId(OWNER, "i-dana");
    static final InterviewId WITH_LEE = new InterviewId(OWNER, "i-lee");
    static final Instant ADDED_AT = Instant.parse("2026-03-01T09:00:00Z");
    static final Instant STARTS_AT = Instant.parse("2026-03-10T15:00:00Z");

    @TempDir
    Path dataDir;

    ProjectionHarness harness;
    OwnerIndexStore store;
    ContactIndexProjection contactSide;
    InterviewIndexProjection interviewSide;
    QueryGateway queries;

    @BeforeEach
    void start() {
        harness = startHarness(dataDir);
        store = new OwnerIndexStore(harness.store(), SimpleQueryUpdateEmitter.builder().build(), null);
        contactSide = new ContactIndexProjection(store);
        interviewSide = new InterviewIndexProjection(store);
        queries = harness.queries(new OwnerIndexQueries(store));
    }

    @AfterEach
    void stop() {
        store.close();
        harness.close();
    }

    @Test
    void contactsAreListedByDisplayNameIgnoringCaseAndPagedWithCursors() {
        deliver(0, added(DANA, "Dana", "Reyes", "Acme", List.of("design")));
        deliver(0, added(LEE, "lee", "Park", "Globex", List.of()));
        deliver(0, added(SAM, "Sam", null, "Acme", List.of("Design", "mentor")));

        ContactPage first = contacts(new FindContactPage(OWNER, 2, null, null, null, null));
        assertThat(ids(first)).containsExactly(DANA, LEE);
        assertThat(first.totalCount()).isEqualTo(3);
        assertThat(first.hasNextPage()).isTrue();
        ContactPage second = contacts(new FindContactPage(OWNER, 2, first.endCursor(), null, null, null));
        assertThat(ids(second)).containsExactly(SAM);
        assertThat(second.hasNextPage()).isFalse();

        assertThat(ids(contacts(new FindContactPage(OWNER, 50, null, "ACME des", null, null)))).containsExactly(DANA, SAM);
        assertThat(ids(contacts(new FindContactPage(OWNER, 50, null, null, null, "DESIGN")))).containsExactly(DANA, SAM);
        assertThat(ids(contacts(new FindContactPage(OWNER, 50, null, "park", null, null)))).containsExactly(LEE);
    }

    @Test
    void pagesWalkTheWholeListInOrderAndAContactAddedBehindTheCursorDoesNotShiftThem() {
        List<ContactId> all = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            ContactId id = new ContactId(OWNER, "c" + i);
            deliver(0, added(id, "Person " + (char) ('a' + i % 26), String.format("%03d", i), null, List.of()));
            all.add(id);
        }
        List<ContactId> walked = new ArrayList<>();
        ContactPage page = contacts(new FindContactPage(OWNER, 50, null, null, null, null));
        walked.addAll(ids(page));
        deliver(0, added(new ContactId(OWNER, "early"), "Aaron", null, null, List.of())); // sorts before every cursor
        while (page.hasNextPage()) {
            page = contacts(new FindContactPage(OWNER, 50, page.endCursor(), null, null, null));
            assertThat(page.totalCount()).isEqualTo(121);
            walked.addAll(ids(page));
        }

        List<ContactId> inOrder = ids(contacts(new FindContactPage(OWNER, 200, null, null, null, null)));
        inOrder.remove(new ContactId(OWNER, "early"));
        assertThat(walked).hasSize(120).containsExactlyInAnyOrderElementsOf(all).containsExactlyElementsOf(inOrder);
    }

    @Test
    void contactsGoDormantAsTimePassesAndComeBackWithATouch() {
        deliver(0, added(DANA, "Dana", null, null, List.of()));
        deliver(0, added(LEE, "Lee", null, null, List.of()));
        deliver(1, new TouchLogged(LEE, ADDED_AT.plus(Duration.ofDays(100)), Channel.EMAIL, null, null,
                                   ADDED_AT.plus(Duration.ofDays(100)), null));
        deliver(0, added(SAM, "Sam", null, null, List.of()));
        deliver(0, requested(WITH_DANA, SAM, ADDED_AT.plusSeconds(60))); // a pending request never goes quiet

        assertThat(stageCounts(ADDED_AT.plus(Duration.ofDays(1))))
                .containsEntry(RelationshipStage.PROSPECT, 2).containsEntry(RelationshipStage.REQUESTED, 1)
                .containsEntry(RelationshipStage.DORMANT, 0);
        assertThat(stageCounts(ADDED_AT.plus(Duration.ofDays(181))))
                .containsEntry(RelationshipStage.PROSPECT, 1).containsEntry(RelationshipStage.DORMANT, 1);
        assertThat(stageCounts(ADDED_AT.plus(Duration.ofDays(281))))
                .containsEntry(RelationshipStage.PROSPECT, 0).containsEntry(RelationshipStage.DORMANT, 2)
                .containsEntry(RelationshipStage.REQUESTED, 1);
        assertThat(stageCounts(ADDED_AT.plus(Duration.ofDays(2)))).as("a clock set back counts again")
                .containsEntry(RelationshipStage.PROSPECT, 2).containsEntry(RelationshipStage.DORMANT, 0);

        stageCounts(ADDED_AT.plus(Duration.ofDays(281)));
        deliver(2, new TouchLogged(LEE, ADDED_AT.plus(Duration.ofDays(280)), Channel.EMAIL, null, null,
                                   ADDED_AT.plus(Duration.ofDays(280)), null));
        Instant later = ADDED_AT.plus(Duration.ofDays(282));
        assertThat(stageCounts(later)).containsEntry(RelationshipStage.PROSPECT, 1).containsEntry(RelationshipStage.DORMANT, 1);
        assertThat(projectionIndex().stages(later)).containsEntry(LEE, RelationshipStage.PROSPECT)
                                                   .containsEntry(DANA, RelationshipStage.DORMANT);
    }

    @Test
    void anotherServerSharingTheDatabaseReadsTheIndexAsWritten() {
        OwnerIndexStore otherServer = new OwnerIndexStore(harness.store(), SimpleQueryUpdateEmitter.builder().build(), null);
        QueryGateway otherQueries = harness.queries(new OwnerIndexQueries(otherServer));
        try {
            deliver(0, added(DANA, "Dana", null, null, List.of()));
            assertThat(contacts(new FindContactPage(OWNER, 50, null, null, null, null)).totalCount()).isEqualTo(1);
            assertThat(otherQueries.query(new FindDashboard(OWNER), ResponseTypes.instanceOf(DashboardView.class)).join().contacts())
                    .isEqualTo(1);

            deliver(0, added(LEE, "Lee", null, null, List.of()));
            deliver(1, new ContactMergedInto(LEE, DANA));
            deliver(0, added(SAM, "Sam", null, null, List.of()));

            ContactPage seenElsewhere = otherQueries.query(new FindContactPage(OWNER, 50, null, null, null, null),
                                                           ResponseTypes.instanceOf(ContactPage.class)).join();
            assertThat(ids(seenElsewhere)).as("the copy the other server held missed three changes").containsExactly(DANA, SAM);
            assertThat(ids(contacts(new FindContactPage(OWNER, 50, null, null, null, null)))).containsExactly(DANA, SAM);
        } finally {
            otherServer.close();
        }
    }

    @Test
    void indexesHeldInMemoryStayWithinTheirBudgetKeepingTheOwnerAskedForLastAndAnswerAlikeWhenReadBack() {
        try (SmallServer small = new SmallServer()) {
            assertThat(small.page(OWNER).totalCount()).isEqualTo(2);
            assertThat(small.indexes.held()).containsExactly(OWNER);
            small.pass(OwnerIndexCache.IN_USE.plusNanos(1));
            assertThat(small.page(OTHER_OWNER).totalCount()).isEqualTo(2);
            assertThat(small.indexes.held()).as("two entries each, three in the budget").containsExactly(OTHER_OWNER);

            small.add(OTHER_OWNER, "Sam");
            small.add(OTHER_OWNER, "Kim");
            assertThat(small.indexes.held()).as("grown beyond the budget by its own changes, still the one in use")
                                            .containsExactly(OTHER_OWNER);

            small.pass(OwnerIndexCache.IN_USE.plusNanos(1));
            assertThat(small.page(OWNER).totalCount()).isEqualTo(2);
            assertThat(small.indexes.held()).containsExactly(OWNER);
            assertThat(small.page(OTHER_OWNER).totalCount()).as("read back from the rows").isEqualTo(4);
        }
    }

    @Test
    void ownersAskedInTurnWhoseIndexesDoNotFitTogetherKeepThoseHeldAndReadTheRestForEachQuery() {
        try (SmallServer small = new SmallServer()) {
            small.page(OWNER);
            small.page(OTHER_OWNER);
            assertThat(small.indexes.held()).containsExactly(OTHER_OWNER);

            for (int turn = 0; turn < 3; turn++) {
                small.pass(OwnerIndexCache.IN_USE.dividedBy(10));
                assertThat(small.page(OWNER).totalCount()).isEqualTo(2);
                assertThat(small.indexes.held()).as("let go a moment ago: read for the query, the index in use kept")
                                                .containsExactly(OTHER_OWNER);
                long reads = harness.finds(OwnerIndexRows.CONTACTS);
                assertThat(small.page(OWNER).totalCount()).isEqualTo(2);
                assertThat(harness.finds(OwnerIndexRows.CONTACTS)).as("the request's next query reads the index just read")
                                                                  .isEqualTo(reads);
                assertThat(small.page(OTHER_OWNER).totalCount()).isEqualTo(2);
            }
            small.add(OWNER, "Sam");
            assertThat(small.page(OWNER).totalCount()).as("changed since: read anew").isEqualTo(3);

            small.pass(OwnerIndexCache.IN_USE.plusNanos(1));
            long reads = harness.finds(OwnerIndexRows.CONTACTS);
            small.page(OWNER);
            assertThat(harness.finds(OwnerIndexRows.CONTACTS)).as("the copy nobody asked for in a while was let go")
                                                              .isGreaterThan(reads);
            assertThat(small.indexes.held()).as("the other no longer in use").containsExactly(OWNER);
        }
    }

    /** A second server whose indexes may hold three entries, with a clock of its own, and two owners of two contacts. */
    private final class SmallServer implements AutoCloseable {

        final AtomicLong nanoTime = new AtomicLong();
        final OwnerIndexStore indexes = new OwnerIndexStore(harness.store(), SimpleQueryUpdateEmitter.builder().build(),
                                                            DataSize.ofBytes(3 * OwnerIndexCache.BYTES_PER_ENTRY), nanoTime::get);
        final QueryGateway queries = harness.queries(new OwnerIndexQueries(indexes));
        final ContactIndexProjection projection = new ContactIndexProjection(indexes);

        SmallServer() {
            for (String name : List.of("Dana", "Lee")) {
                add(OWNER, name);
                add(OTHER_OWNER, name);
            }
        }

        void add(OwnerId owner, String name) {
            harness.deliver(projection, 0, added(new ContactId(owner, name), name, null, null, List.of()));
        }

        ContactPage page(OwnerId owner) {
            return queries.query(new FindContactPage(owner, 50, null, null, null, null), ResponseTypes.instanceOf(ContactPage.class)).join();
        }

        void pass(java.time.Duration time) {
            nanoTime.addAndGet(time.toNanos());
        }

        @Override
        public void close() {
            indexes.close();
        }
    }

    private java.util.Map<RelationshipStage, Integer> stageCounts(Instant now) {
        return dashboardAt(now).byStage().stream()
                               .collect(java.util.stream.Collectors.toMap(DashboardView.StageCount::stage, DashboardView.StageCount::count));
    }

    /** The dashboard from the index this server holds, as the query handler computes it, at a chosen moment. */
    private DashboardView dashboardAt(Instant now) {
        return Dashboards.of(store.index(OWNER), now);
    }

    @Test
    void aPageLargerThanTheCapOrAForeignCursorIsRefusedNamingTheField() {
        assertThatThrownBy(() -> new FindContactPage(OWNER, 201, null, null, null, null))
                .isInstanceOf(InvalidInput.class).extracting("field").isEqualTo("first");
        String interviewCursor = PageCursor.encode(FindInterviewPage.LIST, "2026-03-01T09:00:00Z", "x");
        assertThatThrownBy(() -> new FindContactPage(OWNER, 10, interviewCursor, null, null, null))
                .isInstanceOf(InvalidInput.class).extracting("field").isEqualTo("after");
    }

    @Test
    void updatesChangeWhatIsFoundAndStagesFollowTheInterviews() {
        deliver(0, added(DANA, "Dana", "Reyes", "Acme", List.of()));
        deliver(0, added(LEE, "Lee", null, null, List.of()));
        deliver(1, new ContactUpdated(DANA, null, null, null, null, null, "Initech", null, null, null, null, null, List.of("ux")));
        deliver(0, requested(WITH_DANA, DANA, ADDED_AT.plusSeconds(60)),
                new ResponseRecorded(WITH_DANA, DANA, Response.ACCEPTED, ADDED_AT.plusSeconds(120), null, true),
                new MeetingConfirmed(WITH_DANA, DANA, STARTS_AT, 30, MeetingFormat.VIDEO, null, "UTC"));

        assertThat(ids(contacts(new FindContactPage(OWNER, 50, null, "initech", null, "UX")))).containsExactly(DANA);
        assertThat(ids(contacts(new FindContactPage(OWNER, 50, null, "acme", null, null)))).isEmpty();
        Instant now = STARTS_AT.minus(Duration.ofDays(1));
        assertThat(projectionIndex().stages(now)).containsEntry(DANA, RelationshipStage.SCHEDULED)
                                                 .containsEntry(LEE, RelationshipStage.PROSPECT);
        assertThat(interviews(new FindInterviewPage(OWNER, 50, null, InterviewStatus.SCHEDULED)).entries())
                .extracting(InterviewPage.Entry::id).containsExactly(WITH_DANA);
    }

    @Test
    void redeliveredEventsChangeNothing() {
        Object[] danaEvents = {added(DANA, "Dana", "Reyes", "Acme", List.of()),
                new TouchLogged(DANA, ADDED_AT.plusSeconds(10), Channel.EMAIL, null, null, ADDED_AT.plusSeconds(10), null)};
        Object[] interviewEvents = {requested(WITH_DANA, DANA, ADDED_AT.plusSeconds(60)),
                new ResponseRecorded(WITH_DANA, DANA, Response.DECLINED, ADDED_AT.plusSeconds(120), null, false)};
        deliver(0, danaEvents);
        deliver(0, interviewEvents);
        List<Document> contactRows = harness.documents(OwnerIndexRows.CONTACTS);
        List<Document> interviewRows = harness.documents(OwnerIndexRows.INTERVIEWS);

        deliver(0, danaEvents);
        deliver(0, interviewEvents);
        deliver(0, requested(WITH_DANA, DANA, ADDED_AT.plusSeconds(999))); // an old event again, must not reset the status

        assertThat(harness.documents(OwnerIndexRows.CONTACTS)).isEqualTo(contactRows);
        assertThat(harness.documents(OwnerIndexRows.INTERVIEWS)).isEqualTo(interviewRows);
        assertThat(interviews(new FindInterviewPage(OWNER, 50, null, InterviewStatus.DECLINED)).totalCount()).isEqualTo(1);
    }

    @Test
    void forgettingAContactPurgesItsEntryItsInterviewsAndReferralsToItAndKeepsLateEventsOut() {
        deliver(0, added(DANA, "Dana", "Reyes", "Acme", List.of("secret-tag")));
        deliver(0, added(LEE, "Lee", null, null, List.of()));
        deliver(0, requested(WITH_DANA, DANA, ADDED_AT.plusSeconds(60)));
        deliver(0, requested(WITH_LEE, LEE, ADDED_AT.plusSeconds(60)),
                new MeetingConfirmed(WITH_LEE, LEE, STARTS_AT, 30, MeetingFormat.VIDEO, null, "UTC"),
                new NotesRecorded(WITH_LEE, LEE, STARTS_AT, null, List.of(), null, null, STARTS_AT.plus(Duration.ofDays(7)), false),
                new ReferralRecorded(WITH_LEE, LEE, new ReferralId(OWNER, "r1"), DANA, true, null));
        assertThat(Dashboards.of(projectionIndex(), STARTS_AT.plusSeconds(60)).referralsPerInterview()).isEqualTo(1.0);

        deliver(5, new ContactForgotten(OWNER, DANA, STARTS_AT.plusSeconds(3600)));
        deliver(0, added(DANA, "Dana", "Reyes", "Acme", List.of("secret-tag"))); // redelivered after the forgetting
        deliver(0, requested(WITH_DANA, DANA, ADDED_AT.plusSeconds(60)));

        String stored = harness.documents(OwnerIndexRows.CONTACTS) + " " + harness.documents(OwnerIndexRows.INTERVIEWS)
                        + " " + harness.documents(OwnerIndexRows.MEMBERS);
        assertThat(stored).doesNotContain("Reyes", "Acme", "secret-tag", "i-dana");
        assertThat(ids(contacts(new FindContactPage(OWNER, 50, null, null, null, null)))).containsExactly(LEE);
        assertThat(interviews(new FindInterviewPage(OWNER, 50, null, null)).entries())
                .extracting(InterviewPage.Entry::id).containsExactly(WITH_LEE);
        assertThat(Dashboards.of(projectionIndex(), STARTS_AT.plusSeconds(60)).referralsPerInterview()).isEqualTo(0.0);
    }

    @Test
    void ownersSeeOnlyTheirOwnEntriesEvenWithTheSameIds() {
        deliver(0, added(DANA, "Dana", "Reyes", "Acme", List.of()));
        deliver(0, added(OTHERS_DANA, "Other", "Person", "Acme", List.of()));

        assertThat(ids(contacts(new FindContactPage(OWNER, 50, null, null, null, null)))).containsExactly(DANA);
        assertThat(ids(contacts(new FindContactPage(OTHER_OWNER, 50, null, "acme", null, null)))).containsExactly(OTHERS_DANA);
        assertThat(dashboard(OTHER_OWNER).contacts()).isEqualTo(1);
        assertThat(harness.documents(OwnerIndexRows.CONTACTS)).allSatisfy(row -> assertThat(row.getString("_id"))
                .startsWith(row.getString("owner") + "/"));
    }

    @Test
    void aMergedAwayContactIsNotListedAndItsInterviewsCountForTheSurvivor() {
        deliver(0, added(DANA, "Dana", "Reyes", null, List.of()));
        deliver(0, added(LEE, "Dana R.", null, null, List.of()));
        deliver(0, requested(WITH_LEE, LEE, ADDED_AT.plusSeconds(60)));
        deliver(1, new ContactMergedInto(LEE, DANA));

        assertThat(ids(contacts(new FindContactPage(OWNER, 50, null, null, null, null)))).containsExactly(DANA);
        assertThat(ids(contacts(new FindContactPage(OWNER, 50, null, null, RelationshipStage.REQUESTED, null)))).containsExactly(DANA);
        DashboardView dashboard = dashboard(OWNER);
        assertThat(dashboard.contacts()).isEqualTo(1);
        assertThat(dashboard.awaitingResponseIds()).containsExactly(WITH_LEE);
    }

    @Test
    void theDashboardCountsEveryStageAndDefinesItsRates() {
        deliver(0, added(DANA, "Dana", null, null, List.of()));
        deliver(0, added(LEE, "Lee", null, null, List.of()));
        deliver(0, added(SAM, "Sam", null, null, List.of()));
        deliver(0, requested(WITH_DANA, DANA, ADDED_AT.plusSeconds(60)),
                new ResponseRecorded(WITH_DANA, DANA, Response.NO_RESPONSE, ADDED_AT.plusSeconds(120), null, false));
        deliver(0, requested(WITH_LEE, LEE, ADDED_AT.plusSeconds(60)),
                new ResponseRecorded(WITH_LEE, LEE, Response.DECLINED, ADDED_AT.plusSeconds(120), null, false));

        DashboardView dashboard = Dashboards.of(projectionIndex(), ADDED_AT.plus(Duration.ofDays(1)));

        assertThat(dashboard.byStage()).hasSize(RelationshipStage.values().length)
                                       .contains(new DashboardView.StageCount(RelationshipStage.PROSPECT, 1),
                                                 new DashboardView.StageCount(RelationshipStage.REQUESTED, 1),
                                                 new DashboardView.StageCount(RelationshipStage.DECLINED, 1),
                                                 new DashboardView.StageCount(RelationshipStage.MET, 0));
        assertThat(dashboard.responseRate()).isEqualTo(0.5); // NO_RESPONSE is not an answer
        assertThat(dashboard.referralsPerInterview()).isNull();
        assertThat(dashboard.awaitingResponseIds()).isEmpty();
    }

    @Test
    void theResetHandlerClearsTheIndex() {
        deliver(0, added(DANA, "Dana", null, null, List.of()));
        contactSide.onReset();
        assertThat(harness.documents(OwnerIndexRows.CONTACTS)).isEmpty();
        assertThat(dashboard(OWNER).contacts()).isZero();
    }

    // ---------------------------------------------------------------- helpers

    /** One aggregate's events, numbered from {@code firstSequence}, each to both sides of the index in turn. */
    private void deliver(long firstSequence, Object... events) {
        for (int i = 0; i < events.length; i++) {
            harness.deliver(contactSide, firstSequence + i, events[i]);
            harness.deliver(interviewSide, firstSequence + i, events[i]);
        }
    }

    /** The index as read back from its rows alone. */
    private OwnerIndex projectionIndex() {
        return new OwnerIndexRows(harness.database()).load(OWNER);
    }

    private ContactPage contacts(FindContactPage query) {
        return queries.query(query, ResponseTypes.instanceOf(ContactPage.class)).join();
    }

    private InterviewPage interviews(FindInterviewPage query) {
        return queries.query(query, ResponseTypes.instanceOf(InterviewPage.class)).join();
    }

    private DashboardView dashboard(OwnerId owner) {
        return queries.query(new FindDashboard(owner), ResponseTypes.instanceOf(DashboardView.class)).join();
    }

    private static List<ContactId> ids(ContactPage page) {
        return new ArrayList<>(page.entries().stream().map(ContactPage.Entry::id).toList());
    }

    private static ContactAdded added(ContactId id, String givenName, String familyName, String organization, List<String> tags) {
        return new ContactAdded(id, givenName, familyName, null, null, null, organization, List.of(), List.of(), null,
                                ContactSource.OTHER, null, tags, null, false, ADDED_AT);
    }

    private static InterviewRequested requested(InterviewId id, ContactId contact, Instant at) {
        return new InterviewRequested(id, contact, Channel.EMAIL, 20, null, null, false, null, at);
    }

    /** How the events reach the projection: one at a time here, as batches of a processor in a subclass. */
    ProjectionHarness startHarness(Path dataDirectory) {
        return ProjectionHarness.start(dataDirectory);
    }
}
