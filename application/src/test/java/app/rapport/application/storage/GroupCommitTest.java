package app.rapport.application.storage;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GroupCommitTest {

    /** A store whose commits take a while and make durable everything written before they began. */
    private static final class SlowStore {
        final AtomicLong written = new AtomicLong();
        final AtomicLong durable = new AtomicLong();
        final AtomicInteger commits = new AtomicInteger();

        void commit() {
            long upTo = written.get();
            commits.incrementAndGet();
            sleep(5);
            durable.accumulateAndGet(upTo, Math::max);
        }
    }

    @Test
    void every_append_is_acknowledged_only_after_a_commit_that_covers_it() throws Exception {
        SlowStore store = new SlowStore();
        GroupCommit durability = new GroupCommit(store::commit);
        ExecutorService writers = Executors.newFixedThreadPool(16);
        List<Future<Boolean>> acknowledged = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            acknowledged.add(writers.submit(() -> {
                long mine = store.written.incrementAndGet();
                durability.makeDurable();
                return store.durable.get() >= mine;
            }));
        }
        for (Future<Boolean> append : acknowledged) {
            assertThat(append.get(10, TimeUnit.SECONDS)).as("durable when acknowledged").isTrue();
        }
        writers.shutdown();
        assertThat(store.commits.get()).as("overlapping appends share commits").isLessThan(400 / 2);
        assertThat(durability.commits()).isEqualTo(store.commits.get());
    }

    @Test
    void appends_one_after_another_each_get_their_own_commit() {
        SlowStore store = new SlowStore();
        GroupCommit durability = new GroupCommit(store::commit);
        for (int i = 0; i < 5; i++) {
            store.written.incrementAndGet();
            durability.makeDurable();
            assertThat(store.durable.get()).isEqualTo(i + 1);
        }
        assertThat(store.commits.get()).isEqualTo(5);
    }

    @Test
    void a_failed_commit_acknowledges_nobody_and_the_next_append_commits_again() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        CountDownLatch failing = new CountDownLatch(1);
        GroupCommit durability = new GroupCommit(() -> {
            if (attempts.incrementAndGet() == 1) {
                failing.countDown();
                sleep(20);
                throw new IllegalStateException("disk full");
            }
        });
        ExecutorService writers = Executors.newFixedThreadPool(2);
        Future<?> leader = writers.submit(durability::makeDurable);
        failing.await();
        Future<?> waiter = writers.submit(durability::makeDurable);
        assertThatThrownBy(() -> leader.get(5, TimeUnit.SECONDS)).hasRootCauseMessage("disk full");
        waiter.get(5, TimeUnit.SECONDS);
        writers.shutdown();
        assertThat(attempts.get()).as("the waiter committed for itself").isEqualTo(2);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
