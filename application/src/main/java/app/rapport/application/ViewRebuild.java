package app.rapport.application;

import app.rapport.application.messaging.ViewCatchUp;
import app.rapport.application.views.ViewProgress;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Map;

/**
 * Rebuilds every view from the event store: each view processor (name ending in {@code -views}) stops, its
 * projection clears its collections (its {@code @ResetHandler}), and it replays the whole stream. The events are
 * the truth; a view can always be thrown away and made again, e.g. after a projection's code changed.
 *
 * <p>Run it with {@code --rapport.rebuild-views=true}: the server rebuilds at start-up, then serves as usual.
 * Mutations made meanwhile wait for the views to catch up, as always.
 */
@Component
public class ViewRebuild {

    private static final Logger log = LoggerFactory.getLogger(ViewRebuild.class);

    private final EventProcessingConfiguration processing;
    private final EventStore events;
    private final ViewCatchUp catchUp;
    private final ViewProgress progress;

    ViewRebuild(EventProcessingConfiguration processing, EventStore events, ViewCatchUp catchUp, ViewProgress progress) {
        this.processing = processing;
        this.events = events;
        this.catchUp = catchUp;
        this.progress = progress;
    }

    /** Rebuilds all views and returns once they have caught up with the stream as it was when asked. */
    public void rebuildAll(Duration patience) {
        long started = System.nanoTime();
        TrackingToken head = events.createHeadToken();
        Map<String, StreamingEventProcessor> views = ViewCatchUp.viewProcessors(processing);
        for (Map.Entry<String, StreamingEventProcessor> view : views.entrySet()) {
            log.info("Rebuilding view {}", view.getKey());
            view.getValue().shutDown();
            view.getValue().resetTokens();
            progress.forget(view.getKey());
            view.getValue().start();
        }
        // global positions count from 1, so the head's is the number of events
        long replayed = head instanceof GapAwareTrackingToken position ? position.getIndex() : 0;
        if (replayed > 0) {
            catchUp.awaitProcessed(replayed, patience);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        log.info("Rebuilt {} views from {} events in {} s ({} events/s)", views.size(), replayed,
                 String.format("%.1f", seconds), Math.round(replayed / Math.max(seconds, 1e-3)));
    }

    @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
    static class AtStartUp {

        @Bean
        @ConditionalOnProperty(name = "rapport.rebuild-views", havingValue = "true")
        ApplicationRunner rebuildViewsAtStartUp(ViewRebuild rebuild) {
            return (ApplicationArguments arguments) -> rebuild.rebuildAll(Duration.ofHours(1));
        }
    }
}
