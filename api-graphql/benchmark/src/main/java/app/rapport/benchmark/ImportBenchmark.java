package app.rapport.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A LinkedIn export of {@code rapport.bench.importRows} connections (default 10,000) uploaded to a fresh server, as a
 * new user would: the time until its job is done, and meanwhile another user's {@code addContact} latency beside the
 * same user's latency before the import; then the same export by a third user alone. Results in
 * {@code results/import.json}.
 */
final class ImportBenchmark {

    private static final String[] GIVEN = {"Dana", "Ravi", "Sofia", "Lee", "Amara", "Jonas", "Mei", "Tomás", "Priya", "Olu", "Zoë", "Siobhán"};
    private static final String[] FAMILY = {"Reyes", "Patel", "Nguyen", "Okafor", "Schmidt", "Kowalski", "Haddad", "Silva", "D'Angelo"};
    private static final String[] COMPANIES = {"Contoso Health", "\"Proseware, LLC\"", "Adventure Works", "\"Fabrikam, Inc.\"", "Litware", "Coho Winery"};

    private final AtomicInteger ids = new AtomicInteger();

    public static void main(String[] args) throws Exception {
        int rows = Integer.getInteger("rapport.bench.importRows", 10_000);
        Path results = Path.of(System.getProperty("rapport.bench.results", "results"));
        new ImportBenchmark().run(rows, Path.of(System.getProperty("rapport.bench.serverJar", "api-graphql/target/rapport-server.jar")),
                                  Path.of(System.getProperty("rapport.bench.jvmOptions", "api-graphql/jvm.options")), results);
    }

    private void run(int rows, Path serverJar, Path jvmOptions, Path results) throws Exception {
        Files.createDirectories(results);
        Path dataDir = Files.createTempDirectory("rapport-import-bench-");
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("rows", rows);
        try (ServerProcess server = ServerProcess.start(serverJar, jvmOptions, dataDir, freePort(), results.resolve("server-import.log"))) {
            GraphQlClient client = new GraphQlClient(server.graphQl());
            String importer = client.signUp();
            String other = client.signUp();
            for (int i = 0; i < 300; i++) {
                client.call(EndToEndBenchmark.ADD_CONTACT, addContact(), other); // the JIT warms up before anything is recorded
            }
            List<Long> before = latencies(client, other, 5_000, new AtomicBoolean(false));
            facts.put("otherAddContactBefore", summary(before));

            byte[] export = export(rows);
            double compiling = server.compilerSeconds();
            long started = System.nanoTime();
            String job = upload(server, importer, export);
            facts.put("acceptedMillis", (System.nanoTime() - started) / 1_000_000);
            AtomicBoolean done = new AtomicBoolean();
            List<Long> during = Collections.synchronizedList(new ArrayList<>());
            Thread otherUser = new Thread(() -> during.addAll(latencies(client, other, Long.MAX_VALUE, done)));
            otherUser.start();
            JsonNode status = awaitDone(client, importer, job);
            long millis = (System.nanoTime() - started) / 1_000_000;
            done.set(true);
            otherUser.join();
            facts.put("job", status);
            facts.put("importMillis", millis);
            facts.put("serverCompilerCoresDuringImport", cores(server.compilerSeconds() - compiling, millis));
            facts.put("rowsPerSecond", rows * 1000L / Math.max(1, millis));
            facts.put("otherAddContactDuringImport", summary(during));
            facts.put("residentBytes", server.residentBytes());

            // The same export by a third user with nobody else active, on a server that has run an import before:
            // the import's own cost, without the other user's share of the machine, the pacing that yields to them,
            // and most of the compiling of a fresh server.
            String alone = client.signUp();
            compiling = server.compilerSeconds();
            started = System.nanoTime();
            JsonNode aloneStatus = awaitDone(client, alone, upload(server, alone, export));
            millis = (System.nanoTime() - started) / 1_000_000;
            facts.put("importAloneMillis", millis);
            facts.put("importAloneCreated", aloneStatus.path("created").asInt());
            facts.put("serverCompilerCoresDuringImportAlone", cores(server.compilerSeconds() - compiling, millis));
            facts.put("diskBytesAfterImports", server.diskBytes());
        }
        String json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(facts);
        Files.writeString(results.resolve("import.json"), json);
        System.out.println(json);
    }

    /** Uploads the export as that user's import; the job's id. */
    private static String upload(ServerProcess server, String token, byte[] export) throws IOException, InterruptedException {
        String boundary = "rapport-bench";
        HttpResponse<String> accepted = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port + "/plugins/linkedin-import/imports"))
                           .header("Authorization", "Bearer " + token)
                           .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                           .POST(HttpRequest.BodyPublishers.ofByteArray(multipart(boundary, export))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (accepted.statusCode() != 202) {
            throw new IllegalStateException("the import was refused: " + accepted.statusCode() + " " + accepted.body());
        }
        return new ObjectMapper().readTree(accepted.body()).path("id").asText();
    }

    /** Polls the job as the progress bar does until it is no longer running; its last status. */
    private static JsonNode awaitDone(GraphQlClient client, String token, String job) throws InterruptedException {
        JsonNode status;
        do {
            Thread.sleep(100);
            status = client.call("{ importJob(id: \"" + job + "\") { status total created updated skipped failed } }", token)
                           .path("data").path("importJob");
        } while ("RUNNING".equals(status.path("status").asText()));
        return status;
    }

    private static double cores(double seconds, long millis) {
        return Math.round(seconds * 100_000.0 / Math.max(1, millis)) / 100.0;
    }

    /** Sequential addContact calls by one client until {@code millis} have passed or {@code stop} is set; each one's latency. */
    private List<Long> latencies(GraphQlClient client, String token, long millis, AtomicBoolean stop) {
        List<Long> latencies = new ArrayList<>();
        long end = millis == Long.MAX_VALUE ? Long.MAX_VALUE : System.nanoTime() + millis * 1_000_000;
        while (!stop.get() && System.nanoTime() < end) {
            long start = System.nanoTime();
            JsonNode answer = client.call(EndToEndBenchmark.ADD_CONTACT, addContact(), token);
            if (answer.has("errors")) {
                throw new IllegalStateException("addContact failed during the benchmark: " + answer);
            }
            latencies.add(System.nanoTime() - start);
        }
        return latencies;
    }

    private static Map<String, Object> summary(List<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("calls", sorted.size());
        if (!sorted.isEmpty()) {
            summary.put("p50Millis", sorted.get(sorted.size() / 2) / 1e6);
            summary.put("p99Millis", sorted.get(Math.min(sorted.size() - 1, sorted.size() * 99 / 100)) / 1e6);
        }
        return summary;
    }

    private Map<String, Object> addContact() {
        return EndToEndBenchmark.addContact("o" + ids.incrementAndGet());
    }

    /** Today's layout: the notes above the header, one row per connection, an email for one in five. */
    static byte[] export(int rows) {
        StringBuilder csv = new StringBuilder("Notes:\n\"When exporting your connection data, you may notice that some of the email"
                                              + " addresses are missing.\"\n\nFirst Name,Last Name,URL,Email Address,Company,Position,Connected On\n");
        String[] months = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
        for (int i = 0; i < rows; i++) {
            String given = GIVEN[i % GIVEN.length];
            String family = FAMILY[i / GIVEN.length % FAMILY.length];
            String slug = (given + "-" + family + "-" + i).toLowerCase().replace("'", "");
            csv.append(given).append(',').append(family).append(",https://www.linkedin.com/in/").append(slug).append(',')
               .append(i % 5 == 0 ? slug + "@example.org" : "").append(',').append(COMPANIES[i % COMPANIES.length])
               .append(",Analyst,").append(String.format("%02d %s %d", 1 + i % 28, months[i % 12], 2010 + i % 15)).append('\n');
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] multipart(String boundary, byte[] file) {
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"Connections.csv\"\r\n"
                       + "Content-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + file.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(file, 0, body, head.length, file.length);
        System.arraycopy(tail, 0, body, head.length + file.length, tail.length);
        return body;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
