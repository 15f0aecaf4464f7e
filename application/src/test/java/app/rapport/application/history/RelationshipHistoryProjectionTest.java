package app.rapport.application.history;

import app.rapport.application.ProjectionHarness;
import app.rapport.application.contact.ContactViewsFixture;
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
import app.rapport.domain.contact.RelationshipEvent;
import app.rapport.domain.contact.TouchLogged;
import app.rapport.domain.interview.Answer;
import app.rapport.domain.interview.InterviewRequested;
import app.rapport.domain.interview.MeetingCancelled;
import app.rapport.domain.interview.MeetingConfirmed;
import app.rapport.domain.interview.MeetingFormat;
import app.rapport.domain.interview.MeetingRescheduled;
import app.rapport.domain.interview.NotesRecorded;
import app.rapport.domain.interview.QuestionsPrepared;
import app.rapport.domain.interview.ReferralId;
import app.rapport.domain.interview.ReferralRecorded;
import app.rapport.domain.interview.Response;
import app.rapport.domain.interview.ResponseRecorded;
import app.rapport.domain.interview.ThanksSent;
import app.rapport.domain.shared.InterviewId;
import app.rapport.domain.shared.OwnerId;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.DefaultQueryGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.axonframework.queryhandling.annotation.AnnotationQueryHandlerAdapter;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RelationshipHistoryProjectionTest {

    static final OwnerId OWNER = new OwnerId("user-1");
    static final OwnerId OTHER_OWNER = new OwnerId("user-2");
    static final ContactId DANA = new ContactId(OWNER, "dana");
    static final ContactId SAM = new ContactId(OWNER, "sam");
    static final ContactId DUPLICATE = new ContactId(OWNER, "dana-2");
    static final InterviewId FIRST_CHAT = new InterviewId(OWNER, "first-chat");
    static final InterviewId SECOND_CHAT = new InterviewId(OWNER, "second-chat");
    static final Instant T0 = Instant.parse("2026-12-01T09:00:00Z");
    static final Instant MEETING = Instant.parse("2026-12-12T21:00:00Z"); // 15:00 in Chicago
    static final String USER = "user:user-1";

    @TempDir
    Path dataDir;

    ProjectionHarness harness;
    SimpleQueryUpdateEmitter emitter;
    RelationshipHistoryProjection projection;
    /** The contact views, which the history reads to name other contacts. */
    Object contacts;
    QueryGateway queries;

    @BeforeEach
    void start() {
        harness = startHarness(dataDir);
        emitter = SimpleQueryUpdateEmitter.builder().build();
        contacts = ContactViewsFixture.projection(harness.store());
        projection = new RelationshipHistoryProjection(harness.store(), emitter, ContactViewsFixture.names(harness.store()));
        SimpleQueryBus bus = SimpleQueryBus.builder().queryUpdateEmitter(emitter).build();
        new AnnotationQueryHandlerAdapter<>(projection).subscribe(bus);
        queries = DefaultQueryGateway.builder().queryBus(bus).build();
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    @Test
    void everyStepOfARelationshipIsListedInOrderWithASentenceTheActorAndItsData() {
        deliver(SAM.toString(), 0, named(SAM, "Sam", "Okafor"), T0, USER);
        deliver(DUPLICATE.toString(), 0, named(DUPLICATE, "Dana", "R."), T0, USER);
        deliverWorkflow();

        List<HistoryEntryView> history = page(DANA, 200, 0).entries();
        assertThat(history).extracting(HistoryEntryView::sequence).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L,
                                                                                    11L, 12L, 13L, 14L, 15L, 16L, 17L);
        assertThat(history).extracting(HistoryEntryView::type).containsExactly(
                "ContactAdded", "InterviewRequested", "ResponseRecorded", "MeetingConfirmed", "MeetingRescheduled",
                "QuestionsPrepared", "NotesRecorded", "TouchLogged", "ReferralRecorded", "ThanksSent", "FollowUpCadenceSet",
                "ContactUpdated", "IntroductionRecorded", "InterviewRequested", "MeetingConfirmed", "MeetingCancelled",
                "ContactsMerged");
        assertThat(history).extracting(HistoryEntryView::summary).containsExactly(
                "Added Dana Reyes, Staff Engineer at Acme, found through the alumni network (Class of 2010 list)",
                "Requested a 20-minute informational interview by email: \"Learn how platform teams hire\"",
                "The interview request counts as accepted, as a meeting was confirmed on 2 Dec 2026",
                "Confirmed a 30-minute video meeting for 12 Dec 2026, 15:00 America/Chicago at \"https://meet.example/dana\"",
                "Moved the meeting from 12 Dec 2026, 15:00 to 13 Dec 2026, 10:00 America/Chicago (45 minutes): \"Dana travels\"",
                "Prepared 2 questions for the interview",
                "Held the meeting on 13 Dec 2026, 10:00 America/Chicago and recorded notes: \"Hiring is by referral\"; thank-you due by 20 Dec 2026",
                "Logged the meeting as a touch (by video) on 13 Dec 2026",
                "Got a referral to Sam Okafor, with permission to use the interviewee's name: \"Sam leads hiring\"",
                "Sent a thank-you note by email on 14 Dec 2026: \"Thank you for your time\"",
                "Set follow-ups every 30 days; next one due 13 Jan 2027",
                "Updated title to \"Engineering Manager\" and tags to platform, mentor; cleared pronunciation",
                "Recorded that Sam Okafor also introduced this person",
                "Requested a 15-minute informational interview by phone",
                "Confirmed a 15-minute phone call for 10 Jan 2027, 09:00 UTC",
                "Cancelled the meeting by \"Dana\": \"Conflict at work\"",
                "Merged Dana R., a duplicate, into this one, taking its salutation");
        assertThat(history).extracting(HistoryEntryView::actor).containsOnly(USER);
        assertThat(history).extracting(HistoryEntryView::contactId).containsOnly(DANA);
        assertThat(history.get(0).interviewId()).isNull();
        assertThat(history.get(1).interviewId()).isEqualTo(FIRST_CHAT);
        assertThat(history.get(7).interviewId()).as("a touch for a meeting belongs to that interview").isEqualTo(FIRST_CHAT);
        assertThat(history.get(13).interviewId()).isEqualTo(SECOND_CHAT);
        assertThat(history.get(3).at()).isEqualTo(T0.plus(Duration.ofMinutes(3)));

        Map<String, Object> confirmed = history.get(3).data();
        assertThat(confirmed).containsEntry("interviewId", "first-chat").containsEntry("contactId", "dana")
                             .containsEntry("startsAt", "2026-12-12T21:00:00Z").containsEntry("durationMinutes", 30)
                             .containsEntry("format", "VIDEO").containsEntry("timeZone", "America/Chicago");
        assertThat(history.get(6).data().get("answers"))
                .isEqualTo(List.of(Map.of("question", "How do teams hire?", "answer", "Mostly by referral")));
        assertThat(history.get(16).data()).containsEntry("duplicateId", "dana-2");
    }

    @Test
    void theActorIsSystemWhenTheEventNamesNoneAndAPluginWhenAPluginCausedIt() {
        deliver(DANA.toString(), 0, added(DANA), T0, null);
        deliver(DANA.toString(), 1, new FollowUpCadenceSet(DANA, null, null), T0.plusSeconds(1), "plugin:calendar-sync");

        assertThat(page(DANA, 10, 0).entries()).extracting(HistoryEntryView::actor).containsExactly("system", "plugin:calendar-sync");
        assertThat(page(DANA, 10, 0).entries().get(1).summary()).isEqualTo("Stopped follow-up reminders");
        deliver(SAM.toString(), 0, new ContactAdded(SAM, "Sam", null, null, null, null, "Globex", List.of(), List.of(), null,
                                                    ContactSource.REFERRAL, null, List.of(), DANA, true, T0), T0, USER);
        assertThat(page(SAM, 10, 0).entries().get(0).summary())
                .isEqualTo("Added Sam of Globex, found through a referral, introduced by Dana Reyes");
    }

    @Test
    void anEventTypeTheHistoryDoesNotKnowGetsASentenceFromItsName() {
        deliver(DANA.toString(), 0, added(DANA), T0, USER);
        deliver(DANA.toString(), 1, new ContactTagged(DANA, "mentor"), T0.plusSeconds(1), USER);

        HistoryEntryView entry = page(DANA, 10, 0).entries().get(1);
        assertThat(entry.type()).isEqualTo("ContactTagged");
        assertThat(entry.summary()).isEqualTo("Recorded a step: contact tagged");
        assertThat(entry.data()).containsEntry("tag", "mentor");
    }

    @Test
    void sequenceNumbersRunOnAcrossBucketsAndPagesFollowTheCursor() {
        deliver(DANA.toString(), 0, added(DANA), T0, USER);
        for (int i = 1; i <= 129; i++) {
            Instant at = T0.plus(Duration.ofHours(i));
            deliver(DANA.toString(), i, new TouchLogged(DANA, at, Channel.PHONE, "call " + i, null, at, null), at, USER);
        }

        assertThat(harness.documents(HistoryRows.COLLECTION)).extracting(row -> row.getString("_id"))
                .containsExactlyInAnyOrder("user-1/dana", "user-1/dana#0", "user-1/dana#1", "user-1/dana#2");
        List<Long> seen = new ArrayList<>();
        long after = 0;
        HistoryPage page;
        do {
            page = page(DANA, 40, after);
            page.entries().forEach(entry -> seen.add(entry.sequence()));
            after = page.entries().get(page.entries().size() - 1).sequence();
        } while (page.hasNextPage());
        assertThat(seen).hasSize(130).isSorted().doesNotHaveDuplicates().startsWith(1L).endsWith(130L);
        assertThat(page(DANA, 200, 45).entries()).hasSize(85).first()
                .satisfies(entry -> assertThat(entry.summary()).isEqualTo("Logged a touch by phone on 3 Dec 2026: \"call 45\""));
        assertThat(page(DANA, 200, 130).entries()).isEmpty();
        assertThat(page(DANA, 200, 130).hasNextPage()).isFalse();
        assertThatThrownBy(() -> new FindRelationshipHistory(DANA, 201, 0)).hasMessageContaining("first must be between 0 and 200");
    }

    @Test
    void anEventDeliveredAgainChangesNothing() {
        deliverWorkflow();
        List<Document> once = harness.documents(HistoryRows.COLLECTION);

        deliverWorkflow();
        deliver(FIRST_CHAT.toString(), 3, notes(), T0.plus(Duration.ofMinutes(6)), USER);

        assertThat(harness.documents(HistoryRows.COLLECTION)).isEqualTo(once);
        assertThat(page(DANA, 200, 0).entries()).hasSize(17);
    }

    @Test
    void forgettingTheContactLeavesOnlyWhatKindsOfStepsHappened() {
        deliverWorkflow();
        deliver(DANA.toString(), 6, new ContactForgotten(OWNER, DANA, T0.plus(Duration.ofDays(60))), T0.plus(Duration.ofDays(60)), USER);
        // a step racing the erasure, stored after it: its personal data is not kept either
        deliver(SECOND_CHAT.toString(), 4, new QuestionsPrepared(SECOND_CHAT, DANA, List.of("Anything about Dana Reyes?")),
                T0.plus(Duration.ofDays(61)), USER);

        String stored = harness.documents(HistoryRows.COLLECTION).toString();
        for (String personal : List.of("Dana", "Reyes", "Acme", "Staff Engineer", "Class of 2010", "platform teams",
                                       "meet.example", "travels", "Hiring is by referral", "referral\"", "Mostly by referral",
                                       "Sam leads", "Thank you for", "Engineering Manager", "mentor", "Conflict at work",
                                       "How do teams hire")) {
            assertThat(stored).as(personal).doesNotContain(personal);
        }
        List<HistoryEntryView> history = page(DANA, 200, 0).entries();
        assertThat(history).hasSize(19);
        assertThat(history).extracting(HistoryEntryView::type).startsWith("ContactAdded", "InterviewRequested")
                           .endsWith("ContactsMerged", "ContactForgotten", "QuestionsPrepared");
        assertThat(history).extracting(HistoryEntryView::summary).startsWith(
                "Added a contact, found through the alumni network",
                "Requested a 20-minute informational interview by email",
                "The interview request counts as accepted, as a meeting was confirmed on 2 Dec 2026",
                "Confirmed a 30-minute video meeting for 12 Dec 2026, 15:00 America/Chicago");
        assertThat(history.get(17).summary())
                .isEqualTo("Erased this contact's personal data; the history keeps only what kinds of steps happened");
        assertThat(history.get(18).summary()).isEqualTo("Prepared questions for the interview");
        assertThat(history.get(0).data()).containsEntry("givenName", null).containsEntry("source", "ALUMNI");
        assertThat(history.get(3).data()).containsEntry("location", null).containsEntry("timeZone", "America/Chicago");
    }

    @Test
    void aReplayAfterForgettingReadsTheEventsWithoutPersonalDataAndWritesTheSameHistory() {
        List<Delivery> workflow = new ArrayList<>(workflow());
        workflow.add(new Delivery(DANA.toString(), 6, new ContactForgotten(OWNER, DANA, T0.plus(Duration.ofDays(60))),
                                  T0.plus(Duration.ofDays(60))));
        workflow.forEach(this::deliver);
        List<Document> purged = harness.documents(HistoryRows.COLLECTION);

        projection.onReset();
        assertThat(harness.documents(HistoryRows.COLLECTION)).isEmpty();
        workflow.forEach(step -> deliver(new Delivery(step.aggregate(), step.sequence(),
                                                      EventData.withoutPersonalData(step.event()), step.at())));

        assertThat(harness.documents(HistoryRows.COLLECTION)).isEqualTo(purged);
    }

    @Test
    void historiesOfTwoOwnersNeverMixAndSubscriptionsGetOnlyTheirOwnersEntries() {
        ContactId othersDana = new ContactId(OTHER_OWNER, "dana");
        List<HistoryEntryView> everyRelationship = watch(new WatchRelationshipHistory(OWNER, null));
        List<HistoryEntryView> onlySam = watch(new WatchRelationshipHistory(OWNER, SAM));
        List<HistoryEntryView> othersFeed = watch(new WatchRelationshipHistory(OTHER_OWNER, null));

        deliver(DANA.toString(), 0, added(DANA), T0, USER);
        deliver(othersDana.toString(), 0, added(othersDana), T0, "user:user-2");
        deliver(SAM.toString(), 0, added(SAM), T0, USER);

        assertThat(page(DANA, 10, 0).entries()).singleElement().satisfies(entry -> assertThat(entry.actor()).isEqualTo(USER));
        assertThat(page(othersDana, 10, 0).entries()).singleElement()
                                                     .satisfies(entry -> assertThat(entry.actor()).isEqualTo("user:user-2"));
        assertThat(everyRelationship).extracting(HistoryEntryView::contactId).containsExactly(DANA, SAM);
        assertThat(onlySam).extracting(HistoryEntryView::contactId).containsExactly(SAM);
        assertThat(othersFeed).extracting(HistoryEntryView::contactId).containsExactly(othersDana);
        assertThat(harness.documents(HistoryRows.COLLECTION)).allSatisfy(
                row -> assertThat(row.getString("_id")).startsWith(row.getString("owner") + "/"));
    }

    @Test
    void aMergedAwayContactsHistoryEndsWithTheMergeAndTheSurvivorsShowsIt() {
        deliver(DANA.toString(), 0, added(DANA), T0, USER);
        deliver(DUPLICATE.toString(), 0, added(DUPLICATE), T0, USER);
        deliver(DUPLICATE.toString(), 1, new ContactMergedInto(DUPLICATE, DANA), T0.plusSeconds(5), USER);

        assertThat(page(DUPLICATE, 10, 0).entries()).extracting(HistoryEntryView::summary).last()
                .isEqualTo("Merged into Dana Reyes, which holds these details now; this contact is archived");
    }

    // ---------------------------------------------------------------- a relationship from first contact to merge

    /** A relationship event this version of the history has no sentence for. */
    record ContactTagged(ContactId contactId, String tag) implements RelationshipEvent {
    }

    record Delivery(String aggregate, long sequence, Object event, Instant at) {
    }

    private void deliverWorkflow() {
        workflow().forEach(this::deliver);
    }

    private static List<Delivery> workflow() {
        Instant held = Instant.parse("2026-12-13T16:00:00Z");
        String dana = DANA.toString();
        String first = FIRST_CHAT.toString();
        String second = SECOND_CHAT.toString();
        return List.of(
                new Delivery(dana, 0, added(DANA), T0),
                new Delivery(first, 0, new InterviewRequested(FIRST_CHAT, DANA, Channel.EMAIL, 20, "Learn how platform teams hire",
                                                              "Hello Dana", false, null, T0), T0.plus(Duration.ofMinutes(1))),
                new Delivery(first, 1, new ResponseRecorded(FIRST_CHAT, DANA, Response.ACCEPTED,
                                                            Instant.parse("2026-12-02T10:00:00Z"), null, true),
                             T0.plus(Duration.ofMinutes(2))),
                new Delivery(first, 2, new MeetingConfirmed(FIRST_CHAT, DANA, MEETING, 30, MeetingFormat.VIDEO,
                                                            "https://meet.example/dana", "America/Chicago"),
                             T0.plus(Duration.ofMinutes(3))),
                new Delivery(first, 3, new MeetingRescheduled(FIRST_CHAT, DANA, MEETING, held, 45, null, "Dana travels"),
                             T0.plus(Duration.ofMinutes(4))),
                new Delivery(first, 4, new QuestionsPrepared(FIRST_CHAT, DANA, List.of("How do teams hire?", "What surprised you?")),
                             T0.plus(Duration.ofMinutes(5))),
                new Delivery(first, 5, notes(), T0.plus(Duration.ofMinutes(6))),
                new Delivery(dana, 1, new TouchLogged(DANA, held, Channel.VIDEO, null, FIRST_CHAT, held, null),
                             T0.plus(Duration.ofMinutes(7))),
                new Delivery(first, 6, new ReferralRecorded(FIRST_CHAT, DANA, new ReferralId(OWNER, "r-1"), SAM, true,
                                                            "Sam leads hiring"), T0.plus(Duration.ofMinutes(8))),
                new Delivery(first, 7, new ThanksSent(FIRST_CHAT, DANA, Instant.parse("2026-12-14T18:00:00Z"), Channel.EMAIL,
                                                      "Thank you for your time"), T0.plus(Duration.ofMinutes(9))),
                new Delivery(dana, 2, new FollowUpCadenceSet(DANA, 30, Instant.parse("2027-01-13T16:00:00Z")),
                             T0.plus(Duration.ofMinutes(10))),
                new Delivery(dana, 3, new ContactUpdated(DANA, null, null, "", null, "Engineering Manager", null, null, null,
                                                         null, null, null, List.of("platform", "mentor")),
                             T0.plus(Duration.ofMinutes(11))),
                new Delivery(dana, 4, new IntroductionRecorded(DANA, SAM, false, false), T0.plus(Duration.ofMinutes(12))),
                new Delivery(second, 0, new InterviewRequested(SECOND_CHAT, DANA, Channel.PHONE, 15, null, null, false, null,
                                                               T0), T0.plus(Duration.ofMinutes(13))),
                new Delivery(second, 1, new MeetingConfirmed(SECOND_CHAT, DANA, Instant.parse("2027-01-10T09:00:00Z"), 15,
                                                             MeetingFormat.PHONE, null, "UTC"), T0.plus(Duration.ofMinutes(14))),
                new Delivery(second, 2, new MeetingCancelled(SECOND_CHAT, DANA, "Conflict at work", "Dana"),
                             T0.plus(Duration.ofMinutes(15))),
                new Delivery(dana, 5, new ContactsMerged(DANA, DUPLICATE, null, null, "Dr.", null, null, null, null,
                                                         List.of("dana@example.com"), List.of(), List.of("platform", "mentor"),
                                                         null, false, 30, held, Instant.parse("2027-01-13T16:00:00Z")),
                             T0.plus(Duration.ofMinutes(16))));
    }

    private static NotesRecorded notes() {
        return new NotesRecorded(FIRST_CHAT, DANA, Instant.parse("2026-12-13T16:00:00Z"), "Hiring is by referral",
                                 List.of(new Answer("How do teams hire?", "Mostly by referral")), "Meet more people",
                                 "Write to Sam", Instant.parse("2026-12-20T16:00:00Z"), false);
    }

    /** Other contacts are named as they are called when the history is read; a forgotten one as such. */
    @Test
    void anotherContactIsNamedByItsNameNowAndAForgottenOneAsForgotten() {
        deliver(DANA.toString(), 0, added(DANA), T0, USER);
        deliver(SAM.toString(), 0, named(SAM, "Sam", "Okafor"), T0, USER);
        deliver(FIRST_CHAT.toString(), 0, new ReferralRecorded(FIRST_CHAT, DANA, new ReferralId(OWNER, "r-1"), SAM, true, null), T0.plusSeconds(1), USER);
        assertThat(page(DANA, 10, 0).entries().get(1).summary()).startsWith("Got a referral to Sam Okafor,");

        deliver(SAM.toString(), 1, new ContactUpdated(SAM, "Samuel", null, null, null, null, null, null, null, null, null, null, null),
                T0.plusSeconds(2), USER);
        assertThat(page(DANA, 10, 0).entries().get(1).summary()).startsWith("Got a referral to Samuel Okafor,");

        deliver(SAM.toString(), 2, new ContactForgotten(OWNER, SAM, T0), T0.plusSeconds(3), USER);
        assertThat(page(DANA, 10, 0).entries().get(1).summary()).startsWith("Got a referral to a contact since forgotten,");
    }

    private static ContactAdded named(ContactId id, String givenName, String familyName) {
        return new ContactAdded(id, givenName, familyName, null, null, null, null, List.of(), List.of(), null,
                                ContactSource.OTHER, null, List.of(), null, false, T0);
    }

    private static ContactAdded added(ContactId id) {
        return new ContactAdded(id, "Dana", "Reyes", "DAH-nah", null, "Staff Engineer", "Acme", List.of("dana@acme.example"),
                                List.of(), null, ContactSource.ALUMNI, "Class of 2010 list", List.of(), null, false, T0);
    }

    private void deliver(Delivery delivery) {
        deliver(delivery.aggregate(), delivery.sequence(), delivery.event(), delivery.at(), USER);
    }

    private void deliver(String aggregate, long sequence, Object event, Instant at, String actor) {
        MetaData metaData = actor == null ? MetaData.emptyInstance() : MetaData.with("actor", actor);
        // The message id is derived from aggregate and sequence, as a redelivered event keeps its id.
        String id = UUID.nameUUIDFromBytes((aggregate + "#" + sequence).getBytes()).toString();
        GenericDomainEventMessage<Object> message = new GenericDomainEventMessage<>(
                event.getClass().getSimpleName(), aggregate, sequence, event, metaData, id, at);
        try {
            new AnnotationEventHandlerAdapter(contacts).handle(message);
            new AnnotationEventHandlerAdapter(projection).handle(message);
        } catch (Exception e) {
            throw new IllegalStateException("The projection failed on " + event, e);
        }
    }

    private HistoryPage page(ContactId contact, int first, long after) {
        return queries.query(new FindRelationshipHistory(contact, first, after), ResponseTypes.instanceOf(HistoryPage.class)).join();
    }

    private List<HistoryEntryView> watch(WatchRelationshipHistory query) {
        SubscriptionQueryResult<List<HistoryEntryView>, HistoryEntryView> result = queries.subscriptionQuery(
                query, ResponseTypes.multipleInstancesOf(HistoryEntryView.class), ResponseTypes.instanceOf(HistoryEntryView.class));
        List<HistoryEntryView> received = new CopyOnWriteArrayList<>();
        result.updates().subscribe(received::add);
        return received;
    }

    /** How the events reach the projection: one at a time here, as batches of a processor in a subclass. */
    ProjectionHarness startHarness(Path dataDirectory) {
        return ProjectionHarness.start(dataDirectory);
    }
}
