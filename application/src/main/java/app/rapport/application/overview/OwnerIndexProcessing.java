package app.rapport.application.overview;

import app.rapport.application.ViewProcessing;
import app.rapport.application.privacy.ServerKey;
import org.axonframework.config.ConfigurerModule;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.Bean;

/**
 * The processor of the owner index: pooled streaming, one segment (the projection reads, changes and writes a
 * bucket, which relies on one thread applying events in order), from the tail, stopping on a failure so it is
 * retried rather than skipped. Its name ends in {@code -views}: mutations wait for it, so lists and the
 * dashboard show a write as soon as the mutation returns.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
public class OwnerIndexProcessing {

    /** The processing group, and processor, of the owner index. */
    public static final String OWNER_INDEX_VIEWS = "owner-index-views";

    /** Cursors hold sort keys such as names: sealed with the key every server of a cluster shares. */
    @Bean
    InitializingBean cursorsSealedWithTheServerKey(ServerKey serverKey) {
        return () -> PageCursor.sealWith(serverKey);
    }

    @Bean
    ConfigurerModule ownerIndexProcessor() {
        return configurer -> ViewProcessing.registerInOrder(configurer.eventProcessing(), OWNER_INDEX_VIEWS);
    }
}
