package app.rapport.domain.interview;

import app.rapport.domain.shared.InterviewId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Sent by the reminders when a request has waited long enough for an answer that a polite nudge is due. How long
 * that is, is the application's setting: {@code dueAt} is when the nudge fell due. Recorded once per request, and
 * only while the request is unanswered; otherwise, or before {@code dueAt}, it records nothing.
 */
public record MarkNudgeDue(@TargetAggregateIdentifier InterviewId interviewId, Instant dueAt) {
}
