package app.rapport.domain.contact;

import org.axonframework.serialization.Revision;

/** This contact was a duplicate of {@code survivorId}, which holds its details now; it is archived. */
@Revision("1")
public record ContactMergedInto(ContactId contactId, ContactId survivorId) implements RelationshipEvent {
}
