package app.rapport.application.history;

import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.messaging.StreamableMessageSource;
import org.springframework.context.annotation.Bean;

/**
 * The processor of the relationship history: pooled streaming, one segment (entries are numbered in the order
 * the one thread applies them), from the tail, and stopped rather than skipping an event when a handler fails.
 * Its name ends in {@code -views}, so a mutation returns once its step is in the history too.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
class HistoryProcessing {

    static final String HISTORY_VIEWS = "history-views";

    @Bean
    ConfigurerModule historyProcessor() {
        return configurer -> configurer.eventProcessing()
                .registerPooledStreamingEventProcessor(
                        HISTORY_VIEWS,
                        Configuration::eventStore,
                        (config, builder) -> builder.initialSegmentCount(1)
                                                    .maxClaimedSegments(1)
                                                    .initialToken(StreamableMessageSource::createTailToken))
                .registerListenerInvocationErrorHandler(HISTORY_VIEWS, config -> PropagatingErrorHandler.instance());
    }
}
