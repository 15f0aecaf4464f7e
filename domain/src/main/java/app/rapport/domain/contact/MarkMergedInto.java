package app.rapport.domain.contact;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Second step of a merge, handled by the duplicate after the survivor took in its details: from then on
 * the duplicate refuses changes and points to the survivor.
 */
public record MarkMergedInto(@TargetAggregateIdentifier ContactId contactId, ContactId survivorId) {
}
