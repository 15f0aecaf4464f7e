package app.rapport.application.account;

import java.time.Duration;

/**
 * Too many failed sign-ins for this account or from this address, or refused sign-ups from it: nothing was checked;
 * try again after {@link #retryAfter()}.
 */
public final class TooManySignIns extends RuntimeException {

    private final Duration retryAfter;

    TooManySignIns(Duration retryAfter) {
        super("Too many failed attempts; try again in " + Math.max(1, retryAfter.toSeconds()) + " s");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
