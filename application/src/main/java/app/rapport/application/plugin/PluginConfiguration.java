package app.rapport.application.plugin;

import app.rapport.application.privacy.ServerKey;
import app.rapport.application.storage.StorageProperties;
import app.rapport.application.storage.Store;
import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.messaging.StreamableMessageSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

import java.nio.file.Path;
import java.time.Clock;

/**
 * Wires the plugin host. Plugins are found and started (they register what they offer) while the application is
 * configured, so that each follower's processor is registered with the others; the use cases they call are looked up
 * when first used.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
public class PluginConfiguration {

    @Bean
    PluginCatalog pluginCatalog(Environment environment) {
        String directory = environment.getProperty("rapport.plugins.dir", "");
        return PluginCatalog.discover(PluginConfiguration.class.getClassLoader(),
                                      directory.isBlank() ? null : Path.of(directory),
                                      id -> environment.getProperty("rapport.plugins." + id + ".enabled", Boolean.class, true));
    }

    @Bean
    PluginJobs pluginJobs(Store store, ObjectProvider<Clock> clock, StorageProperties storage) {
        PluginJobs jobs = new PluginJobs(store, clock.getIfAvailable(Clock::systemUTC), storage.nodeId());
        jobs.endInterrupted();
        return jobs;
    }

    @Bean
    PluginDeadLetters pluginDeadLetters(Store store) {
        return new PluginDeadLetters(store);
    }

    @Bean
    PluginSettingsStore pluginSettings(Store store, ServerKey serverKey) {
        PluginSettingsStore settings = new PluginSettingsStore(store, serverKey);
        settings.sealWithTheCurrentServerKey();
        return settings;
    }

    @Bean
    PluginEndpoints pluginEndpoints() {
        return new PluginEndpoints();
    }

    @Bean
    PluginHost pluginHost(PluginCatalog catalog, ObjectProvider<PluginServices> services, PluginJobs jobs,
                          PluginEndpoints endpoints, PluginDeadLetters deadLetters, PluginSettingsStore settings,
                          ObjectProvider<PluginSchemaCheck> schemaCheck, Environment environment, ObjectProvider<Clock> clock) {
        // Without an API there is no schema to join: a plugin's GraphQL is then refused.
        PluginSchemaCheck check = schemaCheck.getIfAvailable(() -> (id, schema, resolved) -> {
            throw new IllegalArgumentException("this server serves no GraphQL");
        });
        return new PluginHost(catalog, services::getObject, jobs, endpoints, deadLetters, settings, check, environment,
                              clock.getIfAvailable(Clock::systemUTC));
    }

    /**
     * One event per unit of work, so one token write per event even when the processor has fallen behind. Steps of 32
     * made an import a tenth faster (docs/performance.md) but are not safe here: a follower's tries with back-off
     * (a hook that does not answer takes some 30 s per event) would outlast Axon's 60 s limit on a unit of work, whose
     * interruption rolls the step back and hands its events, dead letters and all, to the follower again.
     */
    static final int BATCH_SIZE = 1;

    /** A processor per following plugin, named after it, from its own position; mutations never wait for it. */
    @Bean
    ConfigurerModule pluginProcessors(PluginHost host) {
        return configurer -> {
            var processing = configurer.eventProcessing();
            for (PluginHost.Running plugin : host.running()) {
                if (plugin.feed() == null) {
                    continue;
                }
                String name = PluginHost.processorOf(plugin.id());
                boolean fromTheBeginning = plugin.context().follower().orElseThrow().fromTheBeginning();
                PluginEventFeed feed = plugin.feed();
                processing.registerEventHandler(config -> feed)
                          .assignHandlerInstancesMatching(name, handler -> handler == feed)
                          .registerPooledStreamingEventProcessor(
                                  name, Configuration::eventStore,
                                  (config, builder) -> builder.initialSegmentCount(1).maxClaimedSegments(1).batchSize(BATCH_SIZE)
                                                              .initialToken(fromTheBeginning
                                                                                    ? StreamableMessageSource::createTailToken
                                                                                    : StreamableMessageSource::createHeadToken));
            }
        };
    }
}
