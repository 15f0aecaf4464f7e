package app.rapport.domain.contact;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * The owner wants to get in touch every {@code everyDays} days (null: no more reminders).
 *
 * @param nextFollowUpDue the last touch (or, before any, the time the contact was added) plus the cadence
 */
@Revision("1")
public record FollowUpCadenceSet(ContactId contactId, Integer everyDays, Instant nextFollowUpDue)
        implements RelationshipEvent {
}
