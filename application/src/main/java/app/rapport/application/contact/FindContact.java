package app.rapport.application.contact;

import app.rapport.domain.contact.ContactId;

/**
 * The contact with this id, among its owner's: {@code Optional<ContactView>}
 * ({@code ResponseTypes.optionalInstanceOf(ContactView.class)}), empty when unknown or forgotten. Merged-away
 * contacts are found, archived. Reads the view as it is; a command sent through the consistent command
 * gateway returns once the views show it.
 */
public record FindContact(ContactId id) {
}
