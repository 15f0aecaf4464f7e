package app.rapport.application.messaging;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WriteAdmissionTest {

    @Test
    void writes_past_the_running_and_waiting_limits_are_refused_without_running() throws Exception {
        WriteAdmission admission = new WriteAdmission(2, 3, Duration.ofSeconds(5), Duration.ZERO);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger ran = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(8);
        List<Future<String>> writes = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            writes.add(clients.submit(() -> admission.admit("user:a", () -> {
                ran.incrementAndGet();
                await(release);
                return "stored";
            })));
            Thread.sleep(20);
        }
        int refused = 0;
        for (Future<String> write : writes.subList(5, 8)) {
            try {
                write.get(1, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                assertThat(e.getCause()).isInstanceOf(WriteAdmission.TooBusy.class);
                refused++;
            }
        }
        assertThat(refused).as("beyond 2 running and 3 waiting").isEqualTo(3);
        assertThat(ran.get()).as("only the running ones started").isEqualTo(2);
        release.countDown();
        for (Future<String> write : writes.subList(0, 5)) {
            assertThat(write.get(5, TimeUnit.SECONDS)).isEqualTo("stored");
        }
        assertThat(ran.get()).isEqualTo(5);
        clients.shutdown();
    }

    @Test
    void another_actor_is_not_held_up_by_a_busy_one() throws Exception {
        WriteAdmission admission = new WriteAdmission(1, 10, Duration.ofSeconds(5), Duration.ZERO);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService clients = Executors.newFixedThreadPool(4);
        for (int i = 0; i < 3; i++) {
            clients.submit(() -> admission.admit("user:busy", () -> await(release)));
        }
        Thread.sleep(50);
        long started = System.nanoTime();
        assertThat(admission.admit("user:other", () -> "stored")).isEqualTo("stored");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
        release.countDown();
        clients.shutdown();
    }

    @Test
    void a_write_that_waits_longer_than_allowed_is_refused_and_frees_its_place() throws Exception {
        WriteAdmission admission = new WriteAdmission(1, 1, Duration.ofMillis(100), Duration.ofSeconds(5));
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService clients = Executors.newSingleThreadExecutor();
        clients.submit(() -> admission.admit("user:a", () -> await(release)));
        Thread.sleep(30);
        assertThatThrownBy(() -> admission.admit("user:a", () -> "never"))
                .isInstanceOf(WriteAdmission.TooBusy.class)
                .hasMessageContaining("nothing was saved");
        release.countDown();
        clients.shutdown();
        clients.awaitTermination(5, TimeUnit.SECONDS);
        assertThat(admission.admit("user:a", () -> "stored")).isEqualTo("stored");
    }

    @Test
    void a_write_refused_for_a_full_queue_is_answered_after_the_delay_and_holds_no_place_meanwhile() throws Exception {
        WriteAdmission admission = new WriteAdmission(1, 0, Duration.ofSeconds(5), Duration.ofSeconds(2));
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService running = Executors.newSingleThreadExecutor();
        Future<Object> first = running.submit(() -> admission.admit("user:a", () -> await(release)));
        Thread.sleep(30);
        Thread[] refusedThread = new Thread[1];
        ExecutorService refusing = Executors.newSingleThreadExecutor(task -> refusedThread[0] = new Thread(task));
        long started = System.nanoTime();
        Future<Object> refused = refusing.submit(() -> admission.admit("user:a", () -> "never"));
        while (!refused.isDone() && (refusedThread[0] == null || refusedThread[0].getState() != Thread.State.TIMED_WAITING)) {
            Thread.sleep(5); // until the refused write is in its delay
        }
        release.countDown();
        first.get(5, TimeUnit.SECONDS);
        assertThat(admission.admit("user:a", () -> "stored")).as("the refused write keeps no place").isEqualTo("stored");
        assertThat(refused).as("answered only after the delay").isNotDone();
        assertThatThrownBy(() -> refused.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(WriteAdmission.TooBusy.class);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
        running.shutdown();
        refusing.shutdown();
    }

    private static Object await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return null;
    }
}
