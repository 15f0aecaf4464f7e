package app.rapport.plugins.calendar;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.TimeUnit;

/**
 * A real CalDAV server for the tests: Radicale (Debian package {@code python3-radicale}) on a free loopback port,
 * with one account whose password is checked (htpasswd). Stopped and started again on the same port and storage,
 * like a server that goes down for a while.
 */
final class Radicale implements AutoCloseable {

    static final String USER = "maya";
    static final String PASSWORD = "correct horse battery staple 7f3a";
    private static final String PYTHON = "/usr/bin/python3";

    private final Path home;
    private final int port;
    private final HttpClient http = HttpClient.newHttpClient();
    private Process process;

    /** Whether Radicale can be started here; where not, the tests skip with a note. */
    static boolean installed() {
        try {
            Process probe = new ProcessBuilder(PYTHON, "-c", "import radicale").redirectErrorStream(true).start();
            return probe.waitFor(20, TimeUnit.SECONDS) && probe.exitValue() == 0;
        } catch (IOException | InterruptedException notThere) {
            return false;
        }
    }

    Radicale(Path home) throws IOException {
        this.home = home;
        try (ServerSocket free = new ServerSocket(0)) {
            this.port = free.getLocalPort();
        }
        Files.createDirectories(home.resolve("collections"));
        Files.writeString(home.resolve("users"), USER + ":" + PASSWORD + "\n");
        start();
    }

    void start() throws IOException {
        process = new ProcessBuilder(PYTHON, "-m", "radicale", "--config", "",
                                     "--server-hosts", "127.0.0.1:" + port,
                                     "--auth-type", "htpasswd", "--auth-htpasswd-filename", home.resolve("users").toString(),
                                     "--auth-htpasswd-encryption", "plain",
                                     "--storage-filesystem-folder", home.resolve("collections").toString(),
                                     "--logging-level", "warning")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("radicale.log").toFile()))
                .start();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                sleep(50);
            }
        }
        throw new IllegalStateException("Radicale did not start; see " + home.resolve("radicale.log"));
    }

    void stop() throws InterruptedException {
        process.destroy();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    /** A new, empty calendar collection of the account, with a trailing slash. */
    URI newCalendar(String name) {
        URI calendar = URI.create("http://127.0.0.1:" + port + "/" + USER + "/" + name + "/");
        HttpResponse<String> made = send("MKCALENDAR", calendar, null, null);
        if (made.statusCode() != 201) {
            throw new IllegalStateException("MKCALENDAR answered " + made.statusCode() + ": " + made.body());
        }
        return calendar;
    }

    HttpResponse<String> get(URI resource) {
        return send("GET", resource, null, null);
    }

    HttpResponse<String> put(URI resource, String ics, String ifMatch) {
        return send("PUT", resource, ics, ifMatch);
    }

    HttpResponse<String> delete(URI resource) {
        return send("DELETE", resource, null, null);
    }

    private HttpResponse<String> send(String method, URI uri, String body, String ifMatch) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "text/calendar; charset=utf-8");
        }
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
