package app.rapport.plugin;

/**
 * A plugin, found by {@link java.util.ServiceLoader}: list the implementing class in
 * {@code META-INF/services/app.rapport.plugin.RapportPlugin} of the plugin's jar.
 * <p>
 * The host calls {@link #start} once, when the server starts; everything the plugin does afterwards goes through the
 * context it was given there.
 */
public interface RapportPlugin {

    /** Who the plugin is and which SPI versions it was written for; asked before anything else. */
    PluginDescriptor descriptor();

    /** Registers what the plugin offers: endpoints, an event follower, scheduled jobs. */
    void start(PluginContext context);

    /** The server is stopping: finish or abandon running work. */
    default void stop() {
    }
}
