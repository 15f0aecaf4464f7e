package app.rapport.application.plugin;

import app.rapport.domain.shared.OwnerId;
import app.rapport.plugin.Endpoint;
import app.rapport.plugin.EventFollower;
import app.rapport.plugin.GraphQlFields;
import app.rapport.plugin.Job;
import app.rapport.plugin.OwnerNetwork;
import app.rapport.plugin.OwnerSettings;
import app.rapport.plugin.PluginContext;
import app.rapport.plugin.PluginDescriptor;
import org.springframework.core.env.Environment;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The context one plugin gets. What it registers in {@code start} is kept here and put to work by the host once the
 * server runs: the follower gets its processor, the jobs their schedule, the endpoints their routes.
 */
final class HostedContext implements PluginContext {

    record Scheduled(Duration interval, Runnable job) {
    }

    /** How long a job's end may wait for the views to show its writes. */
    private static final Duration VIEWS_PATIENCE = Duration.ofMinutes(10);

    private final PluginDescriptor descriptor;
    private final Supplier<PluginServices> services;
    private final PluginJobs jobs;
    private final PluginEndpoints endpoints;
    private final PluginSettingsStore settings;
    private final Environment environment;
    private final PluginSchemaCheck schemaCheck;
    private EventFollower follower;
    private GraphQlFields graphQl;
    private final List<Scheduled> scheduled = new ArrayList<>();

    HostedContext(PluginDescriptor descriptor, Supplier<PluginServices> services, PluginJobs jobs, PluginEndpoints endpoints,
                  PluginSettingsStore settings, PluginSchemaCheck schemaCheck, Environment environment) {
        this.settings = settings;
        this.schemaCheck = schemaCheck;
        this.descriptor = descriptor;
        this.services = services;
        this.jobs = jobs;
        this.endpoints = endpoints;
        this.environment = environment;
    }

    @Override
    public PluginDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public OwnerNetwork owner(String ownerId) {
        return new HostedOwnerNetwork(new OwnerId(ownerId), descriptor.actor(), services);
    }

    @Override
    public synchronized void follow(EventFollower follower) {
        if (this.follower != null) {
            throw new IllegalStateException("plugin " + descriptor.id() + " follows the event stream once");
        }
        this.follower = follower;
    }

    @Override
    public synchronized void every(Duration interval, Runnable job) {
        if (interval == null || interval.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("plugin " + descriptor.id() + ": a scheduled job runs at most every second");
        }
        scheduled.add(new Scheduled(interval, job));
    }

    @Override
    public void endpoint(Endpoint endpoint) {
        endpoints.add(descriptor.id(), endpoint);
    }

    @Override
    public synchronized void graphQl(GraphQlFields fields) {
        if (graphQl != null) {
            throw new IllegalStateException("plugin " + descriptor.id() + " adds its GraphQL once, in one schema");
        }
        schemaCheck.check(descriptor.id(), fields.schema(), fields.resolvers().keySet());
        graphQl = fields;
    }

    synchronized Optional<GraphQlFields> graphQlFields() {
        return Optional.ofNullable(graphQl);
    }

    @Override
    public Job startJob(String ownerId, String kind) {
        return new VisibleWhenDone(jobs.start(descriptor.id(), new OwnerId(ownerId), kind));
    }

    /** A job is done when the owner can see all it did: its end waits for every view to show its writes. */
    private final class VisibleWhenDone implements Job {

        private final Job job;

        VisibleWhenDone(Job job) {
            this.job = job;
        }

        @Override
        public String id() {
            return job.id();
        }

        @Override
        public void total(int total) {
            job.total(total);
        }

        @Override
        public void count(int created, int updated, int skipped, int failed) {
            job.count(created, updated, skipped, failed);
        }

        @Override
        public void error(int line, String message) {
            job.error(line, message);
        }

        @Override
        public void done() {
            services.get().awaitEverythingStored(null, VIEWS_PATIENCE);
            job.done();
        }

        @Override
        public void fail(String message) {
            job.fail(message);
        }
    }

    @Override
    public OwnerSettings settings(String ownerId) {
        return settings.of(descriptor.id(), new OwnerId(ownerId));
    }

    @Override
    public List<String> ownersWithSettings() {
        return settings.owners(descriptor.id());
    }

    @Override
    public String publicUrl() {
        String configured = environment.getProperty("rapport.public-url", "").strip();
        if (!configured.isEmpty()) {
            return configured.endsWith("/") ? configured.substring(0, configured.length() - 1) : configured;
        }
        return "http://localhost:" + environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
    }

    @Override
    public Optional<String> property(String name) {
        return Optional.ofNullable(environment.getProperty("rapport.plugins." + descriptor.id() + "." + name));
    }

    synchronized Optional<EventFollower> follower() {
        return Optional.ofNullable(follower);
    }

    synchronized List<Scheduled> scheduled() {
        return List.copyOf(scheduled);
    }
}
