package app.rapport.application.messaging;

import app.rapport.application.views.ViewFailures;
import app.rapport.application.views.ViewProgress;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Waits until every view processor has handled the events up to a global position, so a mutation can return
 * the state after its write. View processors are the processing groups whose names end in {@code -views};
 * other processors (plugins, reminders) may lag or fail without holding users' writes back.
 */
@Component
public class ViewCatchUp {

    public static final String VIEW_GROUP_SUFFIX = "-views";
    private static final long MAX_PAUSE_NANOS = 1_000_000;

    private final EventProcessingConfiguration processing;
    private final ViewFailures failures;
    private final ViewProgress progress;
    private final Duration timeout;

    ViewCatchUp(EventProcessingConfiguration processing, ViewFailures failures, ViewProgress progress,
                @Value("${rapport.views.catch-up-timeout:PT10S}") Duration timeout) {
        this.processing = processing;
        this.failures = failures;
        this.progress = progress;
        this.timeout = timeout;
    }

    public void awaitProcessed(long position) {
        awaitProcessed(position, timeout);
    }

    public void awaitProcessed(long position, Duration patience) {
        awaitProcessed(position, null, patience);
    }

    /** Waits for the named view processors alone (all of them when {@code names} is null). */
    public void awaitProcessed(long position, Collection<String> names) {
        awaitProcessed(position, names, timeout);
    }

    /** Waits up to {@code patience} for the named view processors (all of them when {@code names} is null). */
    public void awaitProcessed(long position, Collection<String> names, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            long step = progress.step();
            if (viewsReached(position, names)) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new ViewsLagging("The change was saved, but the lists did not show it within " + patience
                                               + "; do not send it again: read it again in a moment");
            }
            try {
                // Woken by the views' next step; the timer only covers a step that is not signalled (a processor's start).
                progress.awaitStepAfter(step, MAX_PAUSE_NANOS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ViewsLagging("The change was saved; interrupted while waiting for the lists to show it");
            }
        }
    }

    /** The view processors by name: the processing groups whose names end in {@code -views}. */
    public static Map<String, StreamingEventProcessor> viewProcessors(EventProcessingConfiguration processing) {
        Map<String, StreamingEventProcessor> views = new TreeMap<>();
        processing.eventProcessors().forEach((name, processor) -> {
            if (name.endsWith(VIEW_GROUP_SUFFIX) && processor instanceof StreamingEventProcessor streaming) {
                views.put(name, streaming);
            }
        });
        return views;
    }

    /** Whether the named view processors (all of them when {@code names} is null) have passed the position. */
    public boolean reached(long position, Collection<String> names) {
        try {
            return viewsReached(position, names);
        } catch (ViewsLagging failed) {
            return false;
        }
    }

    private boolean viewsReached(long position, Collection<String> names) {
        Map<String, StreamingEventProcessor> views = viewProcessors(processing);
        for (Map.Entry<String, StreamingEventProcessor> named : views.entrySet()) {
            if (names != null && !names.contains(named.getKey())) {
                continue;
            }
            StreamingEventProcessor view = named.getValue();
            Map<Integer, EventTrackerStatus> segments = view.processingStatus();
            boolean passed = !segments.isEmpty();
            for (EventTrackerStatus segment : segments.values()) {
                passed &= !segment.isErrorState() && reached(segment.getTrackingToken(), position);
            }
            // The rows are there before the token is stored and the status moves: a reader needs only the rows.
            if (passed || segments.size() == 1 && progress.writtenUpTo(named.getKey()).filter(written -> reached(written, position)).isPresent()) {
                continue;
            }
            Optional<ViewFailures.Failure> failure = failures.current(view);
            if (failure.isPresent()) {
                // Stopped at a failure: waiting would only hold the writer up until the timeout.
                throw new ViewsLagging("The change was saved, but the " + view.getName() + " stopped at a failure and "
                                               + "may not show it yet; do not send it again", view.getName());
            }
            return false;
        }
        return true;
    }

    /**
     * Not {@code TrackingToken.covers}: that also compares gaps below the position, and a gap left by a writer
     * that crashed would then hold every later write back until the gap expires.
     */
    private static boolean reached(TrackingToken token, long position) {
        TrackingToken current = WrappedToken.unwrapLowerBound(token);
        return current instanceof GapAwareTrackingToken gapAware
                && gapAware.getIndex() >= position
                && !gapAware.getGaps().contains(position);
    }

    /** The write is stored, but the views are not showing it yet. */
    public static class ViewsLagging extends RuntimeException {

        private final String view;

        public ViewsLagging(String message) {
            this(message, null);
        }

        public ViewsLagging(String message, String view) {
            super(message);
            this.view = view;
        }

        /** The view that may be stale, when one is known to be. */
        public Optional<String> view() {
            return Optional.ofNullable(view);
        }
    }
}
