package app.rapport.application.history;

import app.rapport.domain.contact.ContactId;
import app.rapport.domain.shared.OwnerId;

/**
 * A subscription query: the entries appended from now on to the histories of one owner's relationships, all of
 * them ({@code contactId} null) or one. Initial result: an empty {@code List<HistoryEntryView>}; updates:
 * {@link HistoryEntryView}, each only to the subscriptions of its own owner.
 */
public record WatchRelationshipHistory(OwnerId owner, ContactId contactId) {

    public WatchRelationshipHistory {
        if (owner == null) {
            throw new IllegalArgumentException("A history is watched by its owner");
        }
        if (contactId != null && !contactId.owner().equals(owner)) {
            throw new IllegalArgumentException("An owner watches only their own relationships");
        }
    }

    boolean wants(HistoryEntryView entry) {
        return owner.equals(entry.contactId().owner()) && (contactId == null || contactId.equals(entry.contactId()));
    }
}
