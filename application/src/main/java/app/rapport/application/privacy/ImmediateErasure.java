package app.rapport.application.privacy;

import app.rapport.domain.contact.ContactForgotten;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Deletes the key within the {@code ForgetContact} command: a subscribing processor runs in the command's
 * thread, right after {@link ContactForgotten} is stored and before the command returns, so the data is
 * unreadable the moment the caller is told it is forgotten. Should it fail (or the process die just then),
 * the command still stands and {@link GuaranteedErasure} deletes the key from the event log.
 */
@Component
@ProcessingGroup(ImmediateErasure.PROCESSING_GROUP)
class ImmediateErasure {

    static final String PROCESSING_GROUP = "privacy-immediate";

    private final ContactErasure erasure;

    ImmediateErasure(ContactErasure erasure) {
        this.erasure = erasure;
    }

    @EventHandler
    void on(ContactForgotten event) {
        erasure.forget(event.contactId());
    }
}
