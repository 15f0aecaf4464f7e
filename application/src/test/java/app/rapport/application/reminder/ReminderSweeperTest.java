package app.rapport.application.reminder;

import app.rapport.application.ProjectionHarness;
import app.rapport.application.messaging.ConsistentCommandGateway;
import app.rapport.domain.contact.Channel;
import app.rapport.domain.contact.ContactId;
import app.rapport.domain.contact.FollowUpCadenceSet;
import app.rapport.domain.contact.MarkFollowUpDue;
import app.rapport.domain.contact.TouchLogged;
import app.rapport.domain.interview.MarkNudgeDue;
import app.rapport.domain.interview.MarkThanksOverdue;
import app.rapport.domain.shared.InterviewId;
import app.rapport.domain.shared.NotFound;
import app.rapport.domain.shared.OwnerId;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import static app.rapport.application.reminder.ReminderScheduleProjectionTest.added;
import static app.rapport.application.reminder.ReminderScheduleProjectionTest.confirmed;
import static app.rapport.application.reminder.ReminderScheduleProjectionTest.notes;
import static app.rapport.application.reminder.ReminderScheduleProjectionTest.requested;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sweeper over the stored schedule, with the domain's clock moved by hand and the commands it sends caught
 * by a command bus that records them (and refuses or fails where a test says so).
 */
class ReminderSweeperTest {

    static final OwnerId OWNER = new OwnerId("user-1");
    static final ContactId DANA = new ContactId(OWNER, "dana");
    static final ContactId LEE = new ContactId(OWNER, "lee");
    static final InterviewId WITH_DANA = new InterviewId(OWNER, "i-dana");
    static final InterviewId WITH_LEE = new InterviewId(OWNER, "i-lee");
    static final Instant NOW = Instant.parse("2026-03-10T12:20:00Z");

    @TempDir
    Path dataDir;

    ProjectionHarness harness;
    ReminderScheduleProjection schedule;
    DomainTime time;
    final List<CommandMessage<?>> sent = new CopyOnWriteArrayList<>();
    final Set<Object> refusing = new HashSet<>();
    final Set<Object> failingOnce = new HashSet<>();
    CommandGateway commands;

    @BeforeEach
    void setUp() {
        time = DomainTime.at(NOW);
        harness = ProjectionHarness.start(dataDir);
        schedule = new ReminderScheduleProjection(harness.store(), ReminderProperties.defaults());
        SimpleCommandBus bus = SimpleCommandBus.builder().build();
        for (Class<?> type : List.of(MarkThanksOverdue.class, MarkFollowUpDue.class, MarkNudgeDue.class)) {
            bus.subscribe(type.getName(), message -> {
                if (failingOnce.remove(message.getPayload())) {
                    throw new IllegalStateException("the store is away for a moment");
                }
                sent.add(message);
                if (refusing.contains(message.getPayload())) {
                    throw new NotFound("interviewId", "interviewId names no interview of yours");
                }
                return null;
            });
        }
        commands = DefaultCommandGateway.builder().commandBus(bus).build();
    }

    @AfterEach
    void tearDown() {
        harness.close();
        time.close();
    }

    @Test
    void aReminderFiresOnceWhenDueAndNotBefore() {
        Instant heldAt = NOW.minus(Duration.ofDays(7)).plus(Duration.ofMinutes(130)); // thanks due at 14:30
        harness.deliver(schedule, 0, requested(WITH_DANA, DANA, heldAt.minus(Duration.ofDays(3))),
                        confirmed(WITH_DANA, DANA, heldAt), notes(WITH_DANA, DANA, heldAt, false));
        ReminderSweeper sweeper = new ReminderSweeper(harness.store(), commands);

        sweeper.sweep();
        time.set(heldAt.plus(Duration.ofDays(7)).minusSeconds(1));
        sweeper.sweep();
        assertThat(sent).isEmpty();

        time.advance(Duration.ofSeconds(1));
        assertThat(sweeper.sweep()).isEqualTo(new ReminderSweeper.Sweep(1, 0, 0));
        assertThat(payloads()).containsExactly(new MarkThanksOverdue(WITH_DANA));
        assertThat(sent.get(0).getMetaData()).containsEntry(ConsistentCommandGateway.ACTOR, "system:reminders");

        sweeper.sweep();
        time.advance(Duration.ofHours(3));
        sweeper.sweep();
        assertThat(payloads()).containsExactly(new MarkThanksOverdue(WITH_DANA));
    }

    @Test
    void aRestartedSweeperDoesNotFireAgain() {
        harness.deliver(schedule, 0, added(DANA), new FollowUpCadenceSet(DANA, 30, NOW.plus(Duration.ofMinutes(10))));
        time.advance(Duration.ofMinutes(15));
        new ReminderSweeper(harness.store(), commands).sweep();
        assertThat(payloads()).containsExactly(new MarkFollowUpDue(DANA, NOW.plus(Duration.ofMinutes(10))));

        ReminderSweeper restarted = new ReminderSweeper(harness.store(), commands);
        restarted.sweep();
        time.advance(Duration.ofDays(2));
        restarted.sweep();

        assertThat(payloads()).hasSize(1);
    }

    @Test
    void remindersDueWhileTheServerWasDownFireAtTheNextSweep() {
        ReminderSweeper beforeTheOutage = new ReminderSweeper(harness.store(), commands);
        beforeTheOutage.sweep();
        time.advance(Duration.ofHours(2));
        beforeTheOutage.sweep();
        harness.deliver(schedule, 0, added(DANA), new FollowUpCadenceSet(DANA, 30, NOW.plus(Duration.ofHours(5))));
        harness.deliver(schedule, 0, requested(WITH_LEE, LEE, NOW));
        harness.deliver(schedule, 0, added(LEE), new FollowUpCadenceSet(LEE, 30, NOW.plus(Duration.ofDays(30))));

        time.set(NOW.plus(Duration.ofDays(9)));
        ReminderSweeper afterTheOutage = new ReminderSweeper(harness.store(), commands);
        afterTheOutage.sweep();

        assertThat(payloads()).containsExactlyInAnyOrder(
                new MarkFollowUpDue(DANA, NOW.plus(Duration.ofHours(5))),
                new MarkNudgeDue(WITH_LEE, NOW.plus(ReminderProperties.DEFAULT_NUDGE_AFTER)));
        assertThat(new ReminderRows(harness.database()).lastSwept())
                .isEqualTo(HourBuckets.name(NOW.plus(Duration.ofDays(9)).minus(Duration.ofHours(1))));
    }

    @Test
    void anOutdatedReminderIsNotFired() {
        Instant firstDue = NOW.plus(Duration.ofHours(1));
        Instant nextDue = NOW.plus(Duration.ofDays(30));
        harness.deliver(schedule, 0, added(DANA), new FollowUpCadenceSet(DANA, 30, firstDue),
                        new TouchLogged(DANA, NOW, Channel.PHONE, null, null, NOW, nextDue));

        time.set(firstDue.plus(Duration.ofHours(2)));
        new ReminderSweeper(harness.store(), commands).sweep();

        assertThat(sent).isEmpty();
    }

    @Test
    void aRefusedReminderIsSkippedForGood() {
        harness.deliver(schedule, 0, requested(WITH_DANA, DANA, NOW.minus(Duration.ofDays(8))));
        refusing.add(new MarkNudgeDue(WITH_DANA, NOW.minus(Duration.ofDays(1))));
        ReminderSweeper sweeper = new ReminderSweeper(harness.store(), commands);

        assertThat(sweeper.sweep()).isEqualTo(new ReminderSweeper.Sweep(0, 1, 0));
        sweeper.sweep();

        assertThat(sent).hasSize(1);
    }

    @Test
    void aReminderThatCouldNotBeSentIsRetriedAtTheNextSweep() {
        harness.deliver(schedule, 0, requested(WITH_DANA, DANA, NOW.minus(Duration.ofDays(10))));
        MarkNudgeDue nudge = new MarkNudgeDue(WITH_DANA, NOW.minus(Duration.ofDays(3)));
        failingOnce.add(nudge);
        ReminderSweeper sweeper = new ReminderSweeper(harness.store(), commands);

        assertThat(sweeper.sweep()).isEqualTo(new ReminderSweeper.Sweep(0, 0, 1));
        time.advance(Duration.ofHours(4));
        assertThat(sweeper.sweep()).isEqualTo(new ReminderSweeper.Sweep(1, 0, 0));

        assertThat(payloads()).containsExactly(nudge);
    }

    private List<Object> payloads() {
        return sent.stream().<Object>map(CommandMessage::getPayload).toList();
    }
}
