package app.rapport.application.plugin;

import app.rapport.application.privacy.ServerKey;
import app.rapport.application.storage.AppendDurability;
import app.rapport.application.storage.RecentReads;
import app.rapport.application.storage.Store;
import app.rapport.domain.shared.OwnerId;
import app.rapport.plugin.OwnerSettings;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;

/**
 * Plugins' settings per owner: one document per plugin and owner ({@code _id} {@code <plugin>/<owner>}), secrets
 * sealed with the {@link app.rapport.application.privacy.ServerKey}, each change committed before it returns.
 * <p>
 * A follower asks for an owner's settings at every event (has this owner a hook?), ten thousand times in a LinkedIn
 * import, so documents read are kept for {@link #SEEN_WITHIN}: a change made through this server is seen by the next
 * read, one made through another server of a cluster within that time.
 */
public class PluginSettingsStore {

    static final Duration SEEN_WITHIN = Duration.ofSeconds(1);

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final int REMEMBERED = 10_000;

    private final MongoCollection<Document> settings;
    private final AppendDurability durability;
    private final ServerKey key;
    private final RecentReads<String, Document> recent;

    PluginSettingsStore(Store store, ServerKey key) {
        this(store, key, System::nanoTime);
    }

    PluginSettingsStore(Store store, ServerKey key, LongSupplier nanoTime) {
        this.settings = store.database().getCollection("plugin_settings");
        this.durability = store.durability();
        this.key = key;
        this.recent = new RecentReads<>(SEEN_WITHIN, REMEMBERED, nanoTime);
    }

    /** The document as stored, or an empty one; not to be changed (it may be shared with other readers). */
    private Document stored(String id) {
        return recent.get(id, key -> {
            Document found = settings.find(Filters.eq("_id", key)).first();
            return found == null ? new Document() : found;
        });
    }

    /** After every change, once it is stored: the next read sees it, and no read begun before it keeps an older copy. */
    private void changed(String id) {
        recent.changed(id);
    }

    /** {@link #changed} for a change of many documents. */
    private void changedAll() {
        recent.changedAll();
    }

    /**
     * Seals again with the current server key the secrets a key being rotated out sealed; each document is replaced
     * only as it was read. Reads every plugin's settings when a key is being rotated out, once at start-up.
     */
    void sealWithTheCurrentServerKey() {
        if (key.previous().isEmpty()) {
            return;
        }
        int sealed = 0;
        for (Document stored : settings.find(Filters.exists("secrets"))) {
            Document secrets = stored.get("secrets", Document.class);
            Document resealed = new Document();
            boolean changed = false;
            for (Map.Entry<String, Object> secret : secrets.entrySet()) {
                String value = (String) secret.getValue();
                changed |= key.sealedWithPrevious(value);
                resealed.put(secret.getKey(), key.sealedWithPrevious(value) ? key.seal(key.open(value)) : value);
            }
            if (changed) {
                sealed += (int) settings.updateOne(Filters.and(Filters.eq("_id", stored.get("_id")), Filters.eq("secrets", secrets)),
                                                   Updates.set("secrets", resealed)).getModifiedCount();
            }
        }
        if (sealed > 0) {
            durability.makeDurable();
            changedAll();
        }
    }

    OwnerSettings of(String plugin, OwnerId owner) {
        return new Owned(plugin, owner);
    }

    void forgetOwner(OwnerId owner) {
        settings.deleteMany(Filters.eq("owner", owner.value()));
        changedAll();
    }

    List<String> owners(String plugin) {
        List<String> owners = new ArrayList<>();
        settings.find(Filters.eq("plugin", plugin)).projection(Projections.include("owner"))
                .forEach(document -> owners.add(document.getString("owner")));
        return owners;
    }

    private final class Owned implements OwnerSettings {

        private final String id;
        private final String plugin;
        private final OwnerId owner;

        Owned(String plugin, OwnerId owner) {
            this.id = plugin + "/" + owner.value();
            this.plugin = plugin;
            this.owner = owner;
        }

        private Document stored() {
            return PluginSettingsStore.this.stored(id);
        }

        @Override
        public Optional<String> get(String name) {
            return Optional.ofNullable(stored().get("settings", new Document()).getString(checked(name)));
        }

        @Override
        public Map<String, String> all() {
            Map<String, String> all = new LinkedHashMap<>();
            stored().get("settings", new Document()).forEach((name, value) -> all.put(name, String.valueOf(value)));
            return all;
        }

        @Override
        public void put(String name, String value) {
            change("settings." + checked(name), value);
        }

        @Override
        public Optional<String> secret(String name) {
            String sealed = stored().get("secrets", new Document()).getString(checked(name));
            return Optional.ofNullable(sealed).map(value -> new String(key.open(value), StandardCharsets.UTF_8));
        }

        @Override
        public void putSecret(String name, String value) {
            change("secrets." + checked(name), value == null ? null : key.seal(value.getBytes(StandardCharsets.UTF_8)));
        }

        @Override
        public void clear() {
            settings.deleteOne(Filters.eq("_id", id));
            durability.makeDurable();
            changed(id);
        }

        private void change(String path, String value) {
            settings.updateOne(Filters.eq("_id", id),
                               Updates.combine(Updates.set("plugin", plugin), Updates.set("owner", owner.value()),
                                               value == null ? Updates.unset(path) : Updates.set(path, value)),
                               new UpdateOptions().upsert(true));
            durability.makeDurable();
            changed(id);
        }

        private static String checked(String name) {
            if (name == null || !NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("a setting's name is 1 to 64 letters, digits, '_' or '-' (a dot would nest it): " + name);
            }
            return name;
        }
    }
}
