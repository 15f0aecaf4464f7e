package app.rapport.plugins.calendar;

import app.rapport.plugin.testkit.RapportExtension;
import app.rapport.plugin.testkit.RapportSettings;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Calendar sync against Radicale. */
@ExtendWith(RapportExtension.class)
@RapportSettings({"--rapport.plugins.calendar-sync.allow-private-addresses=true",
                  "--rapport.plugins.calendar-sync.interval=1h",
                  "--logging.file.name=target/calendar-sync-test.log"})
class RadicaleCalendarSyncTest extends CalendarSyncContract {

    @RegisterExtension
    static final RunningCalDav CALENDARS = RunningCalDav.radicale();

    @Override
    CalDavServer calendars() {
        return CALENDARS.server();
    }
}
