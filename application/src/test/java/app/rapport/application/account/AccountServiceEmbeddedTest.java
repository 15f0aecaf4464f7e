package app.rapport.application.account;

import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** Accounts on the embedded store, the one every build runs. */
class AccountServiceEmbeddedTest extends AccountServiceContract {

    @TempDir
    Path dataDirectory;

    @Override
    AccountTestStore newStore() {
        return AccountTestStore.embedded(dataDirectory.resolve("data"));
    }
}
