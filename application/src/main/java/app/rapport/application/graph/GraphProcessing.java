package app.rapport.application.graph;

import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.messaging.StreamableMessageSource;
import org.springframework.context.annotation.Bean;

/**
 * The processor that keeps the contact graphs: pooled streaming, one segment (the projection reads, compares and
 * writes a whole owner's row, which needs one thread in stream order), starting at the tail so a new processor
 * builds every graph from the first event; a failing handler stops it to be retried, never skipped. Its name ends
 * in {@code -views}, so a mutation returns only once the graph shows it.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
public class GraphProcessing {

    /** The processing group, and processor, of the contact graphs. */
    public static final String GRAPH_VIEWS = "graph-views";

    @Bean
    ConfigurerModule graphViewProcessor() {
        return configurer -> configurer.eventProcessing()
                .registerPooledStreamingEventProcessor(
                        GRAPH_VIEWS,
                        Configuration::eventStore,
                        (config, builder) -> builder.initialSegmentCount(1)
                                                    .maxClaimedSegments(1)
                                                    .initialToken(StreamableMessageSource::createTailToken))
                .registerListenerInvocationErrorHandler(GRAPH_VIEWS, config -> PropagatingErrorHandler.instance());
    }
}
