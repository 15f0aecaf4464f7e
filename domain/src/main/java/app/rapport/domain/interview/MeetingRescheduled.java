package app.rapport.domain.interview;

import app.rapport.domain.contact.ContactId;
import app.rapport.domain.contact.RelationshipEvent;
import app.rapport.domain.shared.InterviewId;
import app.rapport.domain.shared.PersonalData;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The meeting moved. Duration and location are the meeting's values after the move (location null: none). */
@Revision("1")
public record MeetingRescheduled(
        InterviewId interviewId,
        ContactId contactId,
        Instant previousStartsAt,
        Instant startsAt,
        int durationMinutes,
        @PersonalData String location,
        @PersonalData String reason) implements RelationshipEvent {
}
