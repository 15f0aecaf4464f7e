package app.rapport.application.overview;

import app.rapport.domain.interview.InterviewRequested;
import app.rapport.domain.interview.InterviewStatus;
import app.rapport.domain.interview.MeetingCancelled;
import app.rapport.domain.interview.MeetingConfirmed;
import app.rapport.domain.interview.MeetingRescheduled;
import app.rapport.domain.interview.NotesRecorded;
import app.rapport.domain.interview.NudgeBecameDue;
import app.rapport.domain.interview.ReferralRecorded;
import app.rapport.domain.interview.ResponseRecorded;
import app.rapport.domain.interview.ThanksBecameOverdue;
import app.rapport.domain.interview.ThanksSent;
import app.rapport.domain.shared.InterviewId;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static app.rapport.application.overview.OwnerIndexRows.*;

/**
 * The interviews' side of the owner index: a row per interview ({@link OwnerIndexRows}) with its status and the
 * moments of its steps. Each event reads and writes the interview's row, and notes the interview on the rows of
 * the contacts it concerns so forgetting them finds it. Same idempotence as {@link ContactIndexProjection}: a row
 * ignores events older than its version, and nothing is written for a contact forgotten meanwhile.
 */
@Component
@ProcessingGroup(OwnerIndexProcessing.OWNER_INDEX_VIEWS)
class InterviewIndexProjection {

    private final OwnerIndexStore store;
    private final OwnerIndexRows rows;

    InterviewIndexProjection(OwnerIndexStore store) {
        this.store = store;
        this.rows = store.rows();
    }

    @EventHandler
    void on(InterviewRequested event, @SequenceNumber long sequence) {
        InterviewId id = event.interviewId();
        store.change(id.owner(), () -> {
            if (forgotten(rows.contact(event.contactId()))) {
                return null; // requested while the contact was being forgotten: erased with them
            }
            Document existing = rows.interview(id);
            if (existing != null && version(existing) >= sequence) {
                return null;
            }
            Document row = new Document(ID, id.toString())
                    .append(CONTACT_ID, event.contactId().toString())
                    .append(STATUS, InterviewStatus.after(null, event).name())
                    .append(RESPONSE, null)
                    .append(REQUESTED_AT, text(event.requestedAt()))
                    .append(RESPONDED_AT, null)
                    .append(MEETING_STARTS_AT, null)
                    .append(HELD_AT, null)
                    .append(THANKS_DUE_BY, null)
                    .append(THANKS_SENT_AT, null)
                    .append(REFERRALS, List.of())
                    .append(VERSION, sequence);
            rows.saveInterview(id.owner(), row, existing == null);
            rows.noteInterview(event.contactId(), INTERVIEW_IDS, id);
            IndexedInterview entry = interview(row);
            return index -> index.putInterview(entry);
        });
    }

    @EventHandler
    void on(ResponseRecorded event, @SequenceNumber long sequence) {
        change(event.interviewId(), sequence, row -> {
            moveStatus(row, event);
            row.put(RESPONSE, event.response().name());
            row.put(RESPONDED_AT, text(event.at()));
        });
    }

    @EventHandler
    void on(MeetingConfirmed event, @SequenceNumber long sequence) {
        change(event.interviewId(), sequence, row -> {
            moveStatus(row, event);
            row.put(MEETING_STARTS_AT, text(event.startsAt()));
        });
    }

    @EventHandler
    void on(MeetingRescheduled event, @SequenceNumber long sequence) {
        change(event.interviewId(), sequence, row -> row.put(MEETING_STARTS_AT, text(event.startsAt())));
    }

    @EventHandler
    void on(MeetingCancelled event, @SequenceNumber long sequence) {
        change(event.interviewId(), sequence, row -> moveStatus(row, event));
    }

    /** First notes mark the meeting held; amended ones keep the status and the deadline the event carries. */
    @EventHandler
    void on(NotesRecorded event, @SequenceNumber long sequence) {
        change(event.interviewId(), sequence, row -> {
            moveStatus(row, event);
            row.put(HELD_AT, text(event.heldAt()));
            row.put(THANKS_DUE_BY, text(event.thanksDueBy()));
        });
    }

    /** One entry per referral id (a retry replaces it); none for a person forgotten meanwhile. */
    @EventHandler
    void on(ReferralRecorded event, @SequenceNumber long sequence) {
        change(event.interviewId(), sequence, row -> {
            if (forgotten(rows.contact(event.referredContactId()))) {
                return;
            }
            String referral = event.referralId().toString();
            List<Document> referrals = new ArrayList<>(row.getList(REFERRALS, Document.class, List.of()));
            referrals.removeIf(existing -> referral.equals(existing.getString(ENTRY_ID)));
            referrals.add(new Document(ENTRY_ID, referral).append(TO_CONTACT_ID, event.referredContactId().toString()));
            row.put(REFERRALS, referrals);
            rows.noteInterview(event.referredContactId(), REFERRED_IN, event.interviewId());
        });
    }

    @EventHandler
    void on(ThanksSent event, @SequenceNumber long sequence) {
        change(event.interviewId(), sequence, row -> {
            moveStatus(row, event);
            row.put(THANKS_SENT_AT, text(event.sentAt()));
        });
    }

    /** Reminders change no row, but time has passed: the dashboard's due and overdue lists moved. */
    @EventHandler
    void on(ThanksBecameOverdue event) {
        store.timePassed(event.interviewId().owner());
    }

    @EventHandler
    void on(NudgeBecameDue event) {
        store.timePassed(event.interviewId().owner());
    }

    private void change(InterviewId id, long sequence, Consumer<Document> change) {
        store.change(id.owner(), () -> {
            Document row = rows.interview(id);
            if (row == null || version(row) >= sequence) {
                return null;
            }
            change.accept(row);
            row.put(VERSION, sequence);
            rows.saveInterview(id.owner(), row, false);
            IndexedInterview entry = interview(row);
            return index -> index.putInterview(entry);
        });
    }

    /** The row's status after the event, by the interview's one set of transitions. */
    private static void moveStatus(Document row, Object event) {
        String current = row.getString(STATUS);
        row.put(STATUS, InterviewStatus.after(current == null ? null : InterviewStatus.valueOf(current), event).name());
    }
}
