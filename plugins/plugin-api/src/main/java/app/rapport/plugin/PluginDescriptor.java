package app.rapport.plugin;

import java.util.regex.Pattern;

/**
 * Who a plugin is.
 *
 * @param id          lower-case letters, digits and dashes; names its endpoints ({@code /plugins/<id>/…}), its event
 *                    processor ({@code plugin-<id>}), its settings ({@code rapport.plugins.<id>.*}) and, in the
 *                    history, its actor ({@code plugin:<id>})
 * @param name        for people
 * @param version     the plugin's own version
 * @param lowestApi   the oldest {@link PluginApi#VERSION} the plugin works with
 * @param highestApi  the newest {@link PluginApi#VERSION} the plugin works with
 */
public record PluginDescriptor(String id, String name, String version, int lowestApi, int highestApi) {

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]{1,39}");

    public PluginDescriptor {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("a plugin id is 2 to 40 lower-case letters, digits and dashes, starting with a letter: " + id);
        }
        if (name == null || name.isBlank() || version == null || version.isBlank()) {
            throw new IllegalArgumentException("plugin " + id + " needs a name and a version");
        }
        if (lowestApi > highestApi) {
            throw new IllegalArgumentException("plugin " + id + " supports no SPI version: " + lowestApi + " > " + highestApi);
        }
    }

    /** Whether the plugin works with the given SPI version. */
    public boolean supports(int apiVersion) {
        return lowestApi <= apiVersion && apiVersion <= highestApi;
    }

    /** The actor a plugin's writes carry in the history. */
    public String actor() {
        return "plugin:" + id;
    }
}
