package app.rapport.domain.interview;

import app.rapport.domain.shared.InterviewId;
import app.rapport.domain.shared.PersonalData;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Records how the person answered the request; {@code at} null means now. */
public record RecordResponse(
        @TargetAggregateIdentifier InterviewId interviewId,
        Response response,
        Instant at,
        @PersonalData String note) {
}
