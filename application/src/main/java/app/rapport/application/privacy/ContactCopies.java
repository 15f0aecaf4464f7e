package app.rapport.application.privacy;

import app.rapport.domain.contact.ContactId;

/**
 * A place outside the views and the event log that may keep a copy of a contact's personal data (a plugin's failed
 * event, say), and deletes it when the contact is forgotten: {@link GuaranteedErasure} calls each, before the erasure
 * on disk.
 */
public interface ContactCopies {

    /** Deletes what this place keeps of the contact. Idempotent. */
    void forget(ContactId contact);
}
