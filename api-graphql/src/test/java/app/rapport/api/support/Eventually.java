package app.rapport.api.support;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** For what the server does asynchronously: asks again until the answer is the expected one or time is up. */
public final class Eventually {

    public static final Duration DEADLINE = Duration.ofSeconds(15);

    private static final long PAUSE_MILLIS = 50;

    private Eventually() {
    }

    /** The first answer that is {@code done}, or the last one when the deadline passed, for the caller to assert on. */
    public static <T> T poll(Supplier<T> ask, Predicate<T> done) {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        T answer = ask.get();
        while (!done.test(answer) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(PAUSE_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting", e);
            }
            answer = ask.get();
        }
        return answer;
    }
}
