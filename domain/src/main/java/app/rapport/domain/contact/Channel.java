package app.rapport.domain.contact;

/** How a message reached a contact or a conversation took place. */
public enum Channel {
    EMAIL,
    PHONE,
    LETTER,
    LINKEDIN,
    IN_PERSON,
    VIDEO,
    OTHER
}
