package app.rapport.application.plugin;

import app.rapport.plugin.PluginApi;
import app.rapport.plugin.PluginDescriptor;
import app.rapport.plugin.RapportPlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The plugins the server found and which of them it runs: bundled ones on the class path, then each jar of the plugin
 * directory in a class loader of its own. A plugin for another SPI version, or with an id already taken, is refused
 * with a log line saying why, and the server starts without it.
 */
public final class PluginCatalog {

    private static final Logger log = LoggerFactory.getLogger(PluginCatalog.class);

    /** A plugin that passed the checks and is switched on. */
    record Found(RapportPlugin plugin, PluginDescriptor descriptor) {
    }

    private final Map<String, PluginState> states = new LinkedHashMap<>();
    private final List<Found> accepted = new ArrayList<>();

    private PluginCatalog() {
    }

    /**
     * @param directory where third-party plugin jars are, or null
     * @param enabled   whether the plugin with this id is switched on
     */
    static PluginCatalog discover(ClassLoader host, Path directory, Predicate<String> enabled) {
        PluginCatalog catalog = new PluginCatalog();
        catalog.load(ServiceLoader.load(RapportPlugin.class, host), "class path", enabled);
        if (directory != null && Files.isDirectory(directory)) {
            for (Path jar : jars(directory)) {
                try {
                    URLClassLoader loader = new URLClassLoader("plugin " + jar.getFileName(), new URL[]{jar.toUri().toURL()},
                                                               new SpiOnlyClassLoader(host));
                    catalog.load(ServiceLoader.load(RapportPlugin.class, loader), jar.getFileName().toString(), enabled);
                } catch (MalformedURLException e) {
                    log.warn("Plugin jar {} refused: {}", jar, e.getMessage());
                }
            }
        } else if (directory != null) {
            log.info("No plugin directory at {}: bundled plugins only", directory.toAbsolutePath());
        }
        return catalog;
    }

    private static List<Path> jars(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            log.warn("Plugin directory {} cannot be read: {}", directory, e.getMessage());
            return List.of();
        }
    }

    private void load(ServiceLoader<RapportPlugin> plugins, String origin, Predicate<String> enabled) {
        var found = plugins.iterator();
        while (true) {
            RapportPlugin plugin;
            PluginDescriptor descriptor;
            try {
                if (!found.hasNext()) {
                    return;
                }
                plugin = found.next();
                descriptor = plugin.descriptor();
            } catch (VirtualMachineError fatal) {
                throw fatal;
            } catch (Throwable broken) {
                log.warn("A plugin in {} was refused: it cannot be loaded ({})", origin, broken.getMessage());
                continue;
            }
            consider(plugin, descriptor, origin, enabled);
        }
    }

    private void consider(RapportPlugin plugin, PluginDescriptor descriptor, String origin, Predicate<String> enabled) {
        PluginState state = new PluginState(descriptor.id(), descriptor.name(), descriptor.version(),
                                            PluginState.Status.RUNNING, null, origin);
        if (states.containsKey(descriptor.id())) {
            String reason = "the id " + descriptor.id() + " is taken by the plugin from " + states.get(descriptor.id()).origin();
            log.warn("Plugin {} {} from {} refused: {}", descriptor.id(), descriptor.version(), origin, reason);
            return; // the first keeps its place in the list
        }
        if (!descriptor.supports(PluginApi.VERSION)) {
            String reason = "it supports plugin API versions " + descriptor.lowestApi() + " to " + descriptor.highestApi()
                            + "; this server speaks version " + PluginApi.VERSION;
            log.warn("Plugin {} {} from {} refused: {}", descriptor.id(), descriptor.version(), origin, reason);
            states.put(descriptor.id(), state.with(PluginState.Status.REFUSED, reason));
            return;
        }
        if (!enabled.test(descriptor.id())) {
            log.info("Plugin {} {} is switched off (rapport.plugins.{}.enabled=false)", descriptor.id(), descriptor.version(), descriptor.id());
            states.put(descriptor.id(), state.with(PluginState.Status.DISABLED, null));
            return;
        }
        states.put(descriptor.id(), state);
        accepted.add(new Found(plugin, descriptor));
    }

    List<Found> accepted() {
        return List.copyOf(accepted);
    }

    void failed(String id, String reason) {
        states.computeIfPresent(id, (key, state) -> state.with(PluginState.Status.FAILED, reason));
        accepted.removeIf(found -> found.descriptor().id().equals(id));
    }

    /** Every plugin found, in the order found. */
    public List<PluginState> states() {
        return List.copyOf(states.values());
    }
}
