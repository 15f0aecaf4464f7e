package app.rapport.domain.contact;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Sent by the reminders when a follow-up date passed. {@code dueAt} is the date the reminder was scheduled for:
 * if a touch or a new cadence moved the date since, the reminder is outdated and records nothing; so does a
 * reminder for a date already marked, or one that comes before its date.
 */
public record MarkFollowUpDue(@TargetAggregateIdentifier ContactId contactId, Instant dueAt) {
}
