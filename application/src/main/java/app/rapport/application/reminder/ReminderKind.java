package app.rapport.application.reminder;

import app.rapport.domain.contact.ContactId;
import app.rapport.domain.contact.MarkFollowUpDue;
import app.rapport.domain.interview.MarkNudgeDue;
import app.rapport.domain.interview.MarkThanksOverdue;
import app.rapport.domain.shared.InterviewId;
import app.rapport.domain.shared.OwnerId;

import java.time.Instant;

/** What falls due, and the command that records it on its aggregate. */
enum ReminderKind {

    /** A contact's follow-up date: {@link MarkFollowUpDue} on the contact. */
    FOLLOW_UP("follow-up") {
        @Override
        Object command(OwnerId owner, String aggregate, Instant dueAt) {
            return new MarkFollowUpDue(new ContactId(owner, aggregate), dueAt);
        }
    },
    /** A week after the meeting without thanks: {@link MarkThanksOverdue} on the interview. */
    THANKS("thanks") {
        @Override
        Object command(OwnerId owner, String aggregate, Instant dueAt) {
            return new MarkThanksOverdue(new InterviewId(owner, aggregate));
        }
    },
    /** An unanswered request: {@link MarkNudgeDue} on the interview. */
    NUDGE("nudge") {
        @Override
        Object command(OwnerId owner, String aggregate, Instant dueAt) {
            return new MarkNudgeDue(new InterviewId(owner, aggregate), dueAt);
        }
    };

    private final String prefix;

    ReminderKind(String prefix) {
        this.prefix = prefix;
    }

    /** One reminder of this kind per aggregate: "thanks/owner/i-1". */
    String key(Object aggregateId) {
        return prefix + "/" + aggregateId;
    }

    abstract Object command(OwnerId owner, String aggregate, Instant dueAt);
}
