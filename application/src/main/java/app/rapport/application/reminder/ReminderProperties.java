package app.rapport.application.reminder;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * When reminders fall due and how often they are looked for.
 *
 * @param nudgeAfter    how long a request may go unanswered before a nudge is due ({@code rapport.reminders.nudge-after},
 *                      default {@code 7d}); it applies to requests scheduled after a change (and to all on a rebuild)
 * @param sweepInterval how often the sweeper fires what fell due ({@code rapport.reminders.sweep-interval}, default
 *                      {@code 1m}): a reminder fires at most this long after its time
 */
@ConfigurationProperties("rapport.reminders")
public record ReminderProperties(Duration nudgeAfter, Duration sweepInterval) {

    public static final Duration DEFAULT_NUDGE_AFTER = Duration.ofDays(7);
    public static final Duration DEFAULT_SWEEP_INTERVAL = Duration.ofMinutes(1);

    public ReminderProperties {
        nudgeAfter = nudgeAfter == null ? DEFAULT_NUDGE_AFTER : nudgeAfter;
        sweepInterval = sweepInterval == null ? DEFAULT_SWEEP_INTERVAL : sweepInterval;
        if (nudgeAfter.isNegative() || nudgeAfter.isZero()) {
            throw new IllegalArgumentException("rapport.reminders.nudge-after must be positive, was " + nudgeAfter);
        }
        if (sweepInterval.isNegative() || sweepInterval.isZero()) {
            throw new IllegalArgumentException("rapport.reminders.sweep-interval must be positive, was " + sweepInterval);
        }
    }

    public static ReminderProperties defaults() {
        return new ReminderProperties(null, null);
    }
}
