package app.rapport.application.privacy;

import app.rapport.application.eventstore.FetchedEvents;
import app.rapport.application.storage.Store;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.config.Configurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.serialization.ChainingConverter;
import org.axonframework.serialization.RevisionResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

import java.nio.file.Path;
import org.springframework.context.annotation.Configuration;

/**
 * Puts personal-data encryption where every event is serialized: Axon's {@code eventSerializer}. Axon's
 * auto-configuration makes that bean only when none with this qualifier exists, so this one replaces it;
 * the general serializer (snapshots, tokens, sagas) stays Axon's.
 */
@Configuration(proxyBeanMethods = false)
class PrivacyConfiguration {

    /** The key file lies beside the data directory, not in it: a copy of the data alone reveals nothing. */
    @Bean
    ServerKey serverKey(Environment environment) {
        String dataDir = environment.getProperty("rapport.data-dir", "./data");
        Path defaultFile = Path.of(dataDir).toAbsolutePath().normalize().resolveSibling("rapport-secrets.key");
        return ServerKey.load(environment.getProperty("rapport.secrets-key"),
                              Path.of(environment.getProperty("rapport.secrets-key-file", defaultFile.toString())),
                              environment.getProperty("rapport.secrets-key-previous"));
    }

    @Bean
    ContactKeys contactKeys(Store store, ServerKey serverKey) {
        ContactKeys keys = new ContactKeys(store.database(), store.durability(), serverKey);
        keys.wrapWithTheCurrentServerKey();
        return keys;
    }

    @Bean
    FetchedEvents keysOfFetchedEvents(ContactKeys contactKeys) {
        return new KeysOfFetchedEvents(contactKeys);
    }

    /** Jackson as Axon would build it for {@code axon.serializer.events: jackson}, wrapped. */
    @Bean
    @Qualifier("eventSerializer")
    Serializer eventSerializer(ObjectMapper objectMapper, RevisionResolver revisionResolver, ContactKeys contactKeys) {
        JacksonSerializer jackson = JacksonSerializer.builder()
                                                     // A copy: the serializer registers Axon's modules on its mapper.
                                                     .objectMapper(objectMapper.copy())
                                                     .revisionResolver(revisionResolver)
                                                     .converter(new ChainingConverter())
                                                     .build();
        return new PersonalDataSerializer(jackson, contactKeys);
    }

    @Bean
    ConfigurerModule privacyProcessors() {
        return PrivacyConfiguration::registerProcessors;
    }

    /** The immediate erasure runs in the command's thread; the guaranteed one tracks the log, as by default. */
    static void registerProcessors(Configurer configurer) {
        configurer.eventProcessing(processing -> processing.registerSubscribingEventProcessor(ImmediateErasure.PROCESSING_GROUP));
    }
}
