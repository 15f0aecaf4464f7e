package app.rapport.domain.contact;

import app.rapport.domain.shared.OwnerId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * The contact's personal data was erased: the application deletes the contact's key, which leaves every
 * earlier event of the relationship unreadable. Deliberately holds no personal data itself.
 */
@Revision("1")
public record ContactForgotten(OwnerId owner, ContactId contactId, Instant at) implements RelationshipEvent {
}
