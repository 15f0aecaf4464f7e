package app.rapport.api.plugin;

import app.rapport.api.account.Caller;
import app.rapport.application.plugin.DeadLetter;
import app.rapport.application.plugin.ImportJobView;
import app.rapport.application.plugin.PluginHost;
import app.rapport.application.plugin.PluginJobs;
import app.rapport.application.plugin.PluginState;
import app.rapport.domain.shared.NotFound;
import graphql.GraphQLContext;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The plugins, their dead letters and their jobs, each scoped to the caller. */
@Controller
class PluginController {

    private static final Duration PROGRESS_EVERY = Duration.ofMillis(250);

    private final PluginHost host;
    private final PluginJobs jobs;

    PluginController(PluginHost host, PluginJobs jobs) {
        this.host = host;
        this.jobs = jobs;
    }

    @QueryMapping
    List<PluginState> plugins(Caller caller) {
        return host.states();
    }

    @QueryMapping
    ImportJobView importJob(@Argument String id, Caller caller) {
        return jobs.find(caller.owner(), id).orElse(null);
    }

    /**
     * Polls the job, which any server may be running, four times a second on a thread meant for blocking work, and
     * sends each change once.
     */
    @SubscriptionMapping
    Flux<ImportJobView> importJobChanged(@Argument String id, Caller caller) {
        ImportJobView first = jobs.find(caller.owner(), id).orElseThrow(() -> new NotFound("id", "id names no job of yours"));
        return Flux.interval(Duration.ZERO, PROGRESS_EVERY, Schedulers.boundedElastic())
                   .map(tick -> jobs.find(caller.owner(), id).orElse(first))
                   .distinctUntilChanged()
                   .takeUntil(job -> !"RUNNING".equals(job.status()));
    }

    @QueryMapping
    List<DeadLetter> pluginDeadLetters(@Argument String plugin, Caller caller) {
        return host.deadLetters(plugin, caller.owner());
    }

    @MutationMapping
    boolean retryPluginDeadLetter(@Argument String id, Caller caller) {
        return host.retry(caller.owner(), id)
                   .orElseThrow(() -> new NotFound("id", "id names no dead letter of yours, or its plugin no longer runs"));
    }

    @SchemaMapping(typeName = "Plugin")
    boolean enabled(PluginState plugin) {
        return plugin.status() == PluginState.Status.RUNNING;
    }

    @SchemaMapping(typeName = "Plugin")
    String state(PluginState plugin) {
        return plugin.status().name();
    }

    @BatchMapping(typeName = "Plugin")
    Map<PluginState, Integer> deadLetterCount(List<PluginState> plugins, GraphQLContext context) {
        Map<String, Integer> counts = host.deadLetterCounts(Caller.of(context).owner());
        Map<PluginState, Integer> result = new LinkedHashMap<>();
        plugins.forEach(plugin -> result.put(plugin, counts.getOrDefault(plugin.id(), 0)));
        return result;
    }

    @SchemaMapping(typeName = "PluginDeadLetter")
    String position(DeadLetter letter) {
        return Long.toString(letter.position());
    }
}
