/**
 * The plugin SPI: what a Rapport plugin implements ({@link app.rapport.plugin.RapportPlugin}) and what the host
 * offers it ({@link app.rapport.plugin.PluginContext}). It has its own small records and no framework types, so the
 * server can change inside without breaking a plugin compiled against version {@value app.rapport.plugin.PluginApi#VERSION}.
 * <p>
 * Compatibility: within one {@link app.rapport.plugin.PluginApi#VERSION} the SPI only grows (new methods come with
 * defaults, new record components only at the end of a new record); anything else raises the version, and the
 * host refuses a plugin whose declared range does not include its own.
 */
package app.rapport.plugin;
