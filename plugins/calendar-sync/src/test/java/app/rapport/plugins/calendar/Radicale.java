package app.rapport.plugins.calendar;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Radicale (Debian package {@code python3-radicale}), with one account whose password it checks (htpasswd). */
final class Radicale extends CalDavServer {

    Radicale(Path home) throws IOException {
        super(home);
        Files.createDirectories(home.resolve("collections"));
        Files.writeString(home.resolve("users"), USER + ":" + PASSWORD + "\n");
        start();
    }

    /** Whether Radicale can be started here; where not, its tests skip with a note. */
    static boolean installed() {
        return runs(PYTHON, "-c", "import radicale");
    }

    @Override
    List<String> command() {
        return List.of(PYTHON, "-m", "radicale", "--config", "",
                       "--server-hosts", "127.0.0.1:" + port,
                       "--auth-type", "htpasswd", "--auth-htpasswd-filename", home.resolve("users").toString(),
                       "--auth-htpasswd-encryption", "plain",
                       "--storage-filesystem-folder", home.resolve("collections").toString(),
                       "--logging-level", "warning");
    }

    @Override
    String calendarHome() {
        return "/" + USER + "/";
    }

    @Override
    boolean checksPasswords() {
        return true;
    }
}
