package app.rapport.application.account;

import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/** Accounts on a MongoDB of the developer's choice, named by {@value #URI}; each test gets its own database. */
@EnabledIfEnvironmentVariable(named = AccountServiceExternalMongoTest.URI, matches = ".+")
class AccountServiceExternalMongoTest extends AccountServiceContract {

    static final String URI = "RAPPORT_TEST_MONGODB_URI";

    @Override
    AccountTestStore newStore() {
        return AccountTestStore.remote(System.getenv(URI));
    }
}
