package app.rapport.application.account;

import org.testcontainers.containers.MongoDBContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/** Accounts on real MongoDB, a single-node replica set, wherever a Docker engine is available. */
@Testcontainers(disabledWithoutDocker = true)
class AccountServiceMongoContainerTest extends AccountServiceContract {

    @Container
    private static final MongoDBContainer MONGO = new MongoDBContainer("mongo:8.0");

    @Override
    AccountTestStore newStore() {
        return AccountTestStore.remote(MONGO.getConnectionString());
    }
}
