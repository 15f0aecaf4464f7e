package app.rapport.domain.contact;

import app.rapport.domain.shared.NotFound;
import app.rapport.domain.shared.OwnerId;

import java.util.Optional;

/**
 * Facts about contacts that a command handler needs but its own aggregate does not hold. The application
 * implements it; Axon injects it into command handlers.
 */
public interface ContactDirectory {

    /** The contact with this id, looked up only among the contacts of the id's owner. */
    Optional<ContactFacts> find(ContactId id);

    /**
     * The facts about a contact that a command of {@code owner} refers to through {@code field}. Another
     * owner's contact, an unknown one and a forgotten one are refused alike, so none can be told apart.
     */
    default ContactFacts requireKnown(String field, ContactId id, OwnerId owner) {
        if (id == null || !id.owner().equals(owner)) {
            throw unknown(field, id);
        }
        return find(id).filter(facts -> !facts.forgotten()).orElseThrow(() -> unknown(field, id));
    }

    private static NotFound unknown(String field, ContactId id) {
        String which = id == null ? "" : " " + id.value();
        return new NotFound(field, field + " names no contact" + which + " of yours");
    }
}
