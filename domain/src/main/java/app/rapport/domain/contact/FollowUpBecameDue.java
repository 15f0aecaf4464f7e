package app.rapport.domain.contact;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * The follow-up date passed without a newer touch: it is time to get in touch.
 *
 * @param dueAt the follow-up date that passed
 */
@Revision("1")
public record FollowUpBecameDue(ContactId contactId, Instant dueAt) implements RelationshipEvent {
}
