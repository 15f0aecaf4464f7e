package app.rapport.benchmark;

import app.rapport.application.storage.AppendDurability;
import app.rapport.application.storage.EmbeddedMongoServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import org.bson.Document;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Rapport measured as its users feel it: the packaged server, over real HTTP, each figure beside a ceiling taken in
 * the same run ({@code { me { id } }} for the framework, raw driver inserts for the store). Prints one table and
 * writes the figures as JSON and a chart (PNG) under {@code results/}.
 */
public final class EndToEndBenchmark {

    private final int seconds = Integer.getInteger("rapport.bench.seconds", 8);
    private final int warmUpSeconds = Integer.getInteger("rapport.bench.warmUpSeconds", 30);
    private final int warmUpMaxSeconds = Integer.getInteger("rapport.bench.warmUpMaxSeconds", 360);
    private static final int WARM_UP_ROUND_SECONDS = 10;
    /** The JIT has settled once it takes less than this, in cores, over a round of the warm-up. */
    private static final double SETTLED_COMPILER_CORES = 0.25;
    /** For a step that answers "done" when its work is over: an hour at most. */
    private static final int UNTIL_DONE_SECONDS = 3_600;
    private final int[] clientCounts = Arrays.stream(System.getProperty("rapport.bench.clients", "1,4,16,64").split(","))
                                             .mapToInt(value -> Integer.parseInt(value.trim())).toArray();
    private final int contacts = Integer.getInteger("rapport.bench.contacts", 1000);
    private final Path results = Path.of(System.getProperty("rapport.bench.results", "results"));
    private final List<Measurement> measurements = new ArrayList<>();
    private final Map<String, Object> facts = new LinkedHashMap<>();
    private final AtomicLong storedWrites = new AtomicLong();
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<String, Integer> contactsOf = new java.util.concurrent.ConcurrentHashMap<>();
    /** The server being measured; none while the store's ceiling is. */
    private ServerProcess server;

    public static void main(String[] args) throws Exception {
        new EndToEndBenchmark().run(Path.of(System.getProperty("rapport.bench.serverJar", "api-graphql/target/rapport-server.jar")),
                                    Path.of(System.getProperty("rapport.bench.jvmOptions", "api-graphql/jvm.options")));
    }

    private void run(Path serverJar, Path jvmOptions) throws Exception {
        Files.createDirectories(results);
        storeCeiling();
        double bulkRows = ReplayCeiling.bulkRowsPerSecond(Math.max(3, seconds / 2));
        facts.put("storeBulkRowsPerSecond", Math.round(bulkRows));
        Path dataDir = Files.createTempDirectory("rapport-bench-");
        try (ServerProcess server = ServerProcess.start(serverJar, jvmOptions, dataDir, freePort(), results.resolve("server.log"))) {
            this.server = server;
            facts.put("startUpMillis", server.startUp.toMillis());
            GraphQlClient client = new GraphQlClient(server.graphQl());
            warmUp(client);
            for (int clients : clientCounts) {
                List<String> tokens = tokens(client, clients);
                measure("me (ceiling)", clients, tokens, token -> GraphQlClient.classification(client.call("{ me { id } }", token)));
                measure("addContact", clients, tokens, token -> stored(client.call(ADD_CONTACT, addContact(), token)));
            }
            interviewCycle(client);
            burst(client, "burst");
            // The first burst runs while the JIT compiles its paths (a core or more on two); the second shows the server after.
            burst(client, "burst again");
            readPath(client);
            facts.put("residentBytes", server.residentBytes());
            long disk = server.diskBytes();
            facts.put("diskBytes", disk);
            facts.put("storedWrites", storedWrites.get());
            facts.put("diskBytesPerStoredWrite", storedWrites.get() == 0 ? 0 : disk / storedWrites.get());
        } finally {
            this.server = null;
        }
        // What stopping leaves.
        long compacted = ServerProcess.bytesIn(dataDir);
        facts.put("diskBytesAfterCompaction", compacted);
        facts.put("diskBytesPerStoredWriteAfterCompaction", storedWrites.get() == 0 ? 0 : compacted / storedWrites.get());
        try (ServerProcess again = ServerProcess.start(serverJar, jvmOptions, dataDir, freePort(), results.resolve("server-again.log"))) {
            facts.put("startUpWithDataMillis", again.startUp.toMillis());
        }
        // A start copies a file of mostly old versions to its live data.
        long restarted = ServerProcess.bytesIn(dataDir);
        facts.put("diskBytesAfterRestart", restarted);
        facts.put("diskBytesPerStoredWriteAfterRestart", storedWrites.get() == 0 ? 0 : restarted / storedWrites.get());
        long rebuilt = rebuild(serverJar, jvmOptions, dataDir);
        rebuildCeiling(dataDir, rebuilt, bulkRows);
        report();
    }

    /**
     * Lets the server's JIT compile the hot paths before anything is recorded, as a long-running server would have:
     * every kind of mutation and read measured after, from 4 clients, in rounds of 10 s, for at least
     * {@code rapport.bench.warmUpSeconds} and until a round in which the compilers took less than a quarter of a core
     * (at most {@code rapport.bench.warmUpMaxSeconds}). On two cores they take one core for three to four minutes
     * after a start: figures taken before that measure a server that is still compiling.
     */
    private void warmUp(GraphQlClient client) throws InterruptedException {
        List<String> tokens = tokens(client, 4);
        ThreadLocal<String> token = ThreadLocal.withInitial(() -> tokens.get(ids.incrementAndGet() % tokens.size()));
        long started = System.nanoTime();
        double compilerCores;
        double elapsed;
        do {
            Measurement round = new Measurement("warm-up", 4);
            runFor(round, 4, () -> {
                client.call("{ me { id } }", token.get());
                client.call("{ dashboard { contacts byStage { stage count } } }", token.get());
                client.call("{ contacts(first: 50) { totalCount edges { node { id displayName } } } }", token.get());
                return threeInterviewSteps(client, token.get());
            }, WARM_UP_ROUND_SECONDS);
            measurements.remove(round);
            compilerCores = round.compilerCores();
            elapsed = (System.nanoTime() - started) / 1e9;
        } while (elapsed < warmUpMaxSeconds && (elapsed < warmUpSeconds || !(compilerCores < SETTLED_COMPILER_CORES)));
        facts.put("warmUpSeconds", Math.round(elapsed));
        facts.put("serverCompilerCoresAtTheEndOfTheWarmUp", Math.round(compilerCores * 100) / 100.0);
    }

    /** Raw inserts of event-sized documents into an embedded store, each made durable as the server does. */
    private void storeCeiling() throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("rapport-bench-store-");
        try (EmbeddedMongoServer embedded = EmbeddedMongoServer.start(dir);
             MongoClient mongo = MongoClients.create(embedded.connectionString())) {
            MongoCollection<Document> events = mongo.getDatabase("ceiling").getCollection("events");
            AppendDurability durability = embedded.durability();
            String payload = "x".repeat(900);
            AtomicLong next = new AtomicLong();
            for (int clients : new int[]{1, 16}) {
                Measurement insert = new Measurement("store ceiling: insert + commit", clients);
                runFor(insert, clients, () -> {
                    long id = next.incrementAndGet();
                    events.insertOne(new Document("_id", id).append("keys", List.of("agg-" + id + "#0"))
                                                            .append("events", List.of(new Document("payload", payload))));
                    durability.makeDurable();
                    return null;
                });
            }
        }
    }

    private void interviewCycle(GraphQlClient client) throws InterruptedException {
        List<String> tokens = tokens(client, 1);
        measure("interview cycle (3 mutations)", 1, tokens, token -> threeInterviewSteps(client, token));
    }

    /** Adds a contact, asks them for an interview, records their yes; the first failure, or null. */
    private String threeInterviewSteps(GraphQlClient client, String token) {
        String contact = "c" + ids.incrementAndGet();
        String interview = "i" + ids.incrementAndGet();
        String failed = stored(client.call(ADD_CONTACT, addContact(contact), token));
        if (failed == null) {
            failed = stored(client.call("mutation RequestInterview($input: RequestInterviewInput!) { requestInterview(input: $input) { id status } }",
                                        Map.of("input", Map.of("id", interview, "contactId", contact, "channel", "EMAIL", "requestedMinutes", 20)), token));
        }
        if (failed == null) {
            failed = stored(client.call("mutation RecordResponse($input: RecordResponseInput!) { recordResponse(input: $input) { id status } }",
                                        Map.of("input", Map.of("interviewId", interview, "response", "ACCEPTED")), token));
        }
        return failed;
    }

    /** 96 clients push one user at once; meanwhile another user adds contacts one at a time. */
    private void burst(GraphQlClient client, String name) throws InterruptedException {
        String busy = client.signUp();
        String other = client.signUp();
        Measurement pushing = new Measurement(name + ": 96 clients, one user, 500 writes", 96);
        Measurement meanwhile = new Measurement(name + ": another user's addContact", 1);
        AtomicInteger left = new AtomicInteger(500);
        CountDownLatch done = new CountDownLatch(96);
        double compiling = compilerSeconds();
        long started = System.nanoTime();
        for (int i = 0; i < 96; i++) {
            start(() -> {
                while (left.getAndDecrement() > 0) {
                    long at = System.nanoTime();
                    String outcome = stored(client.call(ADD_CONTACT, addContact(), busy));
                    pushing.record(System.nanoTime() - at, outcome);
                }
                done.countDown();
            });
        }
        while (done.getCount() > 0) {
            long at = System.nanoTime();
            String outcome = stored(client.call(ADD_CONTACT, addContact(), other));
            meanwhile.record(System.nanoTime() - at, outcome);
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        pushing.finish(elapsed);
        meanwhile.finish(elapsed);
        double compilerCores = (compilerSeconds() - compiling) / elapsed;
        pushing.compilerCores(compilerCores);
        meanwhile.compilerCores(compilerCores);
        measurements.add(pushing);
        measurements.add(meanwhile);
    }

    /**
     * Beside the rebuild, the most it could reach on this store: every view row it made written once, in bulk, at
     * the store's rate ({@link ReplayCeiling}), with no reading, opening of events or handling at all.
     */
    private void rebuildCeiling(Path dataDir, long events, double bulkRowsPerSecond) {
        if (events == 0) {
            return;
        }
        Map<String, Long> rows = ReplayCeiling.viewRows(dataDir);
        long total = rows.values().stream().mapToLong(Long::longValue).sum();
        double rowsPerEvent = (double) total / events;
        facts.put("viewRowsAfterRebuild", rows);
        facts.put("viewRowsPerEvent", Math.round(rowsPerEvent * 100) / 100.0);
        facts.put("rebuildCeilingEventsPerSecond", Math.round(bulkRowsPerSecond / rowsPerEvent));
    }

    /**
     * Every view thrown away and rebuilt from the events at start-up ({@code --rapport.rebuild-views}): the time from
     * start until every processor has reached the head of the stream, read from the {@code views} health details.
     *
     * @return the events replayed; 0 when the rebuild did not finish
     */
    private long rebuild(Path serverJar, Path jvmOptions, Path dataDir) throws Exception {
        long started = System.nanoTime();
        try (ServerProcess rebuilding = ServerProcess.start(serverJar, jvmOptions, dataDir, freePort(), results.resolve("server-rebuild.log"),
                                                          "--rapport.rebuild-views=true",
                                                          "--management.endpoint.health.show-details=always")) {
            long ready = System.nanoTime();
            java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
            long deadline = System.nanoTime() + java.time.Duration.ofMinutes(30).toNanos();
            while (System.nanoTime() < deadline) {
                String body = http.send(java.net.http.HttpRequest.newBuilder(rebuilding.health()).build(),
                                        java.net.http.HttpResponse.BodyHandlers.ofString()).body();
                JsonNode views = new ObjectMapper().readTree(body).path("components").path("views").path("details");
                long head = -1;
                boolean caughtUp = views.size() > 0;
                for (JsonNode view : views) {
                    caughtUp &= view.path("lag").asLong(-1) == 0 && view.path("position").asLong(-1) >= 0;
                    head = Math.max(head, view.path("position").asLong(-1));
                }
                if (caughtUp) {
                    long millis = (System.nanoTime() - started) / 1_000_000;
                    facts.put("rebuildMillis", millis); // from launching the JVM, start-up included
                    facts.put("rebuildAfterReadyMillis", (System.nanoTime() - ready) / 1_000_000);
                    facts.put("rebuildEvents", head + 1);
                    facts.put("rebuildEventsPerSecond", millis == 0 ? 0 : (head + 1) * 1000 / millis);
                    return head + 1;
                }
                Thread.sleep(200);
            }
            facts.put("rebuildMillis", "more than 30 minutes");
            return 0;
        }
    }

    /**
     * One owner grown to 1,000 contacts, then to the configured size; at each size every read a dashboard makes,
     * the owner's own mutation, and another owner's, so the cost of size shows beside the ceiling of the same run.
     */
    private void readPath(GraphQlClient client) throws InterruptedException {
        String owner = client.signUp();
        String otherOwner = client.signUp();
        int grown = 0;
        for (int size : contacts > 1_000 ? new int[]{1_000, contacts} : new int[]{contacts}) {
            grow(client, owner, size - grown);
            grown = size;
            List<String> tokens = List.of(owner);
            String someone = "c-" + owner.hashCode() + "-1";
            for (int clients : new int[]{1, 16}) {
                measure("dashboard at " + size + " contacts", clients, tokens,
                        token -> GraphQlClient.classification(client.call("{ dashboard { contacts byStage { stage count } } }", token)));
                measure("contacts(first: 50) at " + size + " contacts", clients, tokens,
                        token -> GraphQlClient.classification(client.call("{ contacts(first: 50) { totalCount edges { node { id displayName } } } }", token)));
                measure("contacts(search) at " + size + " contacts", clients, tokens,
                        token -> GraphQlClient.classification(client.call("query Search($search: String) { contacts(first: 50, search: $search) { totalCount edges { node { id displayName } } } }", Map.of("search", "ravi glob"), token)));
                measure("contactGraph(depth: 2) at " + size + " contacts", clients, tokens,
                        token -> GraphQlClient.classification(client.call("query Graph($center: ID) { contactGraph(centerId: $center, depth: 2) { truncated nodes { id label } } }", Map.of("center", someone), token)));
                measure("warmPaths at " + size + " contacts", clients, tokens,
                        token -> GraphQlClient.classification(client.call("query WarmPaths($organization: String!) { warmPaths(organization: $organization) { target { id } } }", Map.of("organization", "Globex 7"), token)));
                measure("relationshipHistory at " + size + " contacts", clients, tokens,
                        token -> GraphQlClient.classification(client.call("query History($contact: ID!) { relationshipHistory(contactId: $contact, first: 50) { edges { node { type summary } } } }", Map.of("contact", someone), token)));
            }
            measure("updateContact at " + size + " contacts", 1, List.of(owner),
                    token -> stored(client.call("mutation UpdateContact($input: UpdateContactInput!) { updateContact(input: $input) { id title } }",
                                              Map.of("input", Map.of("id", someone, "title", "Title " + ids.incrementAndGet())), token)));
            measure("addContact by this owner at " + size + " contacts", 1, List.of(owner), token -> stored(client.call(ADD_CONTACT, addContact(), token)));
            measure("addContact by another owner meanwhile", 1, List.of(otherOwner), token -> stored(client.call(ADD_CONTACT, addContact(), token)));
        }
    }

    /** Adds contacts to one owner from 16 clients, as a client honouring TOO_BUSY would: a refused one is sent again. */
    private void grow(GraphQlClient client, String owner, int count) throws InterruptedException {
        AtomicInteger left = new AtomicInteger(count);
        AtomicInteger number = new AtomicInteger(contactsOf.merge(owner, count, Integer::sum) - count);
        Measurement growing = new Measurement("grow one owner by " + count + " contacts", 16);
        runFor(growing, 16, () -> {
            if (left.getAndDecrement() <= 0) {
                return "done";
            }
            String id = "c-" + owner.hashCode() + "-" + number.incrementAndGet();
            String outcome = stored(client.call(ADD_CONTACT, addContact(id), owner));
            while ("TOO_BUSY".equals(outcome)) {
                pause(1000);
                outcome = stored(client.call(ADD_CONTACT, addContact(id), owner));
            }
            return outcome;
        }, UNTIL_DONE_SECONDS);
    }

    private String stored(JsonNode answer) {
        String classification = GraphQlClient.classification(answer);
        if (classification == null || "VIEWS_BEHIND".equals(classification)) {
            storedWrites.incrementAndGet();
        }
        return classification;
    }

    private Map<String, Object> addContact() {
        return addContact("c" + ids.incrementAndGet());
    }

    private static final String[] GIVEN_NAMES = {"Dana", "Ravi", "Sofia", "Lee", "Amara", "Jonas", "Mei", "Tomás", "Priya", "Olu"};
    private static final String[] FAMILY_NAMES = {"Reyes", "Patel", "Nguyen", "Okafor", "Schmidt", "Kowalski", "Haddad", "Silva"};

    /** The dashboard's "add a person" as every benchmark sends it. */
    static final String ADD_CONTACT = "mutation AddContact($input: AddContactInput!) { addContact(input: $input) { id displayName stage } }";

    /** Names and organizations spread as in a real network: ten given names, 8 family names, 50 organizations. */
    static Map<String, Object> addContact(String id) {
        int n = Math.floorMod(id.hashCode(), 1_000_003);
        return Map.of("input", Map.of("id", id, "givenName", GIVEN_NAMES[n % GIVEN_NAMES.length],
                                      "familyName", FAMILY_NAMES[n / 10 % FAMILY_NAMES.length] + " " + n,
                                      "organization", "Globex " + n % 50, "source", "ALUMNI"));
    }

    private static List<String> tokens(GraphQlClient client, int count) {
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            tokens.add(client.signUp());
        }
        return tokens;
    }

    interface Call {
        String run(String token);
    }

    interface Step {
        String run();
    }

    private void measure(String scenario, int clients, List<String> tokens, Call call) throws InterruptedException {
        Measurement measurement = new Measurement(scenario, clients);
        AtomicInteger client = new AtomicInteger();
        ThreadLocal<String> token = ThreadLocal.withInitial(() -> tokens.get(client.getAndIncrement() % tokens.size()));
        runFor(measurement, clients, () -> call.run(token.get()));
    }

    private void runFor(Measurement measurement, int clients, Step step) throws InterruptedException {
        runFor(measurement, clients, step, seconds);
    }

    /** Runs the step from {@code clients} threads for {@code forSeconds}, or until it answers "done". */
    private void runFor(Measurement measurement, int clients, Step step, int forSeconds) throws InterruptedException {
        double compiling = compilerSeconds();
        long started = System.nanoTime();
        long deadline = started + forSeconds * 1_000_000_000L;
        CountDownLatch done = new CountDownLatch(clients);
        for (int i = 0; i < clients; i++) {
            start(() -> {
                try {
                    while (System.nanoTime() < deadline) {
                        long at = System.nanoTime();
                        String outcome = step.run();
                        if ("done".equals(outcome)) {
                            break;
                        }
                        measurement.record(System.nanoTime() - at, outcome);
                    }
                } catch (RuntimeException e) {
                    measurement.record(0, "client failure: " + e.getMessage());
                } finally {
                    done.countDown();
                }
            });
        }
        done.await();
        double elapsed = (System.nanoTime() - started) / 1e9;
        measurement.finish(elapsed);
        measurement.compilerCores((compilerSeconds() - compiling) / elapsed);
        measurements.add(measurement);
        System.out.printf("  %-48s %3d clients  %8.1f/s  p50 %8.2f ms  p99 %8.2f ms  JIT %.2f cores  %s%n", measurement.scenario,
                          clients, measurement.perSecond(), measurement.percentileMillis(0.5),
                          measurement.percentileMillis(0.99), measurement.compilerCores(), measurement.outcomes());
    }

    /** What the server's JIT compilers have worked so far, in seconds; NaN while no server runs. */
    private double compilerSeconds() {
        return server == null ? Double.NaN : server.compilerSeconds();
    }

    private void report() throws IOException {
        System.out.println();
        System.out.println("| scenario | clients | per second | p50 ms | p99 ms | ceiling per second | ratio | server's JIT, cores | outcomes |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        for (Measurement m : measurements) {
            Measurement ceiling = ceilingFor(m);
            String ceilingRate = ceiling == null ? "" : String.format("%.1f", ceiling.perSecond());
            String ratio = ceiling == null || ceiling.perSecond() == 0 ? "" : String.format("%.2f", m.perSecond() / ceiling.perSecond());
            String compiler = Double.isNaN(m.compilerCores()) ? "" : String.format("%.2f", m.compilerCores());
            System.out.printf("| %s | %d | %.1f | %.2f | %.2f | %s | %s | %s | %s |%n", m.scenario, m.clients, m.perSecond(),
                              m.percentileMillis(0.5), m.percentileMillis(0.99), ceilingRate, ratio, compiler, m.outcomes());
        }
        facts.forEach((name, value) -> System.out.println("| " + name + " | " + value + " |"));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("at", Instant.now().toString());
        json.put("java", System.getProperty("java.version"));
        json.put("processors", Runtime.getRuntime().availableProcessors());
        json.put("measurements", measurements.stream().map(Measurement::toJson).toList());
        json.put("facts", facts);
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        mapper.writeValue(results.resolve("latest.json").toFile(), json);
        Chart.write(measurements, results.resolve("latest.png"));
        System.out.println("Written to " + results.resolve("latest.json").toAbsolutePath() + " and latest.png");
    }

    /** The ceiling beside a figure: the framework's ({@code me}) at as many clients, the store's for writes. */
    private Measurement ceilingFor(Measurement m) {
        if (m.scenario.startsWith("addContact") || m.scenario.startsWith("interview")) {
            return measurements.stream().filter(c -> c.scenario.startsWith("store ceiling") && c.clients == Math.min(m.clients, 16))
                               .findFirst().orElse(null);
        }
        if (m.scenario.startsWith("me") || m.scenario.startsWith("store")) {
            return null;
        }
        return measurements.stream().filter(c -> c.scenario.startsWith("me") && c.clients == Math.min(m.clients, 64))
                           .reduce((first, second) -> second.clients <= m.clients ? second : first).orElse(null);
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void start(Runnable client) {
        Thread thread = new Thread(client);
        thread.setDaemon(true);
        thread.start();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
