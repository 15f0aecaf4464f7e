package app.rapport.application.views;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * How far each of Rapport's processors is behind the event stream, as health component {@code views} and as
 * gauges {@code rapport.views.lag} (events not yet processed) and {@code rapport.views.failed} (1 while it is
 * stopped at a failure), tagged with the processor's name.
 * <p>
 * Sampled once a second: a processor is <b>behind</b> from the first sample that found it short of the head of the
 * stream until one finds it there. Health is {@value #DEGRADED} (HTTP 200: the server still serves, some lists
 * may be stale) while a processor is stopped at a failure or has been behind longer than
 * {@code rapport.views.behind-warning} (10 s); UP otherwise. The details name each processor with its position,
 * lag, and failure.
 */
@Component("viewsHealthIndicator") // health component "views"
public class ViewStatus implements HealthIndicator, AutoCloseable {

    public static final String DEGRADED = "DEGRADED";

    private final EventProcessingConfiguration processing;
    private final EventStore events;
    private final ViewFailures failures;
    private final Duration behindWarning;
    private final Clock clock = Clock.systemUTC();
    private final MeterRegistry meters;
    private final Set<String> measured = ConcurrentHashMap.newKeySet();
    private final Map<String, Sample> samples = new ConcurrentHashMap<>();
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "view-status");
        thread.setDaemon(true);
        return thread;
    });

    /** One processor's state at the last sample; {@code behindSince} null while it is at the head. */
    record Sample(long position, long lag, Instant behindSince) {
    }

    ViewStatus(EventProcessingConfiguration processing, EventStore events, ViewFailures failures, MeterRegistry meters,
               @Value("${rapport.views.behind-warning:PT10S}") Duration behindWarning) {
        this.processing = processing;
        this.events = events;
        this.failures = failures;
        this.behindWarning = behindWarning;
        this.meters = meters;
        sampler.scheduleWithFixedDelay(this::sampleQuietly, 1, 1, TimeUnit.SECONDS);
    }

    /** Gauges for processors not measured yet: the processors exist only once the server has started. */
    private void registerGauges() {
        processors().forEach((name, processor) -> {
            if (measured.add(name)) {
                Gauge.builder("rapport.views.lag", () -> Optional.ofNullable(samples.get(name)).map(Sample::lag).orElse(0L))
                     .tag("view", name).description("Events of the stream the processor has not handled yet").register(meters);
                Gauge.builder("rapport.views.failed", () -> failures.current(processor).isPresent() ? 1 : 0)
                     .tag("view", name).description("1 while the processor is stopped at a failure").register(meters);
            }
        });
    }

    /**
     * The status's description names what is wrong, since health details are hidden unless the operator shows them
     * ({@code management.endpoint.health.show-details}); it holds no failure message, which may quote personal data:
     * the log and the details have that.
     */
    @Override
    public Health health() {
        sample();
        List<String> problems = new ArrayList<>();
        Map<String, Object> details = new TreeMap<>();
        Instant now = clock.instant();
        for (Map.Entry<String, StreamingEventProcessor> named : processors().entrySet()) {
            String name = named.getKey();
            Sample sample = samples.get(name);
            Map<String, Object> detail = new LinkedHashMap<>();
            if (sample != null) {
                detail.put("position", sample.position());
                detail.put("lag", sample.lag());
                if (sample.behindSince() != null) {
                    Duration behind = Duration.between(sample.behindSince(), now).truncatedTo(ChronoUnit.SECONDS);
                    detail.put("behindFor", behind.toString());
                    if (behind.compareTo(behindWarning) > 0) {
                        problems.add(name + " behind by " + sample.lag() + " events for " + behind.toSeconds() + " s");
                    }
                }
            }
            Optional<ViewFailures.Failure> failure = failures.current(named.getValue());
            if (failure.isPresent()) {
                ViewFailures.Failure failed = failure.get();
                problems.add(name + " stopped at a failure on " + failed.eventType() + " (position " + failed.position()
                                     + ") since " + failed.since().truncatedTo(ChronoUnit.SECONDS));
                detail.put("failedAt", failed.position());
                detail.put("failedOn", failed.eventType());
                detail.put("failure", failed.reason());
                detail.put("failingSince", failed.since().toString());
                detail.put("attempts", failed.attempts());
            }
            details.put(name, detail);
        }
        Status status = problems.isEmpty() ? Status.UP : new Status(DEGRADED, String.join("; ", problems));
        return Health.status(status).withDetails(details).build();
    }

    private void sampleQuietly() {
        try {
            registerGauges();
            sample();
        } catch (RuntimeException notNow) {
            // the store may be closing, or briefly unreachable: the next sample tells
        }
    }

    private synchronized void sample() {
        long head = ViewFailures.positionOf(events.createHeadToken());
        Instant now = clock.instant();
        processors().forEach((name, processor) -> {
            long position = positionOf(processor);
            long lag = position < 0 ? head + 1 : Math.max(0, head - position);
            Sample earlier = samples.get(name);
            Instant behindSince = lag == 0 ? null : earlier != null && earlier.behindSince() != null ? earlier.behindSince() : now;
            samples.put(name, new Sample(position, lag, behindSince));
        });
    }

    /** The lowest position of the processor's segments; -1 while it has none claimed. */
    private static long positionOf(StreamingEventProcessor processor) {
        long lowest = Long.MAX_VALUE;
        for (EventTrackerStatus segment : processor.processingStatus().values()) {
            lowest = Math.min(lowest, segment.getTrackingToken() == null ? -1 : ViewFailures.positionOf(segment.getTrackingToken()));
        }
        return lowest == Long.MAX_VALUE ? -1 : lowest;
    }

    private Map<String, StreamingEventProcessor> processors() {
        Map<String, StreamingEventProcessor> streaming = new TreeMap<>();
        processing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor tracking) {
                streaming.put(name, tracking);
            }
        });
        return streaming;
    }

    @Override
    public void close() {
        sampler.shutdownNow();
    }
}
