/**
 * The plugin host: finds plugins (bundled on the class path, third-party jars in {@code rapport.plugins.dir}), checks
 * them, and gives each a {@link app.rapport.plugin.PluginContext} whose every operation runs the application's use
 * cases for one owner as {@code plugin:<id>}. Plugins see only {@code app.rapport.plugin}.
 */
package app.rapport.application.plugin;
