package app.rapport.application.contact;

import app.rapport.application.storage.Store;
import app.rapport.domain.contact.ContactId;
import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import static com.mongodb.client.model.Filters.in;

/**
 * What contacts are called now, for a page that mentions other contacts than its own (a history's referral,
 * introducer or merge): read when the page is read, so a contact renamed since reads by its new name and one
 * forgotten since by none. Read from the contact views directly, never through a processor's batch.
 */
@Component
public class ContactNames {

    private final MongoCollection<Document> contacts;

    ContactNames(Store store) {
        this.contacts = store.views().getCollection(ContactRows.COLLECTION);
    }

    /** The display name of each of these contacts that is known and not forgotten, in one lookup. */
    public Map<ContactId, String> of(Collection<ContactId> ids) {
        Map<String, ContactId> byKey = ids.stream().filter(Objects::nonNull)
                                          .collect(Collectors.toMap(ContactRows::key, Function.identity(), (same, again) -> same));
        if (byKey.isEmpty()) {
            return Map.of();
        }
        Map<ContactId, String> names = new HashMap<>();
        for (Document row : contacts.find(in(ContactRows.ID, byKey.keySet()))) {
            ContactId id = byKey.get(row.getString(ContactRows.ID));
            if (id != null && !ContactRows.isForgotten(row)) {
                names.put(id, ContactRows.view(row).displayName());
            }
        }
        return names;
    }
}
