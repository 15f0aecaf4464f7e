package app.rapport.domain.interview;

import app.rapport.domain.contact.Channel;
import app.rapport.domain.contact.ContactId;
import app.rapport.domain.contact.RelationshipEvent;
import app.rapport.domain.shared.InterviewId;
import app.rapport.domain.shared.PersonalData;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * The owner asked a contact for an informational interview.
 *
 * @param introducer the introducer the request names (only with their permission); null when it names none
 */
@Revision("1")
public record InterviewRequested(
        InterviewId interviewId,
        ContactId contactId,
        Channel channel,
        int requestedMinutes,
        @PersonalData String purpose,
        @PersonalData String message,
        boolean mentionReferrer,
        ContactId introducer,
        Instant requestedAt) implements RelationshipEvent {

    @Override
    public Instant happenedAt() {
        return requestedAt;
    }
}
