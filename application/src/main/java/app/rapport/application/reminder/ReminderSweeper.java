package app.rapport.application.reminder;

import app.rapport.application.messaging.ConsistentCommandGateway;
import app.rapport.application.storage.Store;
import app.rapport.domain.shared.DomainException;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static app.rapport.application.reminder.HourBuckets.HOUR;

/**
 * Fires the reminders that fell due: reads the hour buckets from the one after the last swept up to the current
 * hour, and sends each due reminder's command to its aggregate as {@code system:reminders}.
 * <p>
 * Nothing is kept in memory between sweeps: the last hour swept is stored, so a restarted server goes on from
 * there and fires, at its first sweep, everything that fell due while it was down. An hour counts as swept
 * only {@link #SETTLING} after it ended (so a reminder the schedule files a moment late into the current hour
 * is still found), and only when none of its commands failed for a passing reason (those are retried at the
 * next sweep). A fired or refused reminder is taken out of its bucket, so the current hour, read at every
 * sweep, does not fire it again.
 * <p>
 * Firing twice is harmless: each aggregate records its reminder once and answers a repeat, an outdated
 * reminder (a touch moved the date, the thanks were sent) or a forgotten contact with no event or a refusal,
 * which is skipped. Two servers may sweep at once.
 * <p>
 * <b>Costs.</b> One lookup of the sweep mark, one {@code $in} lookup of bucket {@code _id}s per week of hours to
 * sweep (normally one or two hours), and one command and one update by {@code _id} per due reminder: the work
 * follows what falls due, not the size of the store.
 */
public class ReminderSweeper {

    /** The actor the reminders' events carry in their metadata, for the history. */
    public static final String ACTOR = "system:reminders";

    /** How long after its end an hour stays open for reminders filed late into it. */
    static final Duration SETTLING = Duration.ofMinutes(5);

    /** How far back the very first sweep of a store looks, before any hour was marked swept. */
    static final Duration FIRST_LOOK_BACK = Duration.ofDays(1);

    private static final int BUCKETS_PER_LOOKUP = 24 * 7;

    private static final Logger log = LoggerFactory.getLogger(ReminderSweeper.class);

    private final ReminderRows rows;
    private final CommandGateway commands;

    public ReminderSweeper(Store store, CommandGateway commands) {
        this.rows = new ReminderRows(store.views());
        this.commands = commands;
    }

    /** What one sweep did. */
    public record Sweep(int fired, int refused, int failed) {
    }

    private enum Outcome { FIRED, REFUSED, FAILED }

    /** Fires everything due up to now (the domain's clock). */
    public Sweep sweep() {
        Instant now = GenericEventMessage.clock.instant();
        Instant current = HourBuckets.start(now);
        Instant open = HourBuckets.start(now.minus(SETTLING));
        String lastSwept = rows.lastSwept();
        Instant from = lastSwept == null ? open.minus(FIRST_LOOK_BACK) : HourBuckets.startOf(lastSwept).plus(HOUR);
        if (from.isAfter(open)) {
            from = open; // the open hours are read at every sweep, whatever the mark says
        }
        List<String> hours = new ArrayList<>();
        for (Instant hour = from; !hour.isAfter(current); hour = hour.plus(HOUR)) {
            hours.add(HourBuckets.name(hour));
        }

        int fired = 0;
        int refused = 0;
        int failed = 0;
        String closed = null;
        boolean held = false;
        for (int i = 0; i < hours.size(); i += BUCKETS_PER_LOOKUP) {
            List<String> chunk = hours.subList(i, Math.min(hours.size(), i + BUCKETS_PER_LOOKUP));
            Map<String, Document> buckets = rows.findBuckets(chunk).stream()
                    .collect(Collectors.toMap(bucket -> bucket.getString(ReminderRows.ID), Function.identity()));
            for (String hour : chunk) {
                Document bucket = buckets.get(hour);
                for (DueReminder reminder : bucket == null ? List.<DueReminder>of() : ReminderRows.reminders(bucket)) {
                    if (reminder.dueAt().isAfter(now)) {
                        continue;
                    }
                    switch (fire(reminder)) {
                        case FIRED -> fired++;
                        case REFUSED -> refused++;
                        case FAILED -> {
                            failed++;
                            held = true;
                            continue; // stays filed, for the next sweep
                        }
                    }
                    rows.unfileFired(hour, reminder);
                }
                if (!held && HourBuckets.startOf(hour).isBefore(open)) {
                    closed = hour;
                }
            }
        }
        if (closed != null) {
            rows.sweptUpTo(closed);
        }
        return new Sweep(fired, refused, failed);
    }

    private Outcome fire(DueReminder reminder) {
        try {
            commands.sendAndWait(GenericCommandMessage.asCommandMessage(reminder.command())
                                                      .andMetaData(MetaData.with(ConsistentCommandGateway.ACTOR, ACTOR)));
            return Outcome.FIRED;
        } catch (DomainException | AggregateNotFoundException refusal) {
            // a forgotten contact, a contact merged away: nothing left to remind of
            log.debug("Reminder {} skipped: {}", reminder.key(), refusal.getMessage());
            return Outcome.REFUSED;
        } catch (RuntimeException failure) {
            log.warn("Reminder {} could not be fired now, retrying at the next sweep: {}", reminder.key(), failure.toString());
            return Outcome.FAILED;
        }
    }
}
