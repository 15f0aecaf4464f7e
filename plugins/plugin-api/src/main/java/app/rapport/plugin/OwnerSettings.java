package app.rapport.plugin;

import java.util.Map;
import java.util.Optional;

/**
 * One owner's settings of one plugin, kept by the host. Secrets (passwords, tokens) are encrypted at rest with a key
 * kept apart from the data, never logged by the host, and never listed by {@link #all()}.
 */
public interface OwnerSettings {

    Optional<String> get(String name);

    /** Every setting but the secrets. */
    Map<String, String> all();

    /** Sets a setting; null removes it. */
    void put(String name, String value);

    Optional<String> secret(String name);

    /** Sets a secret; null removes it. */
    void putSecret(String name, String value);

    /** Removes every setting and secret of the owner for this plugin. */
    void clear();
}
