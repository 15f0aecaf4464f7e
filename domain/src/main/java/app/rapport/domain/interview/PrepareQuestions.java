package app.rapport.domain.interview;

import app.rapport.domain.shared.InterviewId;
import app.rapport.domain.shared.PersonalData;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/** Sets the questions to ask, replacing the previous list. */
public record PrepareQuestions(
        @TargetAggregateIdentifier InterviewId interviewId,
        @PersonalData List<String> questions) {
}
