package app.rapport.application;

import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.messaging.StreamableMessageSource;
import org.springframework.context.annotation.Bean;

import java.util.List;

/**
 * The event processors that keep the contact, interview and question bank views: pooled streaming processors reading
 * Rapport's event store, with their tokens in MongoDB.
 * <p>
 * Each runs one segment, so one thread applies a view's events in the order of the stream; the views rely on
 * it (read, compare the version, write). A new processor starts at the tail and builds its views from the
 * first event. A handler that fails stops its processor, which retries later, rather than skipping the event
 * and leaving a view wrong for good.
 * <p>
 * Their names end in {@code -views}: the write side waits for such processors before it reads its own writes.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
public class ViewProcessing {

    /** The processing group, and processor, of the contact views. */
    public static final String CONTACT_VIEWS = "contact-views";
    /** The processing group, and processor, of the interview and referral views. */
    public static final String INTERVIEW_VIEWS = "interview-views";

    /** The processing group, and processor, of the question bank views. */
    public static final String QUESTION_VIEWS = "question-views";

    private static final List<String> VIEW_PROCESSORS = List.of(CONTACT_VIEWS, INTERVIEW_VIEWS, QUESTION_VIEWS);

    @Bean
    ConfigurerModule viewProcessors() {
        return configurer -> {
            EventProcessingConfigurer processing = configurer.eventProcessing();
            for (String name : VIEW_PROCESSORS) {
                processing.registerPooledStreamingEventProcessor(
                                  name,
                                  Configuration::eventStore,
                                  (config, builder) -> builder.initialSegmentCount(1)
                                                              .maxClaimedSegments(1)
                                                              .initialToken(StreamableMessageSource::createTailToken))
                          .registerListenerInvocationErrorHandler(name, config -> PropagatingErrorHandler.instance());
            }
        };
    }
}
