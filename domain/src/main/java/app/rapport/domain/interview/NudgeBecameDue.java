package app.rapport.domain.interview;

import app.rapport.domain.contact.ContactId;
import app.rapport.domain.contact.RelationshipEvent;
import app.rapport.domain.shared.InterviewId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * The request went unanswered long enough that a polite nudge is due.
 *
 * @param requestedAt when the request was made
 * @param dueAt       when the nudge fell due
 */
@Revision("1")
public record NudgeBecameDue(InterviewId interviewId, ContactId contactId, Instant requestedAt, Instant dueAt)
        implements RelationshipEvent {
}
