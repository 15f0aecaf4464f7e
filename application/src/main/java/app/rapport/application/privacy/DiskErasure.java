package app.rapport.application.privacy;

import app.rapport.application.messaging.ViewCatchUp;
import app.rapport.application.storage.Store;
import app.rapport.application.views.ViewFailures;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Finishes a forgetting on disk. Deleting a contact's key and purging the views leaves old copies in the store's
 * file (the embedded store never overwrites in place); this overwrites them, once the views have purged the person.
 * <p>
 * Forgettings that come together share one erasure: each asks with {@link #request()}, and the erasure starts
 * {@code rapport.privacy.erasure-delay} (2 s) after the first, covering every forgetting made by then. It waits up
 * to {@code rapport.privacy.erasure-patience} (1 min) for the views to purge; a view that is behind or stopped at a
 * failure does not stop the erasure of the rest, and the erasure runs again once more time has passed.
 * Health component {@code erasure} says whether one is pending and when the last was completed.
 */
@Component("erasureHealthIndicator") // health component "erasure"
public class DiskErasure implements ErasureOnDisk, HealthIndicator, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DiskErasure.class);

    private final Store store;
    private final EventStore events;
    private final ViewCatchUp views;
    private final Duration delay;
    private final Duration patience;
    private final Clock clock = Clock.systemUTC();
    private final Thread worker;

    private long requestedThrough = -1;
    private long completedThrough = -1;
    private Instant lastCompletedAt;
    private String lastFailure;
    private volatile boolean closing;

    DiskErasure(Store store, EventStore events, ViewCatchUp views,
                @Value("${rapport.privacy.erasure-delay:PT2S}") Duration delay,
                @Value("${rapport.privacy.erasure-patience:PT1M}") Duration patience) {
        this.store = store;
        this.events = events;
        this.views = views;
        this.delay = delay;
        this.patience = patience;
        this.worker = new Thread(this::run, "disk-erasure");
        worker.setDaemon(true);
        worker.start();
    }

    @Override
    public void request() {
        long head = ViewFailures.positionOf(events.createHeadToken());
        synchronized (this) {
            requestedThrough = Math.max(requestedThrough, head);
            notifyAll();
        }
    }

    /** Whether everything forgotten up to event position {@code position} is erased from disk. */
    public synchronized boolean completedThrough(long position) {
        return completedThrough >= position;
    }

    /** Whether an erasure is asked for and not completed yet. */
    public synchronized boolean pending() {
        return requestedThrough > completedThrough;
    }

    @Override
    public synchronized Health health() {
        Health.Builder health = Health.up().withDetail("pending", pending());
        if (lastCompletedAt != null) {
            health.withDetail("lastCompletedAt", lastCompletedAt.toString());
        }
        if (lastFailure != null) {
            health.withDetail("lastFailure", lastFailure);
        }
        return health.build();
    }

    /** The file must not be closed under an erasure, so the worker is never interrupted: it is told, and waits. */
    private void run() {
        while (true) {
            long target;
            synchronized (this) {
                while (!closing && requestedThrough <= completedThrough) {
                    waitQuietly(0);
                }
                // Forgettings asked for meanwhile wake this wait but join this erasure.
                long until = System.nanoTime() + delay.toNanos();
                for (long left = delay.toNanos(); !closing && left > 0; left = until - System.nanoTime()) {
                    waitQuietly(Math.max(1, left / 1_000_000));
                }
                if (closing) {
                    return;
                }
                target = requestedThrough;
            }
            eraseThrough(target);
        }
    }

    private void eraseThrough(long position) {
        boolean purged = awaitViews(position);
        try {
            long started = System.nanoTime();
            Optional<String> erased = store.deadDataErasure().erase();
            long millis = (System.nanoTime() - started) / 1_000_000;
            synchronized (this) {
                lastFailure = null;
                if (purged) {
                    completedThrough = Math.max(completedThrough, position);
                    lastCompletedAt = clock.instant();
                }
            }
            if (purged) {
                erased.ifPresent(done -> log.info("Forgotten data erased from disk in {} ms: {}", millis, done));
            } else {
                log.warn("The views had not purged everything forgotten within {}; the erasure on disk runs again", patience);
                pause(patience);
            }
        } catch (RuntimeException failed) {
            synchronized (this) {
                lastFailure = failed.getClass().getSimpleName();
            }
            log.warn("Erasing forgotten data from disk failed; trying again in {}", patience, failed);
            pause(patience);
        }
    }

    private boolean awaitViews(long position) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (!views.reached(position, null)) {
            if (System.nanoTime() > deadline || closing) {
                return false;
            }
            pause(Duration.ofMillis(50));
        }
        return true;
    }

    private synchronized void pause(Duration pause) {
        long until = System.nanoTime() + pause.toNanos();
        for (long left = pause.toNanos(); !closing && left > 0; left = until - System.nanoTime()) {
            waitQuietly(Math.max(1, left / 1_000_000));
        }
    }

    /** Waits on this; wakes early when closing. Never interrupted, see {@link #run()}. */
    private void waitQuietly(long millis) {
        try {
            wait(millis);
        } catch (InterruptedException unexpected) {
            Thread.currentThread().interrupt();
            closing = true;
        }
    }

    /** Lets a running erasure finish: the store closes after this. */
    @Override
    public void close() throws InterruptedException {
        synchronized (this) {
            closing = true;
            notifyAll();
        }
        worker.join();
    }
}
