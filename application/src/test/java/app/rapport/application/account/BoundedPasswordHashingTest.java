package app.rapport.application.account;

import app.rapport.application.messaging.WriteAdmission.TooBusy;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BoundedPasswordHashingTest {

    /** Hashes slowly and remembers how many hashes ran at the same time at most. */
    private static final class SlowHashing implements PasswordEncoder {
        final AtomicInteger running = new AtomicInteger();
        final AtomicInteger mostAtOnce = new AtomicInteger();
        final CountDownLatch release;

        SlowHashing(CountDownLatch release) {
            this.release = release;
        }

        @Override
        public String encode(CharSequence raw) {
            mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
                release.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            running.decrementAndGet();
            return "hash:" + raw;
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            return encode(raw).equals(encoded);
        }
    }

    @Test
    void no_more_hashes_run_at_once_than_allowed_and_the_others_wait_their_turn() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        SlowHashing slow = new SlowHashing(release);
        PasswordEncoder bounded = new BoundedPasswordHashing(slow, 2, Duration.ofSeconds(5));
        ExecutorService signUps = Executors.newFixedThreadPool(8);
        List<Future<String>> hashes = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String password = "password " + i;
            hashes.add(signUps.submit(() -> bounded.encode(password)));
        }
        Thread.sleep(100);
        release.countDown();
        for (int i = 0; i < 8; i++) {
            assertThat(hashes.get(i).get(5, TimeUnit.SECONDS)).isEqualTo("hash:password " + i);
        }
        signUps.shutdown();
        assertThat(slow.mostAtOnce.get()).isEqualTo(2);
    }

    @Test
    void a_hash_that_waits_longer_than_allowed_is_refused_as_busy() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        PasswordEncoder bounded = new BoundedPasswordHashing(new SlowHashing(release), 1, Duration.ofMillis(100));
        ExecutorService signUps = Executors.newSingleThreadExecutor();
        signUps.submit(() -> bounded.encode("first"));
        Thread.sleep(30);
        assertThatThrownBy(() -> bounded.matches("second", "hash:second"))
                .isInstanceOf(TooBusy.class)
                .hasMessageContaining("busy checking passwords");
        release.countDown();
        signUps.shutdown();
    }
}
