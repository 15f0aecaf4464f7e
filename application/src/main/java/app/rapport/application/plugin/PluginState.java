package app.rapport.application.plugin;

/**
 * A plugin the server found, and what became of it.
 *
 * @param reason why it is refused or failed; null when it runs or was switched off
 * @param origin where it was found: {@code class path} or its jar's file name
 */
public record PluginState(String id, String name, String version, Status status, String reason, String origin) {

    public enum Status { RUNNING, DISABLED, REFUSED, FAILED }

    PluginState with(Status newStatus, String newReason) {
        return new PluginState(id, name, version, newStatus, newReason, origin);
    }
}
