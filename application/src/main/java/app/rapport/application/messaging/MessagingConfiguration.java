package app.rapport.application.messaging;

import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What every event inherits from the command that caused it: the actor, and the correlation and trace ids. */
@Configuration(proxyBeanMethods = false)
class MessagingConfiguration {

    @Bean
    CorrelationDataProvider messageOrigin() {
        return new MessageOriginProvider();
    }

    @Bean
    CorrelationDataProvider actor() {
        return new SimpleCorrelationDataProvider(ConsistentCommandGateway.ACTOR);
    }
}
