package app.rapport.application;

import app.rapport.application.views.ViewBatch;
import app.rapport.application.views.ViewFailures;
import app.rapport.application.views.ViewProgress;
import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfigurer;
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

    private static final int BATCH_SIZE = 32;

    /**
     * The views every mutation's answer is read from (contacts, interviews, referrals, questions): a mutation waits
     * for these alone. The other views (lists, dashboard, graph, history) are waited for by the caller's next query.
     */
    public static final List<String> ENTITY_VIEWS = List.of(CONTACT_VIEWS, INTERVIEW_VIEWS, QUESTION_VIEWS);

    /**
     * Every processor's failures are recorded ({@link ViewFailures}) and stop it, to be retried: the write side
     * stops waiting for it and health names it, and no event is skipped.
     */
    @Bean
    ConfigurerModule recordedFailures(ViewFailures failures) {
        return configurer -> configurer.eventProcessing().registerDefaultListenerInvocationErrorHandler(config -> failures);
    }

    /** Every processor writes the view rows its batch of events changed once, when the batch ends ({@link ViewBatch}). */
    @Bean
    ConfigurerModule batchedViewWrites(ViewFailures failures, ViewProgress progress) {
        return configurer -> configurer.eventProcessing()
                                       .registerDefaultHandlerInterceptor((config, name) -> ViewBatch.writtenAtTheEnd(name, failures, progress));
    }

    @Bean
    ConfigurerModule viewProcessors() {
        return configurer -> {
            for (String name : ENTITY_VIEWS) {
                registerInOrder(configurer.eventProcessing(), name);
            }
        };
    }

    /**
     * How every processor of Rapport's own is set up: one segment, so one thread applies the events in the order
     * of the stream; from the tail, so a new processor builds its views from the first event; up to
     * {@value #BATCH_SIZE} events per unit of work when it has fallen behind, so it catches up with one token
     * write per batch instead of one per event (projections are idempotent, so a batch cut short by a crash is
     * simply applied again); and a failing handler stops it, to be retried, rather than skipping an event (the
     * default error handler, {@link ViewFailures}, records the failure and propagates it).
     */
    public static void registerInOrder(EventProcessingConfigurer processing, String name) {
        processing.registerPooledStreamingEventProcessor(
                          name,
                          Configuration::eventStore,
                          (config, builder) -> builder.initialSegmentCount(1)
                                                      .maxClaimedSegments(1)
                                                      .batchSize(BATCH_SIZE)
                                                      .initialToken(StreamableMessageSource::createTailToken));
    }
}
