package app.rapport.plugin;

import java.util.Map;
import java.util.Optional;

/**
 * One owner's settings of one plugin, kept by the host. Secrets (passwords, tokens) are encrypted at rest with a key
 * kept apart from the data, never logged by the host, and never listed by {@link #all()}.
 * <p>
 * Reads are quick enough to make at every event: the host keeps what it read in memory. A change is seen at once
 * by the server that made it, and by the other servers of a cluster within a second.
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
