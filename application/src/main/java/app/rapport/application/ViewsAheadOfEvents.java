package app.rapport.application;

import app.rapport.application.messaging.ViewCatchUp;
import app.rapport.application.storage.Store;
import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.lifecycle.Phase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;

import java.util.List;
import java.util.OptionalLong;

/**
 * Before the event processors start, finds those that had applied events the store no longer holds, and puts them
 * back in step with it.
 * <p>
 * On the embedded store the views and the processors' tokens are made durable about once a second, the events before
 * each write is acknowledged ({@code EmbeddedMongoServer}). A processor may apply an event in the few milliseconds
 * between its insert and its commit; a crash in that moment leaves a token past the last event the store kept, and the
 * next events appended take the lost events' positions, which that token says were passed. So a view processor found
 * ahead is rebuilt (its views showed an event that was never acknowledged), and any other processor is set back to the
 * store's head, with the gaps it still had below it, since what it passed beyond was never stored.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
public class ViewsAheadOfEvents {

    private static final Logger log = LoggerFactory.getLogger(ViewsAheadOfEvents.class);

    /** Just before the processors start: they start in the phase of inbound event connectors. */
    static final int PHASE = Phase.INBOUND_EVENT_CONNECTORS - 1;

    /** Only where the views are made durable apart from the events: on a real MongoDB both are, at every write. */
    @Bean
    ConfigurerModule viewsAheadOfEventsSetBack(Store store) {
        boolean viewsApart = !store.views().getName().equals(store.database().getName());
        return configurer -> configurer.onInitialize(config -> config.onStart(PHASE, () -> {
            if (viewsApart) {
                setBack(config);
            }
        }));
    }

    /** Sets back every processor whose token is past the store's head. */
    static void setBack(Configuration config) {
        TrackingToken headToken = config.eventStore().createHeadToken();
        OptionalLong head = headToken == null ? OptionalLong.of(0) : headToken.position();
        if (head.isEmpty()) {
            return;
        }
        EventProcessingConfiguration processing = config.eventProcessingConfiguration();
        processing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor streaming && setBack(name, processing.tokenStore(name), head.getAsLong())) {
                log.warn("The views of {} had applied events past the {} the store kept after a crash: rebuilding them", name, head.getAsLong());
                streaming.resetTokens();
            }
        });
    }

    /**
     * Sets back to the head each segment of a processor that keeps no view and is past it; whether the processor keeps
     * views and is past it, to be rebuilt.
     */
    private static boolean setBack(String name, TokenStore tokens, long head) {
        boolean views = name.endsWith(ViewCatchUp.VIEW_GROUP_SUFFIX);
        boolean ahead = false;
        for (int segment : tokens.fetchSegments(name)) {
            TrackingToken token;
            try {
                token = tokens.fetchToken(name, segment);
            } catch (UnableToClaimTokenException claimedElsewhere) {
                continue; // a server running it now is in step with the store it reads
            }
            try {
                OptionalLong position = token == null ? OptionalLong.empty() : token.position();
                if (position.isEmpty() || position.getAsLong() <= head) {
                    continue;
                }
                ahead = true;
                if (!views) {
                    log.warn("Processor {} had passed events up to {}, past the {} the store kept after a crash: it goes on from {}",
                             name, position.getAsLong(), head, head);
                    tokens.storeToken(atHead(token, head), name, segment);
                }
            } finally {
                tokens.releaseClaim(name, segment);
            }
        }
        return views && ahead;
    }

    /** The token at {@code head}, keeping the gaps below it that {@code token} was still waiting for. */
    private static TrackingToken atHead(TrackingToken token, long head) {
        if (WrappedToken.unwrapLowerBound(token) instanceof GapAwareTrackingToken gapAware) {
            return GapAwareTrackingToken.newInstance(head, gapAware.getGaps().headSet(head));
        }
        return GapAwareTrackingToken.newInstance(head, List.of());
    }
}
