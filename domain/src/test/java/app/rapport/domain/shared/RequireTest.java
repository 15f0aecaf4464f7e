package app.rapport.domain.shared;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RequireTest {

    private static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");

    @Test
    void optionalTextIsTrimmedAndBlankMeansAbsent() {
        assertThat(Require.optionalText("title", "  Engineer ", 20)).isEqualTo("Engineer");
        assertThat(Require.optionalText("title", "   ", 20)).isNull();
        assertThat(Require.optionalText("title", null, 20)).isNull();
    }

    @Test
    void aTimeWithinTheClockSkewIsNotTheFuture() {
        assertThat(Require.notInFuture("at", NOW.plus(DomainClock.CLOCK_SKEW), NOW)).isNotNull();
        assertThatThrownBy(() -> Require.notInFuture("at", NOW.plus(DomainClock.CLOCK_SKEW).plus(Duration.ofSeconds(1)), NOW))
                .isInstanceOf(InvalidInput.class)
                .hasMessageStartingWith("at must not be in the future");
    }

    @Test
    void messagesNameTheFieldAndTheRuleButNeverEchoTheText() {
        assertThatThrownBy(() -> Require.texts("tags", List.of("fine", "x".repeat(60)), 10, 50))
                .isInstanceOf(InvalidInput.class)
                .hasMessage("tags[1] must be at most 50 characters, was 60");
        assertThatThrownBy(() -> Require.between("requestedMinutes", 90, 5, 60))
                .hasMessage("requestedMinutes must be between 5 and 60, was 90");
    }
}
