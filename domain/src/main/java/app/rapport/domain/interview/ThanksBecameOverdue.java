package app.rapport.domain.interview;

import app.rapport.domain.contact.ContactId;
import app.rapport.domain.contact.RelationshipEvent;
import app.rapport.domain.shared.InterviewId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * The week for the thank-you note passed and no thanks were recorded. Thanks may still follow, late.
 *
 * @param dueBy the deadline that passed: a week after the meeting
 */
@Revision("1")
public record ThanksBecameOverdue(InterviewId interviewId, ContactId contactId, Instant dueBy)
        implements RelationshipEvent {
}
