package app.rapport.domain.interview;

import app.rapport.domain.contact.ContactId;
import app.rapport.domain.contact.RelationshipEvent;
import app.rapport.domain.shared.InterviewId;
import app.rapport.domain.shared.PersonalData;
import org.axonframework.serialization.Revision;

/** The meeting was called off; a new request starts a new interview. */
@Revision("1")
public record MeetingCancelled(
        InterviewId interviewId,
        ContactId contactId,
        @PersonalData String reason,
        @PersonalData String cancelledBy) implements RelationshipEvent {
}
