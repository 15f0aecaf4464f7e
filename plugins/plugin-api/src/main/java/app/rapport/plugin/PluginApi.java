package app.rapport.plugin;

/** The version of this SPI, which a plugin's {@link PluginDescriptor} must include in its range. */
public final class PluginApi {

    /** Raised when something a plugin relies on changes in a way an existing plugin could notice. */
    public static final int VERSION = 1;

    private PluginApi() {
    }
}
