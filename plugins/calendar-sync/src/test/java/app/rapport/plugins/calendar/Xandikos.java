package app.rapport.plugins.calendar;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Xandikos (Debian package {@code xandikos}), a git-backed CalDAV server with its own ways: ETags from git, sync
 * tokens it refuses with a 500 when unknown. It leaves signing in to a proxy, so any password passes.
 */
final class Xandikos extends CalDavServer {

    Xandikos(Path home) throws IOException {
        super(home);
        Files.createDirectories(home.resolve("data"));
        start();
    }

    /** Whether Xandikos can be started here; where not, its tests skip with a note. */
    static boolean installed() {
        return Files.isExecutable(Path.of("/usr/bin/xandikos")) && runs(PYTHON, "-c", "import xandikos");
    }

    @Override
    List<String> command() {
        return List.of("/usr/bin/xandikos", "--defaults", "-d", home.resolve("data").toString(), "-l", "127.0.0.1", "-p", Integer.toString(port));
    }

    @Override
    String calendarHome() {
        return "/user/calendars/";
    }

    @Override
    boolean checksPasswords() {
        return false;
    }
}
