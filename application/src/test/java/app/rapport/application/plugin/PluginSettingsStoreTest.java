package app.rapport.application.plugin;

import app.rapport.application.privacy.PersonalDataCipher;
import app.rapport.application.privacy.ServerKey;
import app.rapport.application.storage.EmbeddedMongoServer;
import app.rapport.application.storage.Store;
import app.rapport.domain.shared.OwnerId;
import app.rapport.plugin.OwnerSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** Settings are read at every event a plugin follows, so they are kept in memory: never longer than they are true. */
class PluginSettingsStoreTest {

    private static final OwnerId MAYA = new OwnerId("maya");
    private static final OwnerId SAM = new OwnerId("sam");

    @TempDir
    Path dataDirectory;

    private EmbeddedMongoServer server;
    private MongoClient client;
    private Store store;
    private final AtomicLong nanoTime = new AtomicLong();
    private final ServerKey key = new ServerKey(PersonalDataCipher.key(new PersonalDataCipher().newKey()));

    @BeforeEach
    void start() {
        server = EmbeddedMongoServer.start(dataDirectory);
        client = MongoClients.create(server.connectionString());
        store = new Store(client, client.getDatabase("rapport"), server.durability(), "embedded test store");
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    @Test
    void aChangeMadeThroughThisServerIsReadAtOnceByEveryoneWhoAsks() {
        PluginSettingsStore settings = new PluginSettingsStore(store, key, nanoTime::get);
        OwnerSettings follower = settings.of("webhooks", MAYA);
        assertThat(follower.all()).isEmpty(); // read, and kept

        settings.of("webhooks", MAYA).put("url", "https://hooks.example.org/rapport");
        settings.of("webhooks", MAYA).putSecret("signing-key", "first key");

        assertThat(follower.all()).isEqualTo(Map.of("url", "https://hooks.example.org/rapport"));
        assertThat(follower.secret("signing-key")).contains("first key");
        settings.of("webhooks", MAYA).clear();
        assertThat(follower.all()).isEmpty();
        assertThat(follower.secret("signing-key")).isEmpty();
    }

    @Test
    void aChangeMadeThroughAnotherServerIsReadOnceWhatWasReadBeforeIsOldEnough() {
        PluginSettingsStore settings = new PluginSettingsStore(store, key, nanoTime::get);
        settings.of("webhooks", MAYA).put("events", "ContactAdded");
        assertThat(settings.of("webhooks", MAYA).get("events")).contains("ContactAdded");

        PluginSettingsStore anotherServer = new PluginSettingsStore(store, key);
        anotherServer.of("webhooks", MAYA).put("events", "*");

        nanoTime.addAndGet(PluginSettingsStore.SEEN_WITHIN.toNanos() - 1);
        assertThat(settings.of("webhooks", MAYA).get("events")).as("kept: the next event costs no round trip").contains("ContactAdded");
        nanoTime.addAndGet(1);
        assertThat(settings.of("webhooks", MAYA).get("events")).contains("*");
    }

    @Test
    void forgettingAnOwnerForgetsWhatWasReadOfTheirSettingsAndNoOneElses() {
        PluginSettingsStore settings = new PluginSettingsStore(store, key, nanoTime::get);
        settings.of("webhooks", MAYA).put("url", "https://hooks.example.org/maya");
        settings.of("calendar-sync", MAYA).put("feed", "secret-path");
        settings.of("webhooks", SAM).put("url", "https://hooks.example.org/sam");
        assertThat(settings.of("webhooks", MAYA).all()).isNotEmpty();
        assertThat(settings.of("calendar-sync", MAYA).all()).isNotEmpty();

        settings.forgetOwner(MAYA);

        assertThat(settings.of("webhooks", MAYA).all()).isEmpty();
        assertThat(settings.of("calendar-sync", MAYA).all()).isEmpty();
        assertThat(settings.of("webhooks", SAM).get("url")).contains("https://hooks.example.org/sam");
    }
}
