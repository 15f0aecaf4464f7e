package app.rapport.domain.contact;

import app.rapport.domain.shared.InterviewId;
import app.rapport.domain.shared.PersonalData;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * The owner was in touch with a contact.
 *
 * @param interviewId     the interview whose meeting this was, or null
 * @param lastTouchAt     the contact's latest touch after this one: an older, back-filled touch does not move it back
 * @param nextFollowUpDue when to get in touch next; null without a follow-up cadence
 */
@Revision("1")
public record TouchLogged(
        ContactId contactId,
        Instant at,
        Channel channel,
        @PersonalData String note,
        InterviewId interviewId,
        Instant lastTouchAt,
        Instant nextFollowUpDue) implements RelationshipEvent {

    @Override
    public Instant happenedAt() {
        return at;
    }
}
