package app.rapport.application.account;

import app.rapport.application.storage.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Accounts and sign-in, in the store Rapport is connected to. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AuthProperties.class)
public class AccountConfiguration {

    private static final Logger log = LoggerFactory.getLogger(AccountConfiguration.class);

    @Bean
    AccountService accountService(Store store, AuthProperties properties, ObjectProvider<Clock> clock) {
        return new AccountService(store, properties, clock.getIfUnique(Clock::systemUTC));
    }

    /** Expired sessions are removed every hour, on the embedded store too (it has no TTL index). */
    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService expiredSessionSweep(AccountService accounts) {
        ScheduledExecutorService sweep = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "expired-session-sweep");
            thread.setDaemon(true);
            return thread;
        });
        sweep.scheduleWithFixedDelay(() -> {
            try {
                long removed = accounts.deleteExpiredSessions();
                if (removed > 0) {
                    log.debug("Removed {} expired sessions", removed);
                }
            } catch (RuntimeException failed) {
                log.warn("Expired sessions could not be removed; trying again in an hour: {}", failed.getMessage());
            }
        }, 1, 60, TimeUnit.MINUTES);
        return sweep;
    }
}
