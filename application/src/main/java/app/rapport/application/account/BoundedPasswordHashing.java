package app.rapport.application.account;

import app.rapport.application.messaging.WriteAdmission.TooBusy;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Hashes at most as many passwords at once as there are processors. Each Argon2id hash takes 19 MiB of memory and
 * a processor for tens of milliseconds, so a burst of sign-ups or sign-ins would otherwise exhaust the heap; past
 * the limit they wait their turn, and past {@code longestWait} they are refused as busy.
 */
final class BoundedPasswordHashing implements PasswordEncoder {

    private final PasswordEncoder hashing;
    private final Semaphore slots;
    private final Duration longestWait;

    BoundedPasswordHashing(PasswordEncoder hashing, int atOnce, Duration longestWait) {
        this.hashing = hashing;
        this.slots = new Semaphore(atOnce, true);
        this.longestWait = longestWait;
    }

    @Override
    public String encode(CharSequence rawPassword) {
        acquire();
        try {
            return hashing.encode(rawPassword);
        } finally {
            slots.release();
        }
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        acquire();
        try {
            return hashing.matches(rawPassword, encodedPassword);
        } finally {
            slots.release();
        }
    }

    private void acquire() {
        try {
            if (slots.tryAcquire(longestWait.toNanos(), TimeUnit.NANOSECONDS)) {
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new TooBusy("The server is busy checking passwords; nothing was changed. Try again in "
                                  + Math.max(1, longestWait.toSeconds()) + " s", longestWait);
    }
}
