package app.rapport.application.privacy;

import app.rapport.domain.contact.ContactForgotten;
import app.rapport.domain.contact.ContactId;
import app.rapport.domain.shared.OwnerId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Erases what the event log says about a contact by deleting the contact's key: their personal data stays
 * in the stored events, unreadable for good. The erasure follows {@link ContactForgotten}, which the contact
 * aggregate emits for the {@code ForgetContact} command and which keeps in the history that it happened;
 * {@link ImmediateErasure} and {@link GuaranteedErasure} call it.
 */
@Component
public class ContactErasure {

    private static final Logger log = LoggerFactory.getLogger(ContactErasure.class);

    private final ContactKeys keys;

    ContactErasure(ContactKeys keys) {
        this.keys = keys;
    }

    /**
     * Deletes the key of the owner's own words (their question bank), when their account is deleted: the questions stay
     * in the event log, unreadable for good. Idempotent; durable when it returns.
     */
    public void forgetOwnWords(OwnerId owner) {
        if (keys.forget(ContactKeys.ownWordsOf(owner))) {
            log.info("The own words of account {} can no longer be read", owner);
        }
    }

    /** Deletes the contact's key, here and in this node's cache. Idempotent; durable when it returns. */
    public void forget(ContactId contactId) {
        if (keys.forget(contactId)) {
            log.info("Contact {} is forgotten: the personal data in its events can no longer be read", contactId);
        }
    }
}
