package app.rapport.application.plugin;

import java.util.Set;

/** Checks GraphQL a plugin adds against the schema it would join; the API, which owns the schema, implements it. */
public interface PluginSchemaCheck {

    /**
     * @param resolved the {@code Type.field}s the plugin answers
     * @throws IllegalArgumentException saying what is wrong, for the log and {@code Query.plugins}
     */
    void check(String pluginId, String schema, Set<String> resolved);
}
