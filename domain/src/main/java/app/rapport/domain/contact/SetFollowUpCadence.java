package app.rapport.domain.contact;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Asks to be reminded to get in touch every so many days (1–365); null stops the reminders. */
public record SetFollowUpCadence(@TargetAggregateIdentifier ContactId contactId, Integer everyDays) {
}
