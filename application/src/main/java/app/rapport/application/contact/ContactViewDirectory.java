package app.rapport.application.contact;

import app.rapport.application.storage.Store;
import app.rapport.domain.contact.ContactDirectory;
import app.rapport.domain.contact.ContactFacts;
import app.rapport.domain.contact.ContactId;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * The domain's {@link ContactDirectory}, answered from the contact views with one lookup by id. It is up to
 * date when the next command comes because commands are sent through the application's consistent gateway,
 * which returns only once the views show the command's events: a contact added a moment ago is known, one
 * forgotten a moment ago is not.
 */
@Component
class ContactViewDirectory implements ContactDirectory {

    private final ContactRows rows;

    ContactViewDirectory(Store store) {
        this.rows = new ContactRows(store.views());
    }

    @Override
    public Optional<ContactFacts> find(ContactId id) {
        if (id == null) {
            return Optional.empty();
        }
        Document row = rows.find(id);
        // The row's id names the owner already; the check keeps that true should ids ever change shape.
        if (row == null || !id.owner().value().equals(row.getString(ContactRows.OWNER))) {
            return Optional.empty();
        }
        if (ContactRows.isForgotten(row)) {
            return Optional.of(new ContactFacts(id, true, null, false));
        }
        ContactView view = ContactRows.view(row);
        return Optional.of(new ContactFacts(id, false, view.referredBy(), view.mayUseIntroducerName()));
    }
}
