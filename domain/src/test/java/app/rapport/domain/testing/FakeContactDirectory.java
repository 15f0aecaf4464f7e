package app.rapport.domain.testing;

import app.rapport.domain.contact.ContactDirectory;
import app.rapport.domain.contact.ContactFacts;
import app.rapport.domain.contact.ContactId;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The contacts a test's world holds, keyed by owner-scoped id as the application's directory is. */
public final class FakeContactDirectory implements ContactDirectory {

    private final Map<ContactId, ContactFacts> contacts = new HashMap<>();

    public FakeContactDirectory knows(ContactId... ids) {
        for (ContactId id : ids) {
            contacts.put(id, new ContactFacts(id, false, null, false));
        }
        return this;
    }

    public FakeContactDirectory knowsIntroduced(ContactId id, ContactId introducer, boolean mayUseIntroducerName) {
        contacts.put(id, new ContactFacts(id, false, introducer, mayUseIntroducerName));
        return this;
    }

    public FakeContactDirectory forgets(ContactId id) {
        contacts.put(id, new ContactFacts(id, true, null, false));
        return this;
    }

    @Override
    public Optional<ContactFacts> find(ContactId id) {
        return Optional.ofNullable(contacts.get(id));
    }
}
