package app.rapport.domain.interview;

import app.rapport.domain.contact.Channel;
import app.rapport.domain.contact.ContactId;
import app.rapport.domain.contact.RelationshipEvent;
import app.rapport.domain.shared.InterviewId;
import app.rapport.domain.shared.PersonalData;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The owner thanked the interviewee. */
@Revision("1")
public record ThanksSent(
        InterviewId interviewId,
        ContactId contactId,
        Instant sentAt,
        Channel channel,
        @PersonalData String message) implements RelationshipEvent {

    @Override
    public Instant happenedAt() {
        return sentAt;
    }
}
