package app.rapport.application.accountdeletion;

import app.rapport.domain.shared.OwnerId;

/**
 * A place that keeps data of an account's own beside its contacts (its question bank, plugins' settings), and deletes
 * it when the account is deleted: {@link AccountDeletion} calls each once every contact is forgotten.
 */
public interface AccountCopies {

    /** Deletes what this place keeps of the account. Idempotent. */
    void forget(OwnerId account);
}
