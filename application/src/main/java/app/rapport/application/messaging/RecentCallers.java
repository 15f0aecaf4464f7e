package app.rapport.application.messaging;

import app.rapport.domain.shared.OwnerId;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Who has sent this server a request in the last few seconds. Background work done for one owner (a plugin's import)
 * gives way while someone else is using the server, and runs at full speed when that owner is alone on it, as on a
 * personal server. Per server: people on another node do not share this one's processors.
 */
@Component
public class RecentCallers {

    /** How long after their last request someone counts as still using the server: a page's next click. */
    static final Duration RECENT = Duration.ofSeconds(5);

    private final Map<OwnerId, Long> lastSeen = new ConcurrentHashMap<>();
    private final LongSupplier nanoClock;

    public RecentCallers() {
        this(System::nanoTime);
    }

    RecentCallers(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
    }

    /** A request of {@code owner}'s has arrived. */
    public void saw(OwnerId owner) {
        lastSeen.put(owner, nanoClock.getAsLong());
    }

    /** Whether anyone but {@code owner} sent a request within the last {@link #RECENT}; forgets those who did not. */
    public boolean anyoneBut(OwnerId owner) {
        long now = nanoClock.getAsLong();
        boolean someone = false;
        for (Map.Entry<OwnerId, Long> caller : lastSeen.entrySet()) {
            if (now - caller.getValue() > RECENT.toNanos()) {
                lastSeen.remove(caller.getKey(), caller.getValue());
            } else if (!caller.getKey().equals(owner)) {
                someone = true;
            }
        }
        return someone;
    }
}
