package app.rapport.application.messaging;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Lets writes in at the pace the server can take, each actor in its own lane: a few of an actor's writes run at
 * once, more wait their turn in a bounded queue, and past that, or past the longest wait, a write is refused
 * with {@link TooBusy} before anything is stored. One user pushing hundreds of writes therefore waits for
 * themselves, while another user's writes keep their pace.
 * <p>
 * A write refused because the queue is full is answered after a short delay, holding no place in the queue: a
 * client that retries at once instead of after the hint would otherwise make the server refuse thousands of
 * requests a second, and that work is taken from every other user.
 */
@Component
public class WriteAdmission {

    private final int runningPerActor;
    private final int waitingPerActor;
    private final Duration longestWait;
    private final Duration refusalDelay;
    private final Map<String, Lane> lanes = new ConcurrentHashMap<>();

    WriteAdmission(@Value("${rapport.writes.running-per-user:2}") int runningPerActor,
                   @Value("${rapport.writes.waiting-per-user:64}") int waitingPerActor,
                   @Value("${rapport.writes.longest-wait:PT3S}") Duration longestWait,
                   @Value("${rapport.writes.refusal-delay:PT0.25S}") Duration refusalDelay) {
        this.runningPerActor = runningPerActor;
        this.waitingPerActor = waitingPerActor;
        this.longestWait = longestWait;
        this.refusalDelay = refusalDelay;
    }

    public <R> R admit(String actor, Supplier<R> write) {
        Lane lane = lanes.computeIfAbsent(actor, ignored -> new Lane(runningPerActor));
        if (lane.admitted.incrementAndGet() > runningPerActor + waitingPerActor) {
            lane.admitted.decrementAndGet();
            pause(refusalDelay);
            throw new TooBusy(longestWait);
        }
        if (!acquire(lane.running)) {
            lane.admitted.decrementAndGet();
            throw new TooBusy(longestWait);
        }
        try {
            return write.get();
        } finally {
            lane.running.release();
            lane.admitted.decrementAndGet();
        }
    }

    private boolean acquire(Semaphore running) {
        try {
            return running.tryAcquire(longestWait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void pause(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static final class Lane {

        final Semaphore running;
        final AtomicInteger admitted = new AtomicInteger();

        Lane(int permits) {
            this.running = new Semaphore(permits, true);
        }
    }

    /** Too many writes of this actor are running or waiting; nothing of this one was stored. */
    public static class TooBusy extends RuntimeException {

        private final Duration retryAfter;

        public TooBusy(Duration retryAfter) {
            this("The server is busy with your earlier changes; nothing was saved. Try again in "
                         + Math.max(1, retryAfter.toSeconds()) + " s", retryAfter);
        }

        public TooBusy(String message, Duration retryAfter) {
            super(message);
            this.retryAfter = retryAfter;
        }

        public Duration retryAfter() {
            return retryAfter;
        }
    }
}
