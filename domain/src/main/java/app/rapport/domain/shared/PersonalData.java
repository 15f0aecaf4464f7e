package app.rapport.domain.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks data that describes a contact or a conversation with them. The application encrypts every such
 * event field with the contact's own key and deletes the key when the contact is forgotten, so the events
 * stay in the store while what they said about the person becomes unreadable. In an {@link OwnWordsEvent} it marks
 * the user's own words, encrypted with the owner's key and unreadable once their account is deleted.
 * <p>
 * Marked components hold only a {@code String}, a {@code List<String>}, or records (or lists of records)
 * whose own components are marked strings, so that each can be encrypted as one JSON value.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
public @interface PersonalData {
}
