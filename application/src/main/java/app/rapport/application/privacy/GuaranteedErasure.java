package app.rapport.application.privacy;

import app.rapport.domain.contact.ContactForgotten;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Deletes the key of every forgotten contact, at least once, from the event log: a tracking processor with
 * its own token, so an erasure the command could not finish (a failure, a crash between storing
 * {@link ContactForgotten} and deleting the key) is finished here, after a restart if need be. Forgetting
 * twice is harmless, so a replay is too. Then it asks for the old copies on disk to be overwritten
 * ({@link ErasureOnDisk}).
 */
@Component
@ProcessingGroup(GuaranteedErasure.PROCESSING_GROUP)
class GuaranteedErasure {

    static final String PROCESSING_GROUP = "privacy";

    private final ContactErasure erasure;
    private final ErasureOnDisk disk;

    GuaranteedErasure(ContactErasure erasure, ErasureOnDisk disk) {
        this.erasure = erasure;
        this.disk = disk;
    }

    @EventHandler
    void on(ContactForgotten event) {
        erasure.forget(event.contactId());
        disk.request();
    }
}
