package app.rapport.application.storage;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.lang.Nullable;

import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Connects to a real MongoDB when {@code rapport.mongodb.uri} is set, and otherwise starts the embedded
 * default; either way through the same driver and the same code.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StorageProperties.class)
public class StorageConfiguration {

    private static final Logger log = LoggerFactory.getLogger(StorageConfiguration.class);

    @Bean(destroyMethod = "close")
    @ConditionalOnExpression("'${rapport.mongodb.uri:}'.isBlank()")
    EmbeddedMongoServer embeddedMongoServer(StorageProperties properties) {
        return EmbeddedMongoServer.start(properties.dataDir());
    }

    @Bean
    Store store(StorageProperties properties, @Nullable EmbeddedMongoServer embedded) {
        Store store = embedded != null ? embeddedStore(embedded, properties) : externalStore(properties);
        log.info("Storage: {}", store.description());
        return store;
    }

    @Bean(destroyMethod = "close")
    MongoClient mongoClient(Store store) {
        return store.client();
    }

    @Bean
    HealthIndicator storeHealthIndicator(Store store) {
        return () -> {
            try {
                store.ping();
                return Health.up().withDetail("store", store.description()).build();
            } catch (RuntimeException e) {
                return Health.down().withDetail("store", store.description()).withDetail("error", e.getMessage()).build();
            }
        };
    }

    private static Store embeddedStore(EmbeddedMongoServer embedded, StorageProperties properties) {
        MongoClient client = MongoClients.create(settings(new ConnectionString(embedded.connectionString())));
        String database = properties.mongodb().database();
        return new Store(client, client.getDatabase(database), client.getDatabase(EmbeddedMongoServer.viewsDatabaseOf(database)),
                         embedded.durability(),
                         "embedded MongoDB-compatible store, file " + embedded.file()
                                 + " (set RAPPORT_MONGODB_URI to use a real MongoDB)",
                         () -> Optional.of(embedded.eraseDeadData()));
    }

    private static Store externalStore(StorageProperties properties) {
        ConnectionString uri = new ConnectionString(properties.mongodb().uri());
        String database = uri.getDatabase() != null ? uri.getDatabase() : properties.mongodb().database();
        MongoClient client = MongoClients.create(settings(uri));
        return new Store(client, client.getDatabase(database), AppendDurability.WRITE_CONCERN,
                         "MongoDB at " + String.join(",", uri.getHosts()) + ", database " + database);
    }

    private static MongoClientSettings settings(ConnectionString uri) {
        return MongoClientSettings.builder()
                                  .applyConnectionString(uri)
                                  .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(10, TimeUnit.SECONDS))
                                  .build();
    }
}
