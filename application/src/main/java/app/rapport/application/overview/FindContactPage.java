package app.rapport.application.overview;

import app.rapport.application.relationship.RelationshipStage;
import app.rapport.domain.shared.OwnerId;

/**
 * A page of the owner's contacts: {@link ContactPage} ({@code ResponseTypes.instanceOf(ContactPage.class)}), by
 * display name ignoring case, then id; archived (merged-away) and forgotten contacts are not listed.
 *
 * @param first  at most this many, 0 to {@link PageSize#MAX}; more is refused (field {@code first})
 * @param after  a cursor from an earlier page, or null for the first page; a malformed one is refused
 * @param search null, or words that must each occur, ignoring case, in the name, organization, title or tags
 * @param stage  null, or only contacts at this stage now
 * @param tag    null, or only contacts with this tag, ignoring case
 */
public record FindContactPage(OwnerId owner, int first, String after, String search, RelationshipStage stage, String tag) {

    static final String LIST = "contacts";

    public FindContactPage {
        PageSize.require(first);
        if (after != null) {
            PageCursor.decode(LIST, after);
        }
    }
}
