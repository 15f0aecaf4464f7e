package app.rapport.application.account;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SignInThrottleTest {

    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-26T12:00:00Z"));
    private final SignInThrottle throttle = new SignInThrottle(clock);

    @Test
    void afterAFewFailuresForAnAccountEachTryWaitsTwiceAsLong() {
        for (int i = 0; i < SignInThrottle.FREE_PER_ACCOUNT; i++) {
            throttle.attempt("ann@example.org", "192.0.2.1");
        }
        assertThatThrownBy(() -> throttle.attempt("ann@example.org", "198.51.100.7"))
                .isInstanceOfSatisfying(TooManySignIns.class, busy -> assertThat(busy.retryAfter()).isEqualTo(Duration.ofSeconds(1)));

        later(Duration.ofSeconds(1));
        throttle.attempt("ann@example.org", "192.0.2.1");
        assertThatThrownBy(() -> throttle.attempt("ann@example.org", "192.0.2.1"))
                .isInstanceOfSatisfying(TooManySignIns.class, busy -> assertThat(busy.retryAfter()).isEqualTo(Duration.ofSeconds(2)));
        assertThatCode(() -> throttle.attempt("bo@example.org", "192.0.2.1")).as("another account").doesNotThrowAnyException();
    }

    @Test
    void theWaitStopsAtFifteenMinutesAndFailuresAreForgottenAfterAnHour() {
        for (int i = 0; i < 40; i++) {
            later(Duration.ofMinutes(16));
            throttle.attempt("ann@example.org", null);
        }
        assertThatThrownBy(() -> throttle.attempt("ann@example.org", null))
                .isInstanceOfSatisfying(TooManySignIns.class, busy -> assertThat(busy.retryAfter()).isEqualTo(Duration.ofMinutes(15)));

        later(Duration.ofMinutes(61));
        assertThatCode(() -> throttle.attempt("ann@example.org", null)).doesNotThrowAnyException();
    }

    @Test
    void oneAddressTryingManyAccountsIsSlowedToo() {
        for (int i = 0; i < SignInThrottle.FREE_PER_ADDRESS; i++) {
            throttle.attempt("person" + i + "@example.org", "203.0.113.9");
        }
        assertThatThrownBy(() -> throttle.attempt("someone.else@example.org", "203.0.113.9")).isInstanceOf(TooManySignIns.class);
        assertThatCode(() -> throttle.attempt("someone.else@example.org", "192.0.2.1")).doesNotThrowAnyException();
    }

    @Test
    void aSuccessForgetsTheAccountsFailuresButNotTheGuessersAddress() {
        for (int i = 0; i < SignInThrottle.FREE_PER_ACCOUNT - 1; i++) {
            throttle.attempt("ann@example.org", "192.0.2.1");
        }
        throttle.attempt("ann@example.org", "192.0.2.1");
        throttle.succeeded("ann@example.org", "192.0.2.1");

        for (int i = 0; i < SignInThrottle.FREE_PER_ACCOUNT; i++) {
            throttle.attempt("ann@example.org", "192.0.2.1");
        }
        assertThatThrownBy(() -> throttle.attempt("ann@example.org", "192.0.2.1")).isInstanceOf(TooManySignIns.class);
    }

    @Test
    void aPersonSigningInOftenFromOneAddressIsNeverSlowed() {
        for (int i = 0; i < 3 * SignInThrottle.FREE_PER_ADDRESS; i++) {
            throttle.attempt("ann@example.org", "192.0.2.1");
            throttle.succeeded("ann@example.org", "192.0.2.1");
        }
        assertThatCode(() -> throttle.attempt("ann@example.org", "192.0.2.1")).doesNotThrowAnyException();
    }

    @Test
    void refusedSignUpsFromOneAddressAreRationedButAccountsMadeAreNot() {
        for (int i = 0; i < 3 * SignInThrottle.FREE_PER_ADDRESS; i++) {
            throttle.attemptSignUp("192.0.2.1");
            throttle.signedUp("192.0.2.1");
        }
        for (int i = 0; i < SignInThrottle.FREE_PER_ADDRESS; i++) {
            throttle.attemptSignUp("192.0.2.1");
        }
        assertThatThrownBy(() -> throttle.attemptSignUp("192.0.2.1")).isInstanceOf(TooManySignIns.class);
        assertThatCode(() -> throttle.attemptSignUp("198.51.100.7")).doesNotThrowAnyException();
    }

    private void later(Duration duration) {
        clock.advance(duration);
    }
}
