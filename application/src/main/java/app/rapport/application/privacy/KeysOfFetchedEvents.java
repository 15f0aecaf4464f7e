package app.rapport.application.privacy;

import app.rapport.application.eventstore.FetchedEvents;
import app.rapport.domain.contact.Contact;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.TrackedEventData;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the keys of the contacts whose events a reader just fetched, with one lookup for the window: their events are
 * opened next, by every view. A contact's own events are sealed with its key, whose id is the aggregate's; other
 * events (an interview's) find their contact's key when opened, as before.
 */
final class KeysOfFetchedEvents implements FetchedEvents {

    private static final String CONTACT = Contact.class.getSimpleName();

    private final ContactKeys keys;

    KeysOfFetchedEvents(ContactKeys keys) {
        this.keys = keys;
    }

    @Override
    public void fetched(List<? extends TrackedEventData<?>> window) {
        Set<String> contacts = new LinkedHashSet<>();
        for (TrackedEventData<?> event : window) {
            if (event instanceof DomainEventData<?> ofAnAggregate && CONTACT.equals(ofAnAggregate.getType())) {
                contacts.add(ofAnAggregate.getAggregateIdentifier());
            }
        }
        if (!contacts.isEmpty()) {
            keys.prepareToRead(contacts);
        }
    }
}
