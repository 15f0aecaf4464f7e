package app.rapport.application.plugin;

import app.rapport.plugin.Endpoint;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** The HTTP endpoints plugins registered, by plugin; the API serves them under {@code /plugins/<id>/}. */
public class PluginEndpoints {

    private final Map<String, List<Endpoint>> byPlugin = new ConcurrentHashMap<>();

    void add(String plugin, Endpoint endpoint) {
        String method = endpoint.method() == null ? "" : endpoint.method().toUpperCase(java.util.Locale.ROOT);
        if (!List.of("GET", "POST", "PUT", "DELETE").contains(method)) {
            throw new IllegalArgumentException("plugin " + plugin + ": an endpoint's method is GET, POST, PUT or DELETE, not " + endpoint.method());
        }
        byPlugin.computeIfAbsent(plugin, id -> new CopyOnWriteArrayList<>())
                .add(new Endpoint(method, strip(endpoint.path()), endpoint.isPublic(), endpoint.handler()));
    }

    void removeAll(String plugin) {
        byPlugin.remove(plugin);
    }

    /** The endpoint of the plugin for this method and path (below the plugin's root), if one matches. */
    public Optional<Endpoint> match(String plugin, String method, String path) {
        String[] segments = strip(path).split("/", -1);
        return byPlugin.getOrDefault(plugin, List.of()).stream()
                       .filter(endpoint -> endpoint.method().equalsIgnoreCase(method) && matches(endpoint.path().split("/", -1), segments))
                       .findFirst();
    }

    /** Whether the plugin serves this path with any method: the difference between 404 and 405. */
    public boolean serves(String plugin, String path) {
        String[] segments = strip(path).split("/", -1);
        return byPlugin.getOrDefault(plugin, List.of()).stream().anyMatch(endpoint -> matches(endpoint.path().split("/", -1), segments));
    }

    private static boolean matches(String[] pattern, String[] segments) {
        if (pattern.length != segments.length) {
            return false;
        }
        for (int i = 0; i < pattern.length; i++) {
            if (!(pattern[i].equals("*") && !segments[i].isEmpty()) && !pattern[i].equals(segments[i])) {
                return false;
            }
        }
        return true;
    }

    private static String strip(String path) {
        String stripped = path == null ? "" : path;
        while (stripped.startsWith("/")) {
            stripped = stripped.substring(1);
        }
        while (stripped.endsWith("/")) {
            stripped = stripped.substring(0, stripped.length() - 1);
        }
        return stripped;
    }
}
