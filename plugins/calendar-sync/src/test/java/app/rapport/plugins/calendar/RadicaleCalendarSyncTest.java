package app.rapport.plugins.calendar;

import app.rapport.plugin.testkit.RapportExtension;
import app.rapport.plugin.testkit.RapportSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Calendar sync against Radicale. */
@ExtendWith(RapportExtension.class)
@RapportSettings({"--rapport.plugins.calendar-sync.allow-private-addresses=true",
                  "--rapport.plugins.calendar-sync.interval=1h",
                  "--logging.file.name=target/calendar-sync-test.log"})
class RadicaleCalendarSyncTest extends CalendarSyncContract {

    @TempDir
    static Path home;
    static Radicale server;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(Radicale.installed(), "Radicale is not installed (Debian package python3-radicale; .ci/run installs it): its CalDAV tests are skipped");
        server = new Radicale(home);
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Override
    CalDavServer calendars() {
        return server;
    }
}
