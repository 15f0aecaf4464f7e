package app.rapport.application;

import app.rapport.domain.contact.Contact;
import app.rapport.domain.interview.InformationalInterview;
import app.rapport.domain.question.Question;
import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Registers the domain's aggregates with Axon; the domain itself knows no Spring. All are event sourced from
 * Rapport's event store, without snapshots: a snapshot would copy a contact's personal data out of the
 * encrypted events, where forgetting the contact could no longer reach it.
 */
@Configuration(proxyBeanMethods = false)
public class DomainConfiguration {

    @Bean
    ConfigurerModule domainAggregates() {
        return configurer -> configurer
                .configureAggregate(AggregateConfigurer.defaultConfiguration(Contact.class)
                                                       .configureCache(config -> new WeakReferenceCache()))
                .configureAggregate(AggregateConfigurer.defaultConfiguration(InformationalInterview.class)
                                                       .configureCache(config -> new WeakReferenceCache()))
                .configureAggregate(AggregateConfigurer.defaultConfiguration(Question.class));
        // One cache per aggregate type: a contact and an interview may share an identifier ("owner/c-1"), and a
        // shared cache would hand one out for the other. Weak references keep hot aggregates while memory lasts.
    }
}
