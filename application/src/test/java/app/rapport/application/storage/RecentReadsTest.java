package app.rapport.application.storage;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class RecentReadsTest {

    private final AtomicLong nanos = new AtomicLong();
    private final RecentReads<String, String> reads = new RecentReads<>(Duration.ofSeconds(1), 3, nanos::get);
    private final List<String> storeReads = new ArrayList<>();

    private String read(String key) {
        storeReads.add(key);
        return key.equals("nobody") ? null : key + "@" + storeReads.size();
    }

    @Test
    void aReadIsKeptForItsTimeAndNoLonger() {
        assertThat(reads.get("ann", this::read)).isEqualTo("ann@1");
        nanos.addAndGet(Duration.ofSeconds(1).toNanos() - 1);
        assertThat(reads.get("ann", this::read)).isEqualTo("ann@1");
        nanos.addAndGet(1);
        assertThat(reads.get("ann", this::read)).isEqualTo("ann@2");
    }

    @Test
    void aChangeIsSeenByTheNextReadAndNothingFoundIsNotKept() {
        reads.get("ann", this::read);
        reads.get("bo", this::read);
        reads.changed("ann");
        assertThat(reads.get("ann", this::read)).isEqualTo("ann@3");
        assertThat(reads.get("bo", this::read)).as("another key keeps its read").isEqualTo("bo@2");
        reads.changedAll();
        assertThat(reads.get("bo", this::read)).isEqualTo("bo@4");

        assertThat(reads.get("nobody", this::read)).isNull();
        assertThat(reads.get("nobody", this::read)).isNull();
        assertThat(storeReads).containsExactly("ann", "bo", "ann", "bo", "nobody", "nobody");
    }

    @Test
    void aReadDuringWhichSomethingChangedIsNotKept() {
        assertThat(reads.get("ann", key -> {
            reads.changed("ann"); // another thread's change, stored while this read was under way
            return read(key);
        })).isEqualTo("ann@1");
        assertThat(reads.get("ann", this::read)).as("read again: the first may be older than the change").isEqualTo("ann@2");
    }

    @Test
    void pastItsCapacityEverythingIsDroppedAtOnce() {
        for (String key : List.of("a", "b", "c", "d")) {
            reads.get(key, this::read);
        }
        reads.get("a", this::read);
        assertThat(storeReads).containsExactly("a", "b", "c", "d", "a");
    }
}
