package app.rapport.application.privacy;

import app.rapport.domain.contact.ContactId;
import org.springframework.stereotype.Component;

import java.util.Collection;

/**
 * Keys for many new contacts at once: a batch of contacts gets its keys with one write and one durable commit of
 * the store before its events are encrypted, instead of a write and a commit per contact while they are.
 */
@Component
public class NewContactKeys {

    private final ContactKeys keys;

    NewContactKeys(ContactKeys keys) {
        this.keys = keys;
    }

    public void prepare(Collection<ContactId> contacts) {
        keys.prepare(contacts.stream().map(ContactId::toString).distinct().toList());
    }
}
