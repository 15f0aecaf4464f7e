package app.rapport.application.overview;

import app.rapport.application.interview.InterviewView;
import app.rapport.domain.contact.ContactId;
import app.rapport.domain.interview.InterviewStatus;
import app.rapport.domain.interview.Response;
import app.rapport.domain.shared.InterviewId;

import java.time.Instant;
import java.util.List;

/**
 * What the owner's lists and dashboard need of one interview: its status and the moments of its steps.
 *
 * @param response          the last answer recorded, or null
 * @param meetingStartsAt   when the meeting was last set to start, or null
 * @param heldAt            when the meeting was held (as last recorded), or null
 * @param referralContacts  the people referred in it who are still known, one per referral
 */
record IndexedInterview(
        InterviewId id,
        ContactId contactId,
        InterviewStatus status,
        Response response,
        Instant requestedAt,
        Instant respondedAt,
        Instant meetingStartsAt,
        Instant heldAt,
        Instant thanksDueBy,
        Instant thanksSentAt,
        List<ContactId> referralContacts) {

    IndexedInterview {
        referralContacts = List.copyOf(referralContacts);
    }

    /** The interview as {@link app.rapport.application.relationship.RelationshipStage#of} reads it. */
    InterviewView asView() {
        InterviewView.Notes notes = heldAt == null ? null : new InterviewView.Notes(heldAt, null, List.of(), null, null);
        return new InterviewView(id, contactId, status, null, null, null, 0, requestedAt, respondedAt, response, null,
                                 List.of(), notes, List.of(), thanksSentAt, thanksDueBy, 0);
    }

    /** The person said yes or no; a recorded NO_RESPONSE is the lack of an answer. */
    boolean answered() {
        return response == Response.ACCEPTED || response == Response.DECLINED;
    }

    boolean held() {
        return heldAt != null && (status == InterviewStatus.HELD || status == InterviewStatus.THANKED);
    }
}
