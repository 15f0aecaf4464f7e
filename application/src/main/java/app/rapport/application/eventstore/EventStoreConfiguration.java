package app.rapport.application.eventstore;

import app.rapport.application.storage.StorageProperties;
import app.rapport.application.storage.Store;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventhandling.saga.repository.MongoSagaStore;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Axon's storage: Rapport's own event store, and the extension's token and saga stores, all in MongoDB. */
@Configuration(proxyBeanMethods = false)
public class EventStoreConfiguration {

    /**
     * Events go through the {@code eventSerializer}, which the privacy package defines in place of Axon's: it
     * encrypts each contact's personal data with the contact's own key. Snapshots use the general serializer.
     */
    @Bean
    AppendedPositions appendedPositions() {
        return new AppendedPositions();
    }

    @Bean
    EventStorageEngine eventStorageEngine(Store store, AppendedPositions appendedPositions,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          Serializer serializer,
                                          ObjectProvider<EventUpcaster> upcasters,
                                          ObjectProvider<FetchedEvents> fetchedEvents) {
        return MongoEventStorageEngine.builder()
                                      .database(store.database())
                                      .durability(store.durability())
                                      .appendedPositions(appendedPositions)
                                      .fetchedEvents(fetchedEvents.getIfAvailable(() -> FetchedEvents.NONE))
                                      .eventSerializer(eventSerializer)
                                      .snapshotSerializer(serializer)
                                      .upcasterChain(new EventUpcasterChain(upcasters.orderedStream().toList()))
                                      .build();
    }

    /** Replaces Axon's embedded store, whose streams make processors poll for new events every half second. */
    @Bean(destroyMethod = "shutDown")
    LiveEventStore eventStore(EventStorageEngine storageEngine, org.axonframework.config.Configuration configuration) {
        return LiveEventStore.builder()
                             .storageEngine(storageEngine)
                             .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                             .spanFactory(configuration.getComponent(EventBusSpanFactory.class))
                             .build();
    }

    @Bean
    MongoTemplate axonMongoTemplate(Store store) {
        return DefaultMongoTemplate.builder().mongoDatabase(store.views()).build();
    }

    @Bean
    TokenStore tokenStore(MongoTemplate axonMongoTemplate, Serializer serializer, StorageProperties properties) {
        return MongoTokenStore.builder()
                              .mongoTemplate(axonMongoTemplate)
                              .serializer(serializer)
                              .nodeId(properties.nodeId())
                              .build();
    }

    @Bean
    SagaStore<Object> sagaStore(MongoTemplate axonMongoTemplate, Serializer serializer) {
        return MongoSagaStore.builder().mongoTemplate(axonMongoTemplate).serializer(serializer).build();
    }
}
