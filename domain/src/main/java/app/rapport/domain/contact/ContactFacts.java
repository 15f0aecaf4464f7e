package app.rapport.domain.contact;

/**
 * What another aggregate may know about a contact: whether it was forgotten, and who introduced it and
 * whether that introducer allowed their name to be used.
 *
 * @param introducer null when nobody introduced the contact
 */
public record ContactFacts(ContactId id, boolean forgotten, ContactId introducer, boolean mayUseIntroducerName) {
}
