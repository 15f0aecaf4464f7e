package app.rapport.application.overview;

import app.rapport.application.contact.ContactView;
import app.rapport.domain.contact.ContactId;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What the owner's lists and dashboard need of one contact: the texts it is found and sorted by, and the inputs
 * of its relationship stage. Personal texts may be null where they can no longer be read.
 *
 * @param mergedInto the survivor this contact was merged into; such a contact is archived and not listed
 */
record IndexedContact(
        ContactId id,
        String givenName,
        String familyName,
        String title,
        String organization,
        List<String> tags,
        Instant addedAt,
        Instant lastTouchAt,
        Instant nextFollowUpDue,
        ContactId mergedInto) {

    IndexedContact {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    boolean archived() {
        return mergedInto != null;
    }

    /**
     * The contact as {@link app.rapport.application.relationship.RelationshipStage#of} reads it, so the stage and
     * the display name follow the same rules as everywhere else; fields the index does not keep are empty.
     */
    ContactView asView() {
        return new ContactView(id, givenName, familyName, null, null, title, organization, List.of(), List.of(), null,
                               null, null, tags, null, false, List.of(), addedAt, lastTouchAt, nextFollowUpDue, null,
                               mergedInto, List.of(), List.of(), List.of(), 0);
    }

    /** Lists sort by the display name ignoring case. */
    String sortKey() {
        return asView().displayName().toLowerCase(Locale.ROOT);
    }

    /** Name, organization, title and tags, lower case, one text to search in. */
    String searchText() {
        return Stream.concat(Stream.of(asView().displayName(), organization, title), tags.stream())
                     .filter(text -> text != null && !text.isBlank())
                     .collect(Collectors.joining("\n"))
                     .toLowerCase(Locale.ROOT);
    }

    boolean hasTag(String tag) {
        return tags.stream().anyMatch(own -> own.equalsIgnoreCase(tag));
    }
}
