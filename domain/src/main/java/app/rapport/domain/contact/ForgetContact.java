package app.rapport.domain.contact;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Erases a contact's personal data (the right to be forgotten); the history keeps only that it happened. */
public record ForgetContact(@TargetAggregateIdentifier ContactId contactId) {
}
