package app.rapport.domain.interview;

import app.rapport.domain.shared.InterviewId;
import app.rapport.domain.shared.PersonalData;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;

/** Records what was said in the meeting; recording again replaces the notes as a whole. */
public record RecordNotes(
        @TargetAggregateIdentifier InterviewId interviewId,
        Instant heldAt,
        @PersonalData String summary,
        @PersonalData List<Answer> answers,
        @PersonalData String advice,
        @PersonalData String nextSteps) {
}
