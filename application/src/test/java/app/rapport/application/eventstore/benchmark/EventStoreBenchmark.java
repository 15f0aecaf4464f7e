package app.rapport.application.eventstore.benchmark;

import app.rapport.application.eventstore.benchmark.Samples.Figure;
import app.rapport.application.eventstore.benchmark.StoreFiller.KnownAggregate;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Shows that the cost of the event store's hot paths (append, aggregate load, tracking) does not grow with
 * the number of stored events. Not a test: run it with {@code mvn -pl application -am -Pbenchmark verify
 * -DskipTests}; see docs/benchmarks.md.
 *
 * <p>One store is grown step by step to each size; at each size the same operations are timed through the
 * engine's public API, in several passes. Options are system properties:
 * <ul>
 * <li>{@code rapport.bench.sizes}: comma-separated event counts, default {@value #DEFAULT_SIZES};</li>
 * <li>{@code rapport.bench.dataDir}: where the embedded store's file goes, default a temporary directory
 * deleted afterwards (a given directory is kept);</li>
 * <li>{@code rapport.bench.mongodbUri}, or the environment variable {@code RAPPORT_BENCH_MONGODB_URI}: also
 * run against this real MongoDB, in a new database that is dropped afterwards;</li>
 * <li>{@code rapport.bench.appends}: timed appends of each kind per pass, default {@value #DEFAULT_APPENDS};</li>
 * <li>{@code rapport.bench.trackedEvents}: events read per tracking run, default {@value #DEFAULT_TRACKED_EVENTS};</li>
 * <li>{@code rapport.bench.passes}: measurement passes per size, default {@value #DEFAULT_PASSES}.</li>
 * </ul>
 */
public final class EventStoreBenchmark {

    static final String DEFAULT_SIZES = "10000,100000,1000000";
    static final int DEFAULT_APPENDS = 1000;
    static final int DEFAULT_TRACKED_EVENTS = 5000;
    static final int DEFAULT_PASSES = 3;

    /** The limit the design sets: from the smallest to the largest store, no figure may grow more than this. */
    private static final double FLAT_FACTOR = 2.0;

    private static final int MEASURED_AGGREGATES = 20;
    private static final int MEASURED_AGGREGATE_LENGTH = 20;
    private static final int SNAPSHOT_SEQUENCE = 14;
    private static final int EVENTS_AFTER_SNAPSHOT = MEASURED_AGGREGATE_LENGTH - SNAPSHOT_SEQUENCE - 1;
    private static final int LOAD_ROUNDS = 5;
    private static final int RANDOM_AGGREGATE_LOADS = 200;
    private static final int TRACKING_RUNS = 5;
    private static final long SETTLE_MILLIS = 3_000;

    private static final String APPEND_NEW = "append, new aggregate (us/append)";
    private static final String APPEND_EXISTING = "append, existing aggregate (us/append)";
    private static final String LOAD_EARLY = "load 20 events, early aggregate (us/load)";
    private static final String LOAD_LATE = "load 20 events, late aggregate (us/load)";
    private static final String LOAD_EARLY_SNAPSHOT = "load snapshot + 5 events, early (us/load)";
    private static final String LOAD_LATE_SNAPSHOT = "load snapshot + 5 events, late (us/load)";
    private static final String LOAD_SPREAD = "load 5-15 events, random filled aggregate (us/load)";
    private static final String TRACK_MIDDLE = "tracking from the middle (us/event)";
    private static final String TRACK_HEAD = "tracking near the head (us/event)";
    private static final List<String> METRICS = List.of(APPEND_NEW, APPEND_EXISTING, LOAD_EARLY, LOAD_LATE,
                                                        LOAD_EARLY_SNAPSHOT, LOAD_LATE_SNAPSHOT, LOAD_SPREAD,
                                                        TRACK_MIDDLE, TRACK_HEAD);

    private final BenchmarkStore store;
    private final EventStorageEngine engine;
    private final BenchmarkEvents events;
    private final Options options;
    private final Random random = new Random(20261121L);
    private final Map<String, Map<Long, Figure>> results = new LinkedHashMap<>();
    private final Map<Long, String> storeDetails = new LinkedHashMap<>();

    private EventStoreBenchmark(BenchmarkStore store, BenchmarkEvents events, Options options) {
        this.store = store;
        this.engine = store.engine();
        this.events = events;
        this.options = options;
        METRICS.forEach(metric -> results.put(metric, new LinkedHashMap<>()));
    }

    public static void main(String[] args) throws Exception {
        quietLogging();
        Options options = Options.fromSystemProperties();
        System.out.printf("Rapport event store benchmark, %s%n", LocalDate.now());
        System.out.printf("Machine: %d cores, Java %s, max heap %,d MB%n", Runtime.getRuntime().availableProcessors(),
                          System.getProperty("java.version"), Runtime.getRuntime().maxMemory() >> 20);
        System.out.printf("Sizes: %s; per size %d passes of %d appends of each kind, %d loads of each kind and "
                                  + "%d tracking runs of %d events%n%n", options.sizes(), options.passes(),
                          options.appends(), LOAD_ROUNDS * MEASURED_AGGREGATES, TRACKING_RUNS, options.trackedEvents());
        System.out.println("""
                How the store is filled: the engine writes one template commit and one template snapshot; the
                filler then takes global indexes from the engine's counter (as an append does) and bulk-inserts
                copies of the template (insertMany, 1,000 single-event commits at a time), each with its own
                global index, aggregate key, event id, timestamp, and freshly serialized payload and metadata.
                The events belong to aggregates of 5-15 events, 200 of them in progress at a time, so the events
                of one aggregate lie ~200 global positions apart; a tenth of the aggregates get a snapshot.
                Timed operations go through the engine's public API (appendEvents, readEvents, readSnapshot),
                with the embedded backend's durability commit after every append. Payloads are not
                deserialized: that cost is the same at every size and belongs to the caller. Each figure is
                the pass with the median mean, so that one pass disturbed by other work on the machine does
                not decide it.
                """);

        BenchmarkEvents events = new BenchmarkEvents(new Random(42));
        benchmark(() -> BenchmarkStore.embedded(null, events.serializer()),
                  () -> BenchmarkStore.embedded(options.dataDirectory(), events.serializer()), events, options);
        if (options.mongoDbUri() != null) {
            benchmark(() -> BenchmarkStore.mongoDb(options.mongoDbUri(), events.serializer()),
                      () -> BenchmarkStore.mongoDb(options.mongoDbUri(), events.serializer()), events, options);
        }
    }

    /**
     * Warms the JIT up on a throwaway store, so that the measured store holds only what the measurements
     * put there, then measures on a fresh one.
     */
    private static void benchmark(StoreOpener throwawayStore, StoreOpener measuredStore, BenchmarkEvents events,
                                  Options options) throws Exception {
        try (BenchmarkStore store = throwawayStore.open()) {
            new EventStoreBenchmark(store, events, options).warmUp();
        }
        try (BenchmarkStore store = measuredStore.open()) {
            new EventStoreBenchmark(store, events, options).measure();
        }
    }

    @FunctionalInterface
    private interface StoreOpener {
        BenchmarkStore open() throws Exception;
    }

    /** The driver and the embedded server log every connection; at this rate that would be measured too. */
    private static void quietLogging() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            context.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(Level.WARN);
        }
    }

    private void measure() throws InterruptedException {
        System.out.println("=== Backend: " + store.description());
        StoreFiller filler = new StoreFiller(store.database(), engine, events, random);
        List<KnownAggregate> early = createMeasuredAggregates();

        for (long size : options.sizes()) {
            System.out.printf("%n--- Growing the store to %,d events%n", size);
            long fillStart = System.nanoTime();
            filler.fillTo(size - (long) MEASURED_AGGREGATES * MEASURED_AGGREGATE_LENGTH);
            double fillSeconds = (System.nanoTime() - fillStart) / 1e9;
            List<KnownAggregate> late = createMeasuredAggregates();
            // The embedded backend saves its file in the background after a bulk insert; let that finish.
            Thread.sleep(SETTLE_MILLIS);
            long head = filler.head();
            System.out.printf("Measuring at %,d stored events%n", head);
            double loadBefore = systemLoadAverage();

            AggregatesToTouch aggregates = AggregatesToTouch.split(filler.finishedAggregates(), options.passes(), random);
            Map<String, List<Figure>> passes = new LinkedHashMap<>();
            for (int pass = 0; pass < options.passes(); pass++) {
                Map<String, Figure> figures = new LinkedHashMap<>();
                measureAppends(figures, aggregates.toAppendTo());
                measureLoads(figures, early, late, aggregates.toLoad(pass));
                measureTracking(figures, head);
                figures.forEach((metric, figure) -> passes.computeIfAbsent(metric, m -> new ArrayList<>()).add(figure));
            }
            passes.forEach((metric, figures) -> results.get(metric).put(size, medianByMean(figures)));
            storeDetails.put(size, String.format("%,d events when measuring began (fill took %.0f s), file %s, "
                                                         + "system load average %.1f before and %.1f after",
                                                 head, fillSeconds, megabytes(store.fileSizeBytes()),
                                                 loadBefore, systemLoadAverage()));
            printSize(size);
        }
        printTable();
    }

    /**
     * Filled aggregates for the append and the random-load measurements, kept apart: an aggregate appended
     * to has its newest event at the head, and one loaded before may be cached.
     */
    private record AggregatesToTouch(List<KnownAggregate> toAppendTo, List<List<KnownAggregate>> toLoadPerPass) {

        static AggregatesToTouch split(List<KnownAggregate> finished, int passes, Random random) {
            List<KnownAggregate> untouched = new ArrayList<>(finished.stream().filter(a -> !a.appendedTo).toList());
            Collections.shuffle(untouched, random);
            int perPass = Math.min(RANDOM_AGGREGATE_LOADS, untouched.size() / 2 / passes);
            List<List<KnownAggregate>> toLoad = new ArrayList<>();
            for (int pass = 0; pass < passes; pass++) {
                toLoad.add(untouched.subList(pass * perPass, (pass + 1) * perPass));
            }
            List<KnownAggregate> toAppendTo = new ArrayList<>(finished);
            toLoad.forEach(toAppendTo::removeAll);
            return new AggregatesToTouch(toAppendTo, toLoad);
        }

        List<KnownAggregate> toLoad(int pass) {
            return toLoadPerPass.get(pass);
        }
    }

    private static Figure medianByMean(List<Figure> figures) {
        List<Figure> sorted = figures.stream().sorted(Comparator.comparingDouble(Figure::mean)).toList();
        return sorted.get(sorted.size() / 2);
    }

    private static double systemLoadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    // ---------------------------------------------------------------- set-up

    /** Aggregates of 20 events, written through the engine with their commits interleaved, and snapshotted. */
    private List<KnownAggregate> createMeasuredAggregates() {
        List<KnownAggregate> aggregates = new ArrayList<>();
        for (int i = 0; i < MEASURED_AGGREGATES; i++) {
            aggregates.add(new KnownAggregate(BenchmarkEvents.newAggregateId(), 0));
        }
        for (int sequence = 0; sequence < MEASURED_AGGREGATE_LENGTH; sequence++) {
            for (KnownAggregate aggregate : aggregates) {
                engine.appendEvents(events.noteAdded(aggregate.id, aggregate.nextSequence++));
            }
        }
        for (KnownAggregate aggregate : aggregates) {
            engine.storeSnapshot(events.snapshot(aggregate.id, SNAPSHOT_SEQUENCE));
        }
        return aggregates;
    }

    /** Runs every measured operation long enough for the JIT to compile the driver, server and engine paths. */
    private void warmUp() {
        System.out.println("Warming up on a throwaway store: " + store.description());
        List<KnownAggregate> early = createMeasuredAggregates();
        List<KnownAggregate> warmUpAggregates = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            KnownAggregate aggregate = new KnownAggregate(BenchmarkEvents.newAggregateId(), 0);
            engine.appendEvents(events.noteAdded(aggregate.id, aggregate.nextSequence++));
            warmUpAggregates.add(aggregate);
        }
        for (int round = 0; round < 3; round++) {
            timeAppends(options.appends(), warmUpAggregates);
            for (int i = 0; i < 100; i++) {
                KnownAggregate aggregate = early.get(i % early.size());
                loadWhole(aggregate.id, MEASURED_AGGREGATE_LENGTH, new Samples());
                loadFromSnapshot(aggregate.id, EVENTS_AFTER_SNAPSHOT, new Samples());
                loadWhole(warmUpAggregates.get(i).id, warmUpAggregates.get(i).nextSequence, new Samples());
            }
            long head = ((GapAwareTrackingToken) engine.createHeadToken()).getIndex();
            track(0, (int) Math.min(options.trackedEvents(), head), new Samples());
        }
        System.out.println();
    }

    // ---------------------------------------------------------------- append

    private void measureAppends(Map<String, Figure> figures, List<KnownAggregate> existing) {
        Samples[] samples = timeAppends(options.appends(), existing);
        figures.put(APPEND_NEW, samples[0].summary());
        figures.put(APPEND_EXISTING, samples[1].summary());
    }

    /** Alternates appends to new and to existing aggregates, so both see the same store and the same moment. */
    private Samples[] timeAppends(int appendsPerKind, List<KnownAggregate> existing) {
        Samples toNew = new Samples();
        Samples toExisting = new Samples();
        for (int i = 0; i < appendsPerKind; i++) {
            DomainEventMessage<?> first = events.noteAdded(BenchmarkEvents.newAggregateId(), 0);
            long cpu = Samples.cpuNow();
            long start = System.nanoTime();
            engine.appendEvents(first);
            toNew.add(System.nanoTime() - start, cpu);

            KnownAggregate aggregate = existing.get(random.nextInt(existing.size()));
            DomainEventMessage<?> next = events.noteAdded(aggregate.id, aggregate.nextSequence);
            cpu = Samples.cpuNow();
            start = System.nanoTime();
            engine.appendEvents(next);
            toExisting.add(System.nanoTime() - start, cpu);
            aggregate.nextSequence++;
            aggregate.appendedTo = true;
        }
        return new Samples[]{toNew, toExisting};
    }

    // ---------------------------------------------------------------- aggregate load

    private void measureLoads(Map<String, Figure> figures, List<KnownAggregate> early, List<KnownAggregate> late,
                              List<KnownAggregate> filled) {
        Samples earlyWhole = new Samples();
        Samples lateWhole = new Samples();
        Samples earlySnapshot = new Samples();
        Samples lateSnapshot = new Samples();
        for (int round = 0; round < LOAD_ROUNDS; round++) {
            for (int i = 0; i < MEASURED_AGGREGATES; i++) {
                loadWhole(early.get(i).id, MEASURED_AGGREGATE_LENGTH, earlyWhole);
                loadWhole(late.get(i).id, MEASURED_AGGREGATE_LENGTH, lateWhole);
                loadFromSnapshot(early.get(i).id, EVENTS_AFTER_SNAPSHOT, earlySnapshot);
                loadFromSnapshot(late.get(i).id, EVENTS_AFTER_SNAPSHOT, lateSnapshot);
            }
        }
        // Each filled aggregate is loaded once, so these loads find little of it cached.
        Samples spread = new Samples();
        for (KnownAggregate aggregate : filled) {
            loadWhole(aggregate.id, aggregate.nextSequence, spread);
        }
        figures.put(LOAD_EARLY, earlyWhole.summary());
        figures.put(LOAD_LATE, lateWhole.summary());
        figures.put(LOAD_EARLY_SNAPSHOT, earlySnapshot.summary());
        figures.put(LOAD_LATE_SNAPSHOT, lateSnapshot.summary());
        figures.put(LOAD_SPREAD, spread.summary());
    }

    /** Reads the whole event stream of one aggregate, as a repository without snapshots does. */
    private void loadWhole(String aggregateId, long expectedEvents, Samples samples) {
        long cpu = Samples.cpuNow();
        long start = System.nanoTime();
        DomainEventStream stream = engine.readEvents(aggregateId);
        long read = drain(stream);
        samples.add(System.nanoTime() - start, cpu);
        check(read == expectedEvents, "aggregate " + aggregateId + " loaded " + read + " events, not " + expectedEvents);
    }

    /** Reads the snapshot, then the events after it, as Axon's event store does for a snapshotted aggregate. */
    private void loadFromSnapshot(String aggregateId, long expectedEventsAfterSnapshot, Samples samples) {
        long cpu = Samples.cpuNow();
        long start = System.nanoTime();
        Optional<DomainEventMessage<?>> snapshot = engine.readSnapshot(aggregateId);
        long from = snapshot.map(message -> message.getSequenceNumber() + 1).orElse(0L);
        long read = drain(engine.readEvents(aggregateId, from));
        samples.add(System.nanoTime() - start, cpu);
        check(snapshot.isPresent() && read == expectedEventsAfterSnapshot,
              "aggregate " + aggregateId + " loaded snapshot " + snapshot.isPresent() + " and " + read + " events");
    }

    private static long drain(DomainEventStream stream) {
        long read = 0;
        while (stream.hasNext()) {
            stream.next();
            read++;
        }
        return read;
    }

    // ---------------------------------------------------------------- tracking

    private void measureTracking(Map<String, Figure> figures, long sizeWhenMeasuringBegan) {
        int eventsPerRun = (int) Math.min(options.trackedEvents(), sizeWhenMeasuringBegan / 2);
        long head = ((GapAwareTrackingToken) engine.createHeadToken()).getIndex();
        Samples fromMiddle = new Samples();
        Samples nearHead = new Samples();
        for (int run = 0; run < TRACKING_RUNS; run++) {
            // Random starting points in the middle half, so that runs on a large store read different events.
            long quarter = sizeWhenMeasuringBegan / 4;
            long middleStart = quarter + (long) (random.nextDouble() * Math.max(0, 2 * quarter - eventsPerRun));
            track(middleStart, eventsPerRun, fromMiddle);
            track(head - eventsPerRun, eventsPerRun, nearHead);
        }
        figures.put(TRACK_MIDDLE, perEvent(fromMiddle.summary(), eventsPerRun));
        figures.put(TRACK_HEAD, perEvent(nearHead.summary(), eventsPerRun));
    }

    private static Figure perEvent(Figure perRun, int eventsPerRun) {
        return Figure.meanOnly(perRun.mean() / eventsPerRun, perRun.cpu() / eventsPerRun, perRun.samples() * eventsPerRun);
    }

    /** Reads {@code count} events after global index {@code after}, as a tracking processor catching up does. */
    private void track(long after, int count, Samples samples) {
        GapAwareTrackingToken from = after == 0 ? null : GapAwareTrackingToken.newInstance(after, List.of());
        long cpu = Samples.cpuNow();
        long start = System.nanoTime();
        TrackedEventMessage<?> last = null;
        int read = 0;
        try (Stream<? extends TrackedEventMessage<?>> stream = engine.readEvents(from, false)) {
            Iterator<? extends TrackedEventMessage<?>> iterator = stream.iterator();
            while (read < count && iterator.hasNext()) {
                last = iterator.next();
                read++;
            }
        }
        samples.add(System.nanoTime() - start, cpu);
        long reachedIndex = last == null ? after : ((GapAwareTrackingToken) last.trackingToken()).getIndex();
        check(read == count && reachedIndex == after + count,
              "tracking after " + after + " read " + read + " events up to index " + reachedIndex);
    }

    private static void check(boolean condition, String failure) {
        if (!condition) {
            throw new IllegalStateException("The engine returned wrong results: " + failure);
        }
    }

    // ---------------------------------------------------------------- report

    private void printSize(long size) {
        System.out.printf("Results at %,d events (%s):%n", size, storeDetails.get(size));
        results.forEach((metric, bySize) -> System.out.printf("  %-55s %-22s cpu %s%n", metric,
                                                              format(bySize.get(size)), formatCpu(bySize.get(size))));
    }

    private void printTable() {
        List<Long> sizes = options.sizes();
        long smallest = sizes.get(0);
        long largest = sizes.get(sizes.size() - 1);
        String ratioHeading = label(largest) + "/" + label(smallest);
        StringBuilder table = new StringBuilder();
        table.append(String.format("%n=== Results: %s%n", store.description()));
        sizes.forEach(size -> table.append(String.format("  %s: %s%n", label(size), storeDetails.get(size))));

        table.append("\nWall-clock time in us: mean (p50 / p99); tracking is the mean per event.\n");
        table.append(String.format("%-55s", "metric"));
        sizes.forEach(size -> table.append(String.format(" | %-22s", label(size))));
        table.append(String.format(" | %s (mean, p50)%n", ratioHeading));
        boolean allFlat = true;
        for (Map.Entry<String, Map<Long, Figure>> row : results.entrySet()) {
            table.append(String.format("%-55s", row.getKey()));
            sizes.forEach(size -> table.append(String.format(" | %-22s", format(row.getValue().get(size)))));
            Figure first = row.getValue().get(smallest);
            Figure last = row.getValue().get(largest);
            double meanRatio = last.mean() / first.mean();
            double p50Ratio = Double.isNaN(first.p50()) ? meanRatio : last.p50() / first.p50();
            boolean flat = meanRatio <= FLAT_FACTOR && p50Ratio <= FLAT_FACTOR;
            allFlat &= flat;
            table.append(String.format(" | %.2fx, %.2fx %s%n", meanRatio, p50Ratio, flat ? "flat" : "GROWS"));
        }

        table.append("\nCPU time of this process per operation in us (mean; tracking per event), which other work on\n"
                             + "the machine does not inflate.\n");
        table.append(String.format("%-55s", "metric"));
        sizes.forEach(size -> table.append(String.format(" | %-10s", label(size))));
        table.append(String.format(" | %s%n", ratioHeading));
        for (Map.Entry<String, Map<Long, Figure>> row : results.entrySet()) {
            table.append(String.format("%-55s", row.getKey()));
            sizes.forEach(size -> table.append(String.format(" | %-10s", formatCpu(row.getValue().get(size)))));
            table.append(String.format(" | %.2fx%n", row.getValue().get(largest).cpu() / row.getValue().get(smallest).cpu()));
        }
        table.append(allFlat
                             ? String.format("Every wall-clock figure stays within %.0fx from %s to %s.%n", FLAT_FACTOR,
                                             label(smallest), label(largest))
                             : String.format("Some wall-clock figures grow more than %.0fx from %s to %s.%n", FLAT_FACTOR,
                                             label(smallest), label(largest)));
        System.out.print(table);
    }

    private static String format(Figure figure) {
        if (figure == null) {
            return "-";
        }
        if (Double.isNaN(figure.p50())) {
            return String.format("%.1f", figure.mean());
        }
        return String.format("%.0f (%.0f / %.0f)", figure.mean(), figure.p50(), figure.p99());
    }

    private static String formatCpu(Figure figure) {
        return figure == null ? "-" : String.format(figure.cpu() < 100 ? "%.1f" : "%.0f", figure.cpu());
    }

    private static String label(long size) {
        if (size >= 1_000_000 && size % 1_000_000 == 0) {
            return size / 1_000_000 + "M";
        }
        if (size >= 1_000 && size % 1_000 == 0) {
            return size / 1_000 + "k";
        }
        return Long.toString(size);
    }

    private static String megabytes(long bytes) {
        return bytes < 0 ? "n/a" : String.format("%,d MB", bytes >> 20);
    }

    // ---------------------------------------------------------------- options

    record Options(List<Long> sizes, Path dataDirectory, String mongoDbUri, int appends, int trackedEvents,
                   int passes) {

        static Options fromSystemProperties() {
            List<Long> sizes = Arrays.stream(property("rapport.bench.sizes", DEFAULT_SIZES).split(","))
                                     .map(String::trim)
                                     .map(Long::parseLong)
                                     .sorted()
                                     .toList();
            String dataDirectory = property("rapport.bench.dataDir", "");
            String uri = property("rapport.bench.mongodbUri", System.getenv().getOrDefault("RAPPORT_BENCH_MONGODB_URI", ""));
            int appends = Integer.parseInt(property("rapport.bench.appends", Integer.toString(DEFAULT_APPENDS)));
            int tracked = Integer.parseInt(property("rapport.bench.trackedEvents", Integer.toString(DEFAULT_TRACKED_EVENTS)));
            int passes = Integer.parseInt(property("rapport.bench.passes", Integer.toString(DEFAULT_PASSES)));
            // Below this the fill leaves too few finished aggregates to append to and to load.
            long smallestUseful = 5_000;
            if (sizes.isEmpty() || sizes.get(0) < smallestUseful) {
                throw new IllegalArgumentException("Every size must be at least " + smallestUseful + " events");
            }
            if (appends < 1 || tracked < 1 || passes < 1) {
                throw new IllegalArgumentException("appends, trackedEvents and passes must be positive");
            }
            return new Options(sizes, dataDirectory.isBlank() ? null : Path.of(dataDirectory),
                               uri.isBlank() ? null : uri, appends, tracked, passes);
        }

        /** Blank counts as unset, so that the Maven profile can pass every option through unconditionally. */
        private static String property(String name, String defaultValue) {
            String value = System.getProperty(name);
            return value == null || value.isBlank() ? defaultValue : value.trim();
        }
    }
}
