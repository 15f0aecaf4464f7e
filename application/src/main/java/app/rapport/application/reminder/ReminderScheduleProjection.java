package app.rapport.application.reminder;

import app.rapport.application.storage.Store;
import app.rapport.domain.contact.ContactForgotten;
import app.rapport.domain.contact.ContactId;
import app.rapport.domain.contact.ContactMergedInto;
import app.rapport.domain.contact.ContactsMerged;
import app.rapport.domain.contact.FollowUpBecameDue;
import app.rapport.domain.contact.FollowUpCadenceSet;
import app.rapport.domain.contact.TouchLogged;
import app.rapport.domain.interview.InterviewRequested;
import app.rapport.domain.interview.MeetingConfirmed;
import app.rapport.domain.interview.NotesRecorded;
import app.rapport.domain.interview.NudgeBecameDue;
import app.rapport.domain.interview.ResponseRecorded;
import app.rapport.domain.interview.ThanksBecameOverdue;
import app.rapport.domain.interview.ThanksSent;
import app.rapport.domain.shared.OwnerId;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static app.rapport.application.reminder.ReminderKind.FOLLOW_UP;
import static app.rapport.application.reminder.ReminderKind.NUDGE;
import static app.rapport.application.reminder.ReminderKind.THANKS;
import static app.rapport.application.reminder.ReminderRows.BUCKET;
import static app.rapport.application.reminder.ReminderRows.FORGOTTEN;
import static app.rapport.application.reminder.ReminderRows.OWNER;
import static app.rapport.application.reminder.ReminderRows.REMINDER_KEYS;
import static app.rapport.application.reminder.ReminderRows.VERSION;

/**
 * Keeps the schedule of reminders that the {@link ReminderSweeper} fires: files each reminder in the hour it falls
 * due, moves it when its date moves, and takes it out when it is no longer wanted.
 * <ul>
 *     <li>a request schedules a nudge at {@code requestedAt + nudge-after}; any response, a confirmed meeting or
 *     the nudge itself cancels it;</li>
 *     <li>first notes schedule the thanks at {@code thanksDueBy}; thanks sent or marked overdue cancel them;</li>
 *     <li>a touch, a cadence or a merge (re)schedules the follow-up at {@code nextFollowUpDue}, or cancels it when
 *     there is none; the follow-up falling due, or the contact being merged away, cancels it;</li>
 *     <li>forgetting a contact removes every reminder about them.</li>
 * </ul>
 * A reminder whose time has already passed (a back-filled meeting, a rebuild) is filed in the current hour, which
 * the sweeper reads on every sweep, so it fires at the next one.
 * <p>
 * <b>Costs.</b> Per event: one lookup of the reminder's key and of the contact by {@code _id}, and up to three
 * updates by {@code _id}; forgetting reads and writes each of the contact's reminders by {@code _id}. Nothing
 * depends on how many reminders or owners there are.
 * <p>
 * <b>Idempotence.</b> Every reminder belongs to one aggregate, and its key row remembers the sequence number of
 * the aggregate's last event applied: a redelivered event is ignored. Entries are filed before the key row moves;
 * an entry left behind by a crash in between fires a command that the aggregate answers with nothing.
 */
@Component
@ProcessingGroup(ReminderScheduleProjection.PROCESSING_GROUP)
class ReminderScheduleProjection {

    /** Its own processor: not a view that mutations wait for; it may lag a moment behind. */
    static final String PROCESSING_GROUP = "reminder-schedule";

    private final ReminderRows rows;
    private final Duration nudgeAfter;

    ReminderScheduleProjection(Store store, ReminderProperties properties) {
        this.rows = new ReminderRows(store.views());
        this.nudgeAfter = properties.nudgeAfter();
    }

    // ---------------------------------------------------------------- interviews

    @EventHandler
    void on(InterviewRequested event, @SequenceNumber long sequence) {
        schedule(NUDGE, event.interviewId().owner(), event.interviewId().value(), event.interviewId(),
                 event.contactId(), event.requestedAt().plus(nudgeAfter), sequence);
    }

    @EventHandler
    void on(ResponseRecorded event, @SequenceNumber long sequence) {
        cancel(NUDGE.key(event.interviewId()), sequence);
    }

    @EventHandler
    void on(MeetingConfirmed event, @SequenceNumber long sequence) {
        cancel(NUDGE.key(event.interviewId()), sequence);
    }

    @EventHandler
    void on(NudgeBecameDue event, @SequenceNumber long sequence) {
        cancel(NUDGE.key(event.interviewId()), sequence);
    }

    /** Amended notes keep the deadline of the first ones, and must not bring back thanks already sent. */
    @EventHandler
    void on(NotesRecorded event, @SequenceNumber long sequence) {
        if (event.amended()) {
            return;
        }
        schedule(THANKS, event.interviewId().owner(), event.interviewId().value(), event.interviewId(),
                 event.contactId(), event.thanksDueBy(), sequence);
    }

    @EventHandler
    void on(ThanksSent event, @SequenceNumber long sequence) {
        cancel(THANKS.key(event.interviewId()), sequence);
    }

    @EventHandler
    void on(ThanksBecameOverdue event, @SequenceNumber long sequence) {
        cancel(THANKS.key(event.interviewId()), sequence);
    }

    // ---------------------------------------------------------------- contacts

    @EventHandler
    void on(TouchLogged event, @SequenceNumber long sequence) {
        followUp(event.contactId(), event.nextFollowUpDue(), sequence);
    }

    @EventHandler
    void on(FollowUpCadenceSet event, @SequenceNumber long sequence) {
        followUp(event.contactId(), event.nextFollowUpDue(), sequence);
    }

    @EventHandler
    void on(ContactsMerged event, @SequenceNumber long sequence) {
        followUp(event.contactId(), event.nextFollowUpDue(), sequence);
    }

    @EventHandler
    void on(FollowUpBecameDue event, @SequenceNumber long sequence) {
        cancel(FOLLOW_UP.key(event.contactId()), sequence);
    }

    /** The survivor keeps in touch from now on; the duplicate is archived. */
    @EventHandler
    void on(ContactMergedInto event, @SequenceNumber long sequence) {
        cancel(FOLLOW_UP.key(event.contactId()), sequence);
    }

    /** Removes every reminder about the forgotten contact and keeps late events about them out. */
    @EventHandler
    void on(ContactForgotten event) {
        Document relationship = rows.findContact(event.contactId());
        if (relationship != null && relationship.getBoolean(FORGOTTEN, false)) {
            return;
        }
        if (relationship != null) {
            for (String key : relationship.getList(REMINDER_KEYS, String.class, List.of())) {
                Document row = rows.findKey(key);
                if (row != null && row.getString(BUCKET) != null) {
                    rows.unfile(row.getString(BUCKET), key);
                }
                rows.deleteKey(key);
            }
        }
        rows.markForgotten(event.contactId());
    }

    @ResetHandler
    void onReset() {
        rows.deleteSchedule(); // a replay files every reminder again; those already fired are cancelled by their event
    }

    // ---------------------------------------------------------------- helpers

    private void followUp(ContactId contact, Instant nextFollowUpDue, long sequence) {
        if (nextFollowUpDue == null) {
            cancel(FOLLOW_UP.key(contact), sequence);
            return;
        }
        schedule(FOLLOW_UP, contact.owner(), contact.value(), contact, contact, nextFollowUpDue, sequence);
    }

    private void schedule(ReminderKind kind, OwnerId owner, String aggregate, Object aggregateId, ContactId contact,
                          Instant dueAt, long sequence) {
        String key = kind.key(aggregateId);
        Document row = rows.findKey(key);
        if (row != null && row.get(VERSION, Number.class).longValue() >= sequence) {
            return;
        }
        Document relationship = rows.findContact(contact);
        if (relationship != null && relationship.getBoolean(FORGOTTEN, false)) {
            return; // written while the contact was being forgotten: erased with them
        }
        rows.addToContact(contact, key);
        Instant now = GenericEventMessage.clock.instant();
        String bucket = HourBuckets.name(dueAt.isBefore(now) ? now : dueAt);
        String filedIn = row == null ? null : row.getString(BUCKET);
        if (filedIn != null && !filedIn.equals(bucket)) {
            rows.unfile(filedIn, key);
        }
        rows.file(bucket, new DueReminder(key, kind, owner, aggregate, dueAt));
        rows.saveKey(key, owner, bucket, dueAt, sequence);
    }

    private void cancel(String key, long sequence) {
        Document row = rows.findKey(key);
        if (row == null || row.get(VERSION, Number.class).longValue() >= sequence) {
            return;
        }
        if (row.getString(BUCKET) != null) {
            rows.unfile(row.getString(BUCKET), key);
        }
        rows.saveKey(key, new OwnerId(row.getString(OWNER)), null, null, sequence);
    }
}
