package app.rapport.application.messaging;

import app.rapport.domain.shared.OwnerId;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** Background work of one owner gives way only while someone else has been using the server within a few seconds. */
class RecentCallersTest {

    static final OwnerId MAYA = new OwnerId("maya");
    static final OwnerId BEN = new OwnerId("ben");

    final AtomicLong now = new AtomicLong(1_000_000_000L);
    final RecentCallers callers = new RecentCallers(now::get);

    @Test
    void anOwnerAloneOnTheServerHasNoOneElseToGiveWayTo() {
        assertThat(callers.anyoneBut(MAYA)).isFalse();
        callers.saw(MAYA);

        assertThat(callers.anyoneBut(MAYA)).isFalse();
        assertThat(callers.anyoneBut(BEN)).as("Maya is someone else for Ben's work").isTrue();
    }

    @Test
    void someoneElseCountsUntilTheirLastRequestIsAFewSecondsOld() {
        callers.saw(MAYA);
        callers.saw(BEN);
        assertThat(callers.anyoneBut(MAYA)).isTrue();

        now.addAndGet(RecentCallers.RECENT.toNanos());
        assertThat(callers.anyoneBut(MAYA)).as("exactly as old as the window").isTrue();

        now.addAndGet(1);
        assertThat(callers.anyoneBut(MAYA)).isFalse();

        callers.saw(BEN);
        assertThat(callers.anyoneBut(MAYA)).as("Ben is back").isTrue();
    }
}
