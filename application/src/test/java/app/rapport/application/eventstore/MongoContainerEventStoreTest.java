package app.rapport.application.eventstore;

import org.testcontainers.containers.MongoDBContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/** The contract on real MongoDB, a single-node replica set, wherever a Docker engine is available. */
@Testcontainers(disabledWithoutDocker = true)
class MongoContainerEventStoreTest extends EventStoreContract {

    @Container
    private static final MongoDBContainer MONGO = new MongoDBContainer("mongo:8.0");

    @Override
    TestStore newStore() {
        return TestStore.remote(MONGO.getConnectionString());
    }
}
