package app.rapport.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The packaged server, started as a user starts it, in a JVM of its own, on a fresh data directory. */
final class ServerProcess implements AutoCloseable {

    final Process process;
    final Path dataDir;
    final int port;
    final Duration startUp;

    private ServerProcess(Process process, Path dataDir, int port, Duration startUp) {
        this.process = process;
        this.dataDir = dataDir;
        this.port = port;
        this.startUp = startUp;
    }

    /** @param jvmOptions the file of JVM settings the README's command uses ({@code api-graphql/jvm.options}) */
    static ServerProcess start(Path jar, Path jvmOptions, Path dataDir, int port, Path log, String... settings)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                                                       "@" + jvmOptions.toAbsolutePath()));
        command.addAll(List.of("-jar", jar.toString(), "--server.port=" + port, "--rapport.data-dir=" + dataDir));
        command.addAll(List.of(settings));
        long started = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        HttpClient http = HttpClient.newHttpClient();
        URI health = URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness");
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The server stopped while starting; see " + log);
            }
            try {
                if (http.send(HttpRequest.newBuilder(health).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return new ServerProcess(process, dataDir, port, Duration.ofNanos(System.nanoTime() - started));
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        process.destroyForcibly();
        throw new IllegalStateException("The server did not become ready within 2 minutes; see " + log);
    }

    URI health() {
        return URI.create("http://127.0.0.1:" + port + "/actuator/health");
    }

    URI graphQl() {
        return URI.create("http://127.0.0.1:" + port + "/graphql");
    }

    /** Resident memory of the server's process, from /proc (Linux), or -1 where that cannot be read. */
    long residentBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    /**
     * The seconds the server's JIT compilers have worked since it started ({@code jstat -compiler}), or NaN where that
     * cannot be read. On two cores they take one for minutes after a start, so every figure says how much of them it had.
     */
    double compilerSeconds() {
        Path jstat = Path.of(System.getProperty("java.home"), "bin", "jstat");
        try {
            Process jstatProcess = new ProcessBuilder(jstat.toString(), "-compiler", Long.toString(process.pid()))
                    .redirectErrorStream(true).start();
            List<String> lines = new String(jstatProcess.getInputStream().readAllBytes()).lines().toList();
            jstatProcess.waitFor();
            // Compiled Failed Invalid Time FailedType FailedMethod
            return Double.parseDouble(lines.get(1).trim().split("\\s+")[3]);
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Double.NaN;
        }
    }

    long diskBytes() throws IOException {
        return bytesIn(dataDir);
    }

    /** The size of every file under the directory. */
    static long bytesIn(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).mapToLong(file -> file.toFile().length()).sum();
        }
    }

    /** Stops the server as a service manager would (SIGTERM), letting it shut down in order. */

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
