package app.rapport.domain.shared;

import org.axonframework.eventhandling.GenericEventMessage;

import java.time.Duration;
import java.time.Instant;

/** "Now" for every rule, read from Axon's clock so that test fixtures and the application can set it. */
public final class DomainClock {

    /**
     * How far a client-given time may lie ahead of the server's clock and still count as "not in the future":
     * a person who types the current minute on a device whose clock runs slightly fast is not refused.
     */
    public static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private DomainClock() {
    }

    public static Instant now() {
        return GenericEventMessage.clock.instant();
    }
}
