package app.rapport.domain.contact;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Tells an existing contact who introduced them, and whether the introducer's name may be used. */
public record RecordIntroduction(
        @TargetAggregateIdentifier ContactId contactId,
        ContactId introducer,
        boolean mayUseIntroducerName) {
}
