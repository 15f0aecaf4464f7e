package app.rapport.application.views;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.ListenerInvocationErrorHandler;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The error handler of every processor of Rapport's own: it remembers which processor failed on which event, at
 * which position of the stream, and why, then lets the failure stop the processor, which tries the event again
 * later. A poison event is never skipped: the processor stays at it until the cause is fixed (or the view is
 * rebuilt), and meanwhile the write side does not wait for that view ({@code ViewCatchUp}) and health names it
 * ({@link ViewStatus}). The failure is forgotten once the processor has passed its position.
 */
@Component
public class ViewFailures implements ListenerInvocationErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(ViewFailures.class);

    /**
     * @param position  the global index of the event it failed on; -1 when unknown
     * @param eventType the event's type, e.g. {@code ContactAdded}
     * @param reason    the failure's message, no stack trace
     * @param since     when it first failed there
     * @param attempts  how many times it failed there
     */
    public record Failure(String processor, long position, String eventType, String reason, Instant since, int attempts) {
    }

    private final Map<String, Failure> failures = new ConcurrentHashMap<>();
    private final Clock clock;

    public ViewFailures() {
        this(Clock.systemUTC());
    }

    ViewFailures(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void onError(Exception exception, EventMessage<?> event, EventMessageHandler handler) throws Exception {
        record(processorOf(handler), event, exception);
        throw exception;
    }

    /** Records that the processor failed at this event (or on writing the batch that ends with it). */
    void record(String processor, EventMessage<?> event, Exception exception) {
        long position = positionOf(event);
        String type = event.getPayloadType().getSimpleName();
        Failure failure = failures.compute(processor, (name, earlier) ->
                earlier != null && earlier.position() == position
                        ? new Failure(name, position, type, exception.toString(), earlier.since(), earlier.attempts() + 1)
                        : new Failure(name, position, type, exception.toString(), clock.instant(), 1));
        if (failure.attempts() == 1) {
            log.error("The {} processor failed on {} at position {}; it stops there and tries again, and the write side "
                              + "no longer waits for it until it passes", processor, type, position, exception);
        } else {
            log.warn("The {} processor failed again on {} at position {} (attempt {}): {}", processor, type, position,
                     failure.attempts(), exception.toString());
        }
    }

    /** The processor's failure, if it has not passed the event it failed on since. */
    public Optional<Failure> current(StreamingEventProcessor processor) {
        Failure failure = failures.get(processor.getName());
        if (failure == null) {
            return Optional.empty();
        }
        if (passed(processor, failure.position())) {
            failures.remove(processor.getName(), failure);
            log.info("The {} processor passed position {}, where it had failed; it is current again", processor.getName(),
                     failure.position());
            return Optional.empty();
        }
        return Optional.of(failure);
    }

    /** Every failure recorded, by processor, whether or not it was passed since. */
    public Map<String, Failure> recorded() {
        return new TreeMap<>(failures);
    }

    private static boolean passed(StreamingEventProcessor processor, long position) {
        Map<Integer, EventTrackerStatus> segments = processor.processingStatus();
        if (segments.isEmpty()) {
            return false;
        }
        for (EventTrackerStatus segment : segments.values()) {
            if (segment.isErrorState() || positionOf(segment.getTrackingToken()) < position) {
                return false;
            }
        }
        return true;
    }

    /** The processor a handler belongs to: its class's processing group, as the processors are named after them. */
    private static String processorOf(EventMessageHandler handler) {
        ProcessingGroup group = handler.getTargetType().getAnnotation(ProcessingGroup.class);
        return group != null ? group.value() : handler.getTargetType().getPackageName();
    }

    private static long positionOf(EventMessage<?> event) {
        return event instanceof TrackedEventMessage<?> tracked ? positionOf(tracked.trackingToken()) : -1;
    }

    /** The global position a tracking token stands at; -1 for a token of another kind. */
    public static long positionOf(TrackingToken token) {
        TrackingToken current = WrappedToken.unwrapLowerBound(token);
        return current instanceof GapAwareTrackingToken gapAware ? gapAware.getIndex() : -1;
    }
}
