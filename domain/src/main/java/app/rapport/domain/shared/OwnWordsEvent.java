package app.rapport.domain.shared;

/**
 * An event holding the user's own words (their question bank), about no relationship. Its {@link PersonalData}
 * components are encrypted with a key of the owner's, which is deleted with their account, as a contact's is when the
 * contact is forgotten.
 */
public interface OwnWordsEvent {

    OwnerId owner();
}
