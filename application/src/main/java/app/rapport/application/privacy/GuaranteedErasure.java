package app.rapport.application.privacy;

import app.rapport.domain.contact.ContactForgotten;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Deletes the key of every forgotten contact, at least once, from the event log: a tracking processor with
 * its own token, so an erasure the command could not finish (a failure, a crash between storing
 * {@link ContactForgotten} and deleting the key) is finished here, after a restart if need be. Forgetting
 * twice is harmless, so a replay is too. Then it deletes the copies kept elsewhere ({@link ContactCopies}) and asks
 * for the old copies on disk to be overwritten
 * ({@link ErasureOnDisk}).
 */
@Component
@ProcessingGroup(GuaranteedErasure.PROCESSING_GROUP)
class GuaranteedErasure {

    static final String PROCESSING_GROUP = "privacy";

    private final ContactErasure erasure;
    private final List<ContactCopies> copies;
    private final ErasureOnDisk disk;

    GuaranteedErasure(ContactErasure erasure, List<ContactCopies> copies, ErasureOnDisk disk) {
        this.erasure = erasure;
        this.copies = copies;
        this.disk = disk;
    }

    @EventHandler
    void on(ContactForgotten event) {
        erasure.forget(event.contactId());
        copies.forEach(place -> place.forget(event.contactId()));
        disk.request();
    }
}
