package app.rapport.domain.interview;

import app.rapport.domain.shared.InterviewId;
import app.rapport.domain.shared.PersonalData;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Moves a scheduled meeting. Null duration or location: unchanged; a blank location clears it. */
public record RescheduleMeeting(
        @TargetAggregateIdentifier InterviewId interviewId,
        Instant startsAt,
        Integer durationMinutes,
        @PersonalData String location,
        @PersonalData String reason) {
}
