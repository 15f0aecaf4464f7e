package app.rapport.domain.interview;

import app.rapport.domain.shared.InterviewId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Sent by the reminders when the week for the thank-you note has passed. It records the deadline as missed once:
 * sent again, too early, or after the thanks, it records nothing, so a reminder can be fired more than once.
 */
public record MarkThanksOverdue(@TargetAggregateIdentifier InterviewId interviewId) {
}
