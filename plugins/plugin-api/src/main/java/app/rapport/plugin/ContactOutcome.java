package app.rapport.plugin;

/**
 * What became of one contact of {@link OwnerNetwork#addContacts}.
 *
 * @param field   for a refusal, the field at fault, or null
 * @param message for a refusal, what is wrong
 */
public record ContactOutcome(String contactId, Result result, String field, String message) {

    public enum Result { ADDED, ALREADY_THERE, REFUSED }
}
