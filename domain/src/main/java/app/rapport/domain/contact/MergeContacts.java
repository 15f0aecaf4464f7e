package app.rapport.domain.contact;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * First step of a merge, handled by the survivor: it takes in the duplicate's details. The second step,
 * {@link MarkMergedInto}, retires the duplicate.
 */
public record MergeContacts(
        @TargetAggregateIdentifier ContactId survivorId,
        ContactId duplicateId,
        ContactDetails duplicate) {
}
