package app.rapport.application.eventstore;

import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/** The contract on a MongoDB of the developer's choice, named by {@value #URI}; each test gets its own database. */
@EnabledIfEnvironmentVariable(named = ExternalMongoEventStoreTest.URI, matches = ".+")
class ExternalMongoEventStoreTest extends EventStoreContract {

    static final String URI = "RAPPORT_TEST_MONGODB_URI";

    @Override
    TestStore newStore() {
        return TestStore.remote(System.getenv(URI));
    }
}
