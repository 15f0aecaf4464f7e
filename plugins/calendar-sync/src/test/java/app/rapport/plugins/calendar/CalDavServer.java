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
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real CalDAV server for the tests, on a free loopback port, with its storage in a directory of the test. Stopped
 * and started again on the same port and storage, like a server that goes down for a while.
 */
abstract class CalDavServer implements AutoCloseable {

    static final String USER = "maya";
    static final String PASSWORD = "correct horse battery staple 7f3a";
    static final String PYTHON = "/usr/bin/python3";

    protected final Path home;
    protected final int port;
    private HttpClient http;
    private Process process;

    CalDavServer(Path home) throws IOException {
        this.home = home;
        try (ServerSocket free = new ServerSocket(0)) {
            this.port = free.getLocalPort();
        }
    }

    /** The command that runs the server in the foreground. */
    abstract List<String> command();

    /** Where the account's calendars are made, e.g. {@code /maya/}. */
    abstract String calendarHome();

    /** Whether the server checks the password (one behind a proxy that signs in leaves it to the proxy). */
    abstract boolean checksPasswords();

    static boolean runs(String... probe) {
        try {
            Process started = new ProcessBuilder(probe).redirectErrorStream(true).start();
            return started.waitFor(20, TimeUnit.SECONDS) && started.exitValue() == 0;
        } catch (IOException | InterruptedException notThere) {
            return false;
        }
    }

    void start() throws IOException {
        http = HttpClient.newHttpClient(); // none of the connections kept alive to the server's last run
        process = new ProcessBuilder(command())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("server.log").toFile()))
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
        throw new IllegalStateException(getClass().getSimpleName() + " did not start; see " + home.resolve("server.log"));
    }

    void stop() throws InterruptedException {
        process.destroy();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    /** A new, empty calendar collection of the account, with a trailing slash. */
    URI newCalendar(String name) {
        URI calendar = URI.create("http://127.0.0.1:" + port + calendarHome() + name + "/");
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
            try {
                return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException closedMeanwhile) {
                // The server may close a kept-alive connection just as the next request goes out on it.
                return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            }
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
