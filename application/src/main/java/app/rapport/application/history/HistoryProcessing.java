package app.rapport.application.history;

import app.rapport.application.ViewProcessing;
import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;

/**
 * The processor of the relationship history: pooled streaming, one segment (entries are numbered in the order
 * the one thread applies them), from the tail, and stopped rather than skipping an event when a handler fails.
 * Its name ends in {@code -views}, so a mutation returns once its step is in the history too.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
public class HistoryProcessing {

    /** The processing group, and processor, of the relationship history. */
    public static final String HISTORY_VIEWS = "history-views";

    @Bean
    ConfigurerModule historyProcessor() {
        return configurer -> ViewProcessing.registerInOrder(configurer.eventProcessing(), HISTORY_VIEWS);
    }
}
