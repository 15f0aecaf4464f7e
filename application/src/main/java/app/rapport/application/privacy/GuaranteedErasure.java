package app.rapport.application.privacy;

import app.rapport.domain.contact.ContactForgotten;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Deletes the key of every forgotten contact, at least once, from the event log: a tracking processor with
 * its own token, so an erasure the command could not finish (a failure, a crash between storing
 * {@link ContactForgotten} and deleting the key) is finished here, after a restart if need be. Forgetting
 * twice is harmless, so a replay is too.
 */
@Component
@ProcessingGroup(GuaranteedErasure.PROCESSING_GROUP)
class GuaranteedErasure {

    static final String PROCESSING_GROUP = "privacy";

    private final ContactErasure erasure;

    GuaranteedErasure(ContactErasure erasure) {
        this.erasure = erasure;
    }

    @EventHandler
    void on(ContactForgotten event) {
        erasure.forget(event.contactId());
    }
}
