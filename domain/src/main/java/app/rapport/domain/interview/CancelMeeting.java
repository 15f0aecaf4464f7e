package app.rapport.domain.interview;

import app.rapport.domain.shared.InterviewId;
import app.rapport.domain.shared.PersonalData;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Calls off an accepted or scheduled meeting. */
public record CancelMeeting(
        @TargetAggregateIdentifier InterviewId interviewId,
        @PersonalData String reason,
        @PersonalData String cancelledBy) {
}
