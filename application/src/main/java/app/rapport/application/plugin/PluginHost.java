package app.rapport.application.plugin;

import app.rapport.application.ViewProcessing;
import app.rapport.domain.shared.OwnerId;
import app.rapport.plugin.EventFollower;
import app.rapport.plugin.GraphQlFields;
import app.rapport.plugin.PluginDescriptor;
import app.rapport.plugin.RapportPlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.Environment;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Starts the plugins the catalog accepted and runs what they registered. A plugin whose {@code start} throws is marked
 * failed and the server goes on without it; a scheduled job that throws is logged and runs again at its next time.
 */
public class PluginHost implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PluginHost.class);
    /** Below Axon's 60 s limit on a unit of work, whose interruption would hand the event to the follower again. */
    private static final Duration VIEWS_PATIENCE = Duration.ofSeconds(20);

    /** The processing group, and processor, of a plugin's event follower. */
    public static String processorOf(String pluginId) {
        return "plugin-" + pluginId;
    }

    record Running(RapportPlugin plugin, HostedContext context, PluginEventFeed feed) {
        String id() {
            return context.descriptor().id();
        }
    }

    private final PluginCatalog catalog;
    private final PluginDeadLetters deadLetters;
    private final PluginEndpoints endpoints;
    private final Clock clock;
    private final List<Running> running = new ArrayList<>();
    private ScheduledExecutorService scheduler;

    PluginHost(PluginCatalog catalog, Supplier<PluginServices> services, PluginJobs jobs, PluginEndpoints endpoints,
               PluginDeadLetters deadLetters, PluginSettingsStore settings, PluginSchemaCheck schemaCheck,
               Environment environment, Clock clock) {
        this.catalog = catalog;
        this.deadLetters = deadLetters;
        this.endpoints = endpoints;
        this.clock = clock;
        for (PluginCatalog.Found found : catalog.accepted()) {
            PluginDescriptor descriptor = found.descriptor();
            HostedContext context = new HostedContext(descriptor, services, jobs, endpoints, settings, schemaCheck, environment);
            try {
                found.plugin().start(context);
            } catch (VirtualMachineError fatal) {
                throw fatal;
            } catch (Throwable broken) { // a plugin's bug, whatever it throws, must not keep the server from starting
                log.warn("Plugin {} {} failed to start and is left out: {}", descriptor.id(), descriptor.version(), broken.toString());
                endpoints.removeAll(descriptor.id());
                catalog.failed(descriptor.id(), "it failed to start: " + broken.getMessage());
                continue;
            }
            PluginEventFeed feed = context.follower()
                    .map(follower -> new PluginEventFeed(descriptor.id(), follower, viewsShowing(services), deadLetters,
                                                         context::backOff, clock))
                    .orElse(null);
            running.add(new Running(found.plugin(), context, feed));
            log.info("Plugin {} {} ({}) started", descriptor.id(), descriptor.version(), descriptor.name());
        }
    }

    /** The views a plugin reads (contacts, interviews), waited for up to {@link #VIEWS_PATIENCE}. */
    private static PluginEventFeed.ViewsShowing viewsShowing(Supplier<PluginServices> services) {
        return position -> services.get().views().awaitProcessed(position, ViewProcessing.ENTITY_VIEWS, VIEWS_PATIENCE);
    }

    List<Running> running() {
        return List.copyOf(running);
    }

    /** The GraphQL each running plugin adds, by plugin id. */
    public Map<String, GraphQlFields> graphQlFields() {
        Map<String, GraphQlFields> fields = new java.util.LinkedHashMap<>();
        running.forEach(plugin -> plugin.context().graphQlFields().ifPresent(added -> fields.put(plugin.id(), added)));
        return fields;
    }

    public List<PluginState> states() {
        return catalog.states();
    }

    /**
     * Hands a dead letter of the owner's to its plugin again: true when the plugin handled it now (the letter is gone),
     * false when it failed again (the letter stays, with the new error).
     *
     * @return empty when the owner has no such dead letter, or its plugin no longer runs
     */
    public Optional<Boolean> retry(OwnerId owner, String deadLetterId) {
        Optional<PluginDeadLetters.Stored> stored = deadLetters.find(deadLetterId, owner);
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        Optional<EventFollower> follower = running.stream()
                .filter(plugin -> plugin.id().equals(stored.get().letter().plugin()) && plugin.feed() != null)
                .findFirst().flatMap(plugin -> plugin.context().follower());
        if (follower.isEmpty()) {
            return Optional.empty();
        }
        try {
            follower.get().on(stored.get().event());
        } catch (Exception failure) {
            deadLetters.failedAgain(deadLetterId, failure, clock.instant());
            return Optional.of(false);
        }
        deadLetters.delete(deadLetterId);
        return Optional.of(true);
    }

    /** The owner's dead letters per running plugin id. */
    public Map<String, Integer> deadLetterCounts(OwnerId owner) {
        return running.stream().collect(Collectors.toMap(Running::id, plugin -> deadLetters.count(plugin.id(), owner)));
    }

    public List<DeadLetter> deadLetters(String pluginId, OwnerId owner) {
        return deadLetters.list(pluginId, owner);
    }

    @Override
    public synchronized void start() {
        scheduler = Executors.newScheduledThreadPool(1, runnable -> {
            Thread thread = new Thread(runnable, "plugin-jobs");
            thread.setDaemon(true);
            return thread;
        });
        for (Running plugin : running) {
            for (HostedContext.Scheduled job : plugin.context().scheduled()) {
                long every = job.interval().toMillis();
                scheduler.scheduleWithFixedDelay(() -> runJob(plugin.id(), job.job()), every, every, TimeUnit.MILLISECONDS);
            }
        }
    }

    private static void runJob(String plugin, Runnable job) {
        try {
            job.run();
        } catch (RuntimeException failure) {
            log.warn("A scheduled job of plugin {} failed; it runs again at its next time", plugin, failure);
        }
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
        for (Running plugin : running) {
            try {
                plugin.plugin().stop();
            } catch (RuntimeException failure) {
                log.warn("Plugin {} failed to stop cleanly", plugin.id(), failure);
            }
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }
}
