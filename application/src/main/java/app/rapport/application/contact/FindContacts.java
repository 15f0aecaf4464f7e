package app.rapport.application.contact;

import app.rapport.domain.contact.ContactId;

import java.util.List;

/**
 * The contacts with these ids, for batch loading: {@code List<ContactView>}
 * ({@code ResponseTypes.multipleInstancesOf(ContactView.class)}) in the order asked, each at most once, leaving
 * out ids that name no contact (unknown, forgotten, or another owner's).
 */
public record FindContacts(List<ContactId> ids) {

    public FindContacts {
        ids = List.copyOf(ids);
    }
}
