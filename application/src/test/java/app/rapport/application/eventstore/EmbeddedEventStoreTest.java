package app.rapport.application.eventstore;

import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** The contract on the embedded backend, the one every build runs. */
class EmbeddedEventStoreTest extends EventStoreContract {

    @TempDir
    Path dataDirectory;

    @Override
    TestStore newStore() {
        return TestStore.embedded(dataDirectory.resolve("data"));
    }
}
