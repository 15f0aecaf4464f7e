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
import app.rapport.domain.shared.OwnerId;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The fold behind {@code contact(asOf:)} must show what the contact view shows, given the same events. */
class ContactFoldTest {

    static final OwnerId OWNER = new OwnerId("user-1");
    static final ContactId DANA = new ContactId(OWNER, "dana");
    static final ContactId LEE = new ContactId(OWNER, "lee");
    static final ContactId SAM = new ContactId(OWNER, "sam");
    static final ContactId DUPLICATE = new ContactId(OWNER, "dana-2");
    static final ContactId SURVIVOR = new ContactId(OWNER, "dana-main");
    static final Instant T0 = Instant.parse("2026-03-02T09:15:30.123456789Z");

    @TempDir
    Path dataDir;

    ProjectionHarness harness;
    ContactViewProjection projection;
    QueryGateway queries;

    @BeforeEach
    void start() {
        harness = ProjectionHarness.start(dataDir);
        projection = new ContactViewProjection(harness.store());
        queries = harness.queries(projection);
        harness.deliver(projection, 0, added(LEE, null));
        harness.deliver(projection, 0, added(SAM, null));
        harness.deliver(projection, 0, added(SURVIVOR, null));
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    @Test
    void afterEachEventTheFoldEqualsTheView() {
        List<Object> events = List.of(
                added(DANA, LEE),
                new ContactUpdated(DANA, "Danielle", "", null, "Dr.", "Engineering Manager", null, List.of("d@example.com"),
                                   null, "https://www.linkedin.com/in/dana", ContactSource.REFERRAL, "", List.of("mentor")),
                new TouchLogged(DANA, T0.plusSeconds(60), Channel.PHONE, "catch-up", null, T0.plusSeconds(60), null),
                new FollowUpCadenceSet(DANA, 30, T0.plusSeconds(60 + 30L * 86_400)),
                new IntroductionRecorded(DANA, SAM, true, false),
                new IntroductionRecorded(DANA, LEE, true, true),
                new ContactsMerged(DANA, DUPLICATE, "Reyes", null, null, "Ignored: title already set", "Acme", null, "alumni list",
                                   List.of("d@example.com", "dana@acme.example"), List.of("+1 555 0100"), List.of("mentor"),
                                   SAM, false, 14, T0.plusSeconds(120), T0.plusSeconds(120 + 14L * 86_400)),
                new FollowUpCadenceSet(DANA, null, null),
                new ContactMergedInto(DANA, SURVIVOR));

        ContactFold fold = new ContactFold(id -> projection.handle(new FindContact(id)).isPresent());
        for (int sequence = 0; sequence < events.size(); sequence++) {
            harness.deliver(projection, sequence, events.get(sequence));
            fold.apply(events.get(sequence), sequence);
            assertThat(fold.view()).as("after " + events.get(sequence).getClass().getSimpleName()).isEqualTo(find(DANA));
        }
        assertThat(fold.view().familyName()).isEqualTo("Reyes");
        assertThat(fold.view().introducerIds()).containsExactly(LEE, SAM);
        assertThat(fold.view().archived()).isTrue();
    }

    @Test
    void nothingShowsBeforeTheContactWasAddedNorAfterItWasForgotten() {
        ContactFold fold = new ContactFold(id -> true);
        fold.apply(new TouchLogged(DANA, T0, Channel.EMAIL, null, null, T0, null), 0);
        assertThat(fold.view()).isNull();

        fold.apply(added(DANA, null), 0);
        assertThat(fold.view()).isNotNull();
        fold.apply(new ContactForgotten(OWNER, DANA, T0), 1);
        assertThat(fold.view()).isNull();
    }

    /**
     * Random sequences of the events that change a contact's own fields, with every kind of value the rules tell
     * apart (absent, empty, blank-free text, lists): the fold and the view, both applying {@code ContactProfile}, agree
     * after every event.
     */
    @Test
    void randomSequencesOfEventsLeaveTheFoldAndTheViewEqual() {
        Random random = new Random(20261126);
        for (int run = 0; run < 60; run++) {
            ContactId contact = new ContactId(OWNER, "random-" + run);
            ContactFold fold = new ContactFold(id -> projection.handle(new FindContact(id)).isPresent());
            List<Object> events = new ArrayList<>();
            events.add(added(contact, random.nextBoolean() ? LEE : null));
            for (int step = 0; step < 10; step++) {
                events.add(randomEvent(random, contact, step));
            }
            for (int sequence = 0; sequence < events.size(); sequence++) {
                harness.deliver(projection, sequence, events.get(sequence));
                fold.apply(events.get(sequence), sequence);
                assertThat(fold.view()).as("run " + run + " after " + events.subList(0, sequence + 1)).isEqualTo(find(contact));
            }
        }
    }

    private static Object randomEvent(Random random, ContactId contact, int step) {
        Instant at = T0.plusSeconds(step * 3_600L);
        return switch (random.nextInt(4)) {
            case 0 -> new ContactUpdated(contact, text(random), text(random), text(random), text(random), text(random),
                                         text(random), list(random), list(random), text(random),
                                         random.nextBoolean() ? null : ContactSource.values()[random.nextInt(ContactSource.values().length)],
                                         text(random), list(random));
            case 1 -> new ContactsMerged(contact, new ContactId(OWNER, "dup-" + step), text(random), text(random), text(random),
                                         text(random), text(random), text(random), text(random), list(random), list(random),
                                         list(random), random.nextBoolean() ? SAM : null, random.nextBoolean(),
                                         random.nextBoolean() ? null : 7, at, at.plusSeconds(86_400));
            case 2 -> new TouchLogged(contact, at, Channel.EMAIL, text(random), null, at, null);
            default -> new FollowUpCadenceSet(contact, random.nextBoolean() ? null : 30, random.nextBoolean() ? null : at);
        };
    }

    private static String text(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> null;
            case 1 -> "";
            default -> "value " + random.nextInt(5);
        };
    }

    private static List<String> list(Random random) {
        return switch (random.nextInt(3)) {
            case 0 -> null;
            case 1 -> List.of();
            default -> List.of("item " + random.nextInt(3), "item " + (3 + random.nextInt(3)));
        };
    }

    private ContactView find(ContactId id) {
        return queries.query(new FindContact(id), ResponseTypes.optionalInstanceOf(ContactView.class)).join().orElse(null);
    }

    private static ContactAdded added(ContactId id, ContactId introducer) {
        return new ContactAdded(id, "Dana", null, "DAH-nah", null, "Staff Engineer", null, List.of("dana@example.com"),
                                List.of(), null, introducer == null ? ContactSource.ALUMNI : ContactSource.REFERRAL, "Class of 2010",
                                List.of("platform"), introducer, introducer != null, T0);
    }
}
