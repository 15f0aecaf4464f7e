package app.rapport.application.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Slows down guessing: after a few failed sign-ins for one account, or many from one client address, each further
 * try waits longer (1 s, 2 s, 4 s … up to 15 minutes), and while it waits even the right password is refused.
 * An attempt counts when it starts, so tries sent in parallel are counted too. A success forgets the account's
 * failures and takes back its own count from the address (but not the address's failures: signing in to one's own
 * account must not reset a guesser). Failures older than an hour are forgotten.
 * <p>
 * Kept in this server's memory: with several servers, each slows guessing on its own, which multiplies an
 * attacker's allowance by their number but keeps the back-off.
 */
final class SignInThrottle {

    static final int FREE_PER_ACCOUNT = 5;
    static final int FREE_PER_ADDRESS = 20;
    private static final Duration LONGEST = Duration.ofMinutes(15);
    private static final Duration FORGOTTEN_AFTER = Duration.ofHours(1);
    private static final int MOST_REMEMBERED = 100_000;

    private record Tries(int count, Instant last) {
    }

    private final Clock clock;
    private final Map<String, Tries> tries = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Tries> eldest) {
            return size() > MOST_REMEMBERED;
        }
    };

    SignInThrottle(Clock clock) {
        this.clock = clock;
    }

    /**
     * Counts an attempt for the account and the address.
     *
     * @throws TooManySignIns when either must wait first; the attempt is then not counted
     */
    synchronized void attempt(String account, String address) {
        Instant now = clock.instant();
        Duration wait = max(waitFor("account:" + account, FREE_PER_ACCOUNT, now),
                            address == null ? Duration.ZERO : waitFor("address:" + address, FREE_PER_ADDRESS, now));
        if (!wait.isZero()) {
            throw new TooManySignIns(wait);
        }
        count("account:" + account, now);
        if (address != null) {
            count("address:" + address, now);
        }
    }

    /**
     * Counts a sign-up from the address: answers that an email is taken tell who has an account, so they are
     * rationed like failed sign-ins. A sign-up that makes an account takes its count back.
     */
    synchronized void attemptSignUp(String address) {
        if (address == null) {
            return;
        }
        Instant now = clock.instant();
        Duration wait = waitFor("sign-up:" + address, FREE_PER_ADDRESS, now);
        if (!wait.isZero()) {
            throw new TooManySignIns(wait);
        }
        count("sign-up:" + address, now);
    }

    synchronized void signedUp(String address) {
        if (address != null) {
            takeBackOne("sign-up:" + address);
        }
    }

    synchronized void succeeded(String account, String address) {
        tries.remove("account:" + account);
        if (address != null) {
            takeBackOne("address:" + address);
        }
    }

    /** An attempt that went well no longer counts against its key. */
    private void takeBackOne(String key) {
        Tries known = tries.get(key);
        if (known != null) {
            tries.put(key, new Tries(Math.max(0, known.count() - 1), known.last()));
        }
    }

    private Duration waitFor(String key, int free, Instant now) {
        Tries known = current(key, now);
        if (known == null || known.count() < free) {
            return Duration.ZERO;
        }
        long doublings = Math.min(20, known.count() - free);
        Duration backOff = Duration.ofSeconds(1L << doublings);
        Instant until = known.last().plus(backOff.compareTo(LONGEST) > 0 ? LONGEST : backOff);
        return until.isAfter(now) ? Duration.between(now, until) : Duration.ZERO;
    }

    private void count(String key, Instant now) {
        Tries known = current(key, now);
        tries.put(key, new Tries(known == null ? 1 : known.count() + 1, now));
    }

    private Tries current(String key, Instant now) {
        Tries known = tries.get(key);
        if (known != null && known.last().plus(FORGOTTEN_AFTER).isBefore(now)) {
            tries.remove(key);
            return null;
        }
        return known;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
