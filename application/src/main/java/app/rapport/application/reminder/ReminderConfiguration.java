package app.rapport.application.reminder;

import app.rapport.application.ViewProcessing;
import app.rapport.application.storage.Store;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ConfigurerModule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The reminders: the schedule's processor and the sweeper, which runs every {@code rapport.reminders.sweep-interval}
 * from the moment the server has started until it stops.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReminderProperties.class)
public class ReminderConfiguration {

    /**
     * One segment from the tail, so a new server files every reminder from the first event; a failure stops the
     * processor and is retried rather than skipped. Not named {@code -views}: mutations do not wait for it.
     */
    @Bean
    ConfigurerModule reminderScheduleProcessor() {
        String name = ReminderScheduleProjection.PROCESSING_GROUP;
        return configurer -> ViewProcessing.registerInOrder(configurer.eventProcessing(), name);
    }

    @Bean
    ReminderSweeper reminderSweeper(Store store, CommandGateway commands) {
        return new ReminderSweeper(store, commands);
    }

    @Bean
    SmartLifecycle reminderSweeping(ReminderSweeper sweeper, ReminderProperties properties) {
        return new Sweeping(sweeper, properties.sweepInterval());
    }

    /** Sweeps on one daemon thread; started last and stopped first, while commands can still be handled. */
    static final class Sweeping implements SmartLifecycle {

        private static final Logger log = LoggerFactory.getLogger(Sweeping.class);

        private final ReminderSweeper sweeper;
        private final Duration interval;
        private ScheduledExecutorService executor;

        Sweeping(ReminderSweeper sweeper, Duration interval) {
            this.sweeper = sweeper;
            this.interval = interval;
        }

        @Override
        public synchronized void start() {
            executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "reminder-sweeper");
                thread.setDaemon(true);
                return thread;
            });
            long millis = Math.max(1, interval.toMillis());
            executor.scheduleWithFixedDelay(this::sweep, millis, millis, TimeUnit.MILLISECONDS);
        }

        private void sweep() {
            try {
                ReminderSweeper.Sweep sweep = sweeper.sweep();
                if (sweep.fired() + sweep.refused() + sweep.failed() > 0) {
                    log.info("Reminders: {} fired, {} skipped, {} to retry", sweep.fired(), sweep.refused(), sweep.failed());
                }
            } catch (RuntimeException e) {
                // the store may be away for a moment; the next sweep goes on from the stored mark
                log.warn("Reminder sweep failed, trying again in {}: {}", interval, e.toString());
            }
        }

        @Override
        public synchronized void stop() {
            if (executor != null) {
                executor.shutdownNow();
                try {
                    executor.awaitTermination(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                executor = null;
            }
        }

        @Override
        public synchronized boolean isRunning() {
            return executor != null;
        }
    }
}
