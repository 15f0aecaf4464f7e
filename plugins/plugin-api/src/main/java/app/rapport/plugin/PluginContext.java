package app.rapport.plugin;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What the host offers one plugin. Every read and write is on behalf of one owner ({@link #owner}) and is recorded
 * with the plugin's actor, {@code plugin:<id>}.
 */
public interface PluginContext {

    PluginDescriptor descriptor();

    /** Reads and writes one owner's network, as the plugin. */
    OwnerNetwork owner(String ownerId);

    /**
     * Follows the event stream with the plugin's own processor and position ({@code plugin-<id>}): it lags, fails
     * or replays alone, and mutations never wait for it. An event the follower keeps failing on goes to the
     * plugin's dead letters (listed and retried through GraphQL) and the stream goes on. One follower per plugin.
     */
    void follow(EventFollower follower);

    /** Runs {@code job} every {@code interval} on a thread of the host, first after one interval; a failure is logged. */
    void every(Duration interval, Runnable job);

    /** Serves a request under {@code /plugins/<id>/}. */
    void endpoint(Endpoint endpoint);

    /**
     * Adds fields to the GraphQL schema. They are checked when added: a clash with the core's or another plugin's
     * names, or a root field without a resolver, makes {@code start} fail and the plugin is left out.
     */
    void graphQl(GraphQlFields fields);

    /** Reports the progress of long work (an import) to its owner: {@code Query.importJob(id)}. */
    Job startJob(String ownerId, String kind);

    /** The owner's settings and secrets of this plugin. */
    OwnerSettings settings(String ownerId);

    /** The owners who have settings of this plugin: whom a scheduled job works for. */
    List<String> ownersWithSettings();

    /**
     * The address users reach this server at, without a trailing slash: {@code rapport.public-url} when set (behind
     * a proxy), else the server's own address. For links a plugin hands out, such as a feed's URL.
     */
    default String publicUrl() {
        throw new UnsupportedOperationException("added in SPI 1.1");
    }

    /** A setting of the server's configuration, {@code rapport.plugins.<id>.<name>}. */
    Optional<String> property(String name);

    /** How long to wait between tries of work that failed for a passing reason; grows with each try. */
    default Duration backOff(int tries) {
        return Duration.ofMillis(Math.min(60_000L, 250L << Math.min(tries, 8)));
    }
}
