package app.rapport.domain.interview;

import app.rapport.domain.contact.ContactId;
import app.rapport.domain.contact.RelationshipEvent;
import app.rapport.domain.shared.InterviewId;
import app.rapport.domain.shared.PersonalData;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * The contact answered the request (or did not).
 *
 * @param implied true when nobody recorded the answer but a meeting was confirmed, which means it was accepted
 */
@Revision("1")
public record ResponseRecorded(
        InterviewId interviewId,
        ContactId contactId,
        Response response,
        Instant at,
        @PersonalData String note,
        boolean implied) implements RelationshipEvent {

    @Override
    public Instant happenedAt() {
        return at;
    }
}
