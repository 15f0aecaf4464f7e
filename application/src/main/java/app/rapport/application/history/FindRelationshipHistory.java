package app.rapport.application.history;

import app.rapport.domain.contact.ContactId;
import app.rapport.domain.shared.InvalidInput;

/**
 * The history of the relationship with a contact, oldest first: {@link HistoryPage}. {@code first} entries after
 * the one numbered {@code afterSequence} (0: from the start). Unknown contacts, and other owners', have an empty
 * history.
 */
public record FindRelationshipHistory(ContactId contactId, int first, long afterSequence) {

    /** The largest page: a page reads at most a handful of buckets. */
    public static final int MAX_PAGE = 200;

    public FindRelationshipHistory {
        if (contactId == null) {
            throw new InvalidInput("contactId", "contactId is required");
        }
        if (first < 0 || first > MAX_PAGE) {
            throw new InvalidInput("first", "first must be between 0 and " + MAX_PAGE + ", was " + first);
        }
        if (afterSequence < 0) {
            throw new InvalidInput("after", "after must be a cursor from an earlier page");
        }
    }
}
