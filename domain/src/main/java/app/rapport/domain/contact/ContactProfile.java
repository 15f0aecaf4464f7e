package app.rapport.domain.contact;

import java.util.List;

/**
 * Who a contact is: names, position, ways to reach them and how they were found. The one place where the rules for
 * changing these fields live; the aggregate, every view that keeps any of them and the contact as it stood at an
 * earlier moment all apply events through it, so they cannot drift apart.
 * <p>
 * Events may carry null personal data (a forgotten contact's events, read without its key): null always keeps a
 * field, so an unreadable event changes nothing. Lists are never null here.
 */
public record ContactProfile(String givenName, String familyName, String pronunciation, String salutation, String title,
                             String organization, List<String> emails, List<String> phones, String linkedinUrl,
                             ContactSource source, String sourceDetail, List<String> tags) {

    public ContactProfile {
        emails = orEmpty(emails);
        phones = orEmpty(phones);
        tags = orEmpty(tags);
    }

    /** Nothing known yet: the start a view that keeps only some of the fields applies events to. */
    public static final ContactProfile EMPTY = new ContactProfile(null, null, null, null, null, null, null, null, null, null, null, null);

    public static ContactProfile of(ContactAdded added) {
        return new ContactProfile(added.givenName(), added.familyName(), added.pronunciation(), added.salutation(),
                                  added.title(), added.organization(), added.emails(), added.phones(),
                                  added.linkedinUrl(), added.source(), added.sourceDetail(), added.tags());
    }

    /** A correction: null keeps a field; an empty text or list clears it, except the given name, which a contact always has. */
    public ContactProfile updatedBy(ContactUpdated updated) {
        return new ContactProfile(
                updated.givenName() == null || updated.givenName().isEmpty() ? givenName : updated.givenName(),
                changed(familyName, updated.familyName()),
                changed(pronunciation, updated.pronunciation()),
                changed(salutation, updated.salutation()),
                changed(title, updated.title()),
                changed(organization, updated.organization()),
                updated.emails() == null ? emails : updated.emails(),
                updated.phones() == null ? phones : updated.phones(),
                changed(linkedinUrl, updated.linkedinUrl()),
                updated.source() == null ? source : updated.source(),
                changed(sourceDetail, updated.sourceDetail()),
                updated.tags() == null ? tags : updated.tags());
    }

    /**
     * A duplicate merged in: its texts fill the fields this contact had empty (the event carries only those), and the
     * lists become the union the event carries.
     */
    public ContactProfile mergedWith(ContactsMerged merged) {
        return new ContactProfile(
                givenName,
                filled(familyName, merged.familyName()),
                filled(pronunciation, merged.pronunciation()),
                filled(salutation, merged.salutation()),
                filled(title, merged.title()),
                filled(organization, merged.organization()),
                merged.emails() == null ? emails : merged.emails(),
                merged.phones() == null ? phones : merged.phones(),
                filled(linkedinUrl, merged.linkedinUrl()),
                source,
                filled(sourceDetail, merged.sourceDetail()),
                merged.tags() == null ? tags : merged.tags());
    }

    private static String changed(String current, String change) {
        if (change == null) {
            return current;
        }
        return change.isEmpty() ? null : change;
    }

    private static String filled(String current, String filler) {
        return filler == null || filler.isEmpty() ? current : filler;
    }

    private static List<String> orEmpty(List<String> values) {
        return values == null ? List.of() : List.copyOf(values);
    }
}
