package app.rapport.application.graph;

import app.rapport.application.ViewProcessing;
import org.axonframework.config.ConfigurerModule;
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
        return configurer -> ViewProcessing.registerInOrder(configurer.eventProcessing(), GRAPH_VIEWS);
    }
}
