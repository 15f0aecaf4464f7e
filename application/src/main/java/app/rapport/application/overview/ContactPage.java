package app.rapport.application.overview;

import app.rapport.domain.contact.ContactId;

import java.util.List;

/**
 * One page of contacts: their ids in list order with each one's cursor; load them with {@code FindContacts}.
 *
 * @param totalCount how many contacts match, on all pages
 */
public record ContactPage(List<Entry> entries, int totalCount, boolean hasNextPage) {

    public ContactPage {
        entries = List.copyOf(entries);
    }

    /** The cursor of the last entry, or null when the page is empty. */
    public String endCursor() {
        return entries.isEmpty() ? null : entries.get(entries.size() - 1).cursor();
    }

    public record Entry(ContactId id, String cursor) {
    }
}
