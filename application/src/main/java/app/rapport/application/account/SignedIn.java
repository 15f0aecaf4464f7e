package app.rapport.application.account;

import java.time.Instant;

/**
 * The outcome of a sign-up or sign-in: a bearer token for the account, valid until {@code expiresAt}.
 * The token is a secret: it is shown to the client once and kept nowhere, not even in {@link #toString()}.
 */
public record SignedIn(String token, Account account, Instant expiresAt) {

    @Override
    public String toString() {
        return "SignedIn[account=" + account.id() + ", expiresAt=" + expiresAt + "]";
    }
}
