package app.rapport.plugin;

import java.time.Duration;

/** Too many of this owner's writes are running: nothing was stored; try again after {@link #retryAfter()}. */
public class Busy extends RuntimeException {

    private final Duration retryAfter;

    public Busy(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
