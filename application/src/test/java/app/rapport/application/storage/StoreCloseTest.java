package app.rapport.application.storage;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/** The embedded store closes cleanly whatever the requests before did, and keeps what they wrote. */
class StoreCloseTest {

    @TempDir
    Path dataDirectory;

    @Test
    void theStoreClosesAfterARequestThatReadAcrossACommitAndKeepsItsWrites() {
        String file = dataDirectory.resolve("rapport.mv").toString();
        MVStore store = new MVStore.Builder().fileName(file).open();
        RapportH2Backend backend = new RapportH2Backend(store);
        MVMap<String, String> map = store.openMap("notes");

        // As a request does (RapportH2Backend.whileReading): its version is kept while it runs, let go lazily after.
        MVStore.TxCounter reading = store.registerVersionUsage();
        map.put("ada", "met at the conference");
        store.commit();
        store.decrementVersionUsageCounter(reading);

        assertThatCode(backend::close).doesNotThrowAnyException(); // H2 asserts that no version is kept (tests run with -ea)
        assertThat(store.isClosed()).isTrue();
        MVStore reopened = new MVStore.Builder().fileName(file).readOnly().open();
        assertThat(reopened.<String, String>openMap("notes").get("ada")).isEqualTo("met at the conference");
        reopened.close();
    }
}
