package app.rapport.domain.contact;

import app.rapport.domain.shared.InterviewId;
import app.rapport.domain.shared.PersonalData;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Records a keep-in-touch interaction; it resets the follow-up clock.
 *
 * @param at          when it happened; may be in the past, not in the future
 * @param interviewId the interview whose meeting this touch was, if it was one
 */
public record LogTouch(
        @TargetAggregateIdentifier ContactId contactId,
        Instant at,
        Channel channel,
        @PersonalData String note,
        InterviewId interviewId) {
}
