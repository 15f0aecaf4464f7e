package app.rapport.domain.interview;

import app.rapport.domain.contact.ContactId;
import app.rapport.domain.contact.RelationshipEvent;
import app.rapport.domain.shared.InterviewId;
import app.rapport.domain.shared.PersonalData;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A meeting was arranged. {@code timeZone} is a java.time zone id. */
@Revision("1")
public record MeetingConfirmed(
        InterviewId interviewId,
        ContactId contactId,
        Instant startsAt,
        int durationMinutes,
        MeetingFormat format,
        @PersonalData String location,
        String timeZone) implements RelationshipEvent {
}
