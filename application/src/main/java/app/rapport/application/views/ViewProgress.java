package app.rapport.application.views;

import org.axonframework.eventhandling.TrackingToken;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * How far each view processor's rows are written: known as soon as a batch's rows are ({@link ViewBatch}), before the
 * processor stores its token, which a reader of the views does not need to wait for. Whoever waits for a view is woken
 * at each such step instead of looking on a timer.
 * <p>
 * A processor that is reset starts again from nothing here too ({@link #forget}).
 */
@Component
public class ViewProgress {

    private final Map<String, TrackingToken> written = new ConcurrentHashMap<>();
    private final Object signal = new Object();
    private long steps;

    /** The rows of the events up to {@code token} are written by {@code processor}. */
    public void written(String processor, TrackingToken token) {
        written.put(processor, token);
        signal();
    }

    /** Wakes whoever waits: a processor moved on in a way {@link #written} does not see (its status, a failure). */
    public void signal() {
        synchronized (signal) {
            steps++;
            signal.notifyAll();
        }
    }

    /** Where {@code processor}'s written rows reach, if it wrote any since it started or was reset. */
    public Optional<TrackingToken> writtenUpTo(String processor) {
        return Optional.ofNullable(written.get(processor));
    }

    /** After a reset of the processor: its rows are written again from the start. */
    public void forget(String processor) {
        written.remove(processor);
    }

    /** A count of the steps so far, to wait for the next one with {@link #awaitStepAfter}. */
    public long step() {
        synchronized (signal) {
            return steps;
        }
    }

    /** Waits until a step after {@code step} has been made, or at most {@code nanos}. */
    public void awaitStepAfter(long step, long nanos) throws InterruptedException {
        synchronized (signal) {
            if (steps == step) {
                TimeUnit.NANOSECONDS.timedWait(signal, nanos);
            }
        }
    }
}
