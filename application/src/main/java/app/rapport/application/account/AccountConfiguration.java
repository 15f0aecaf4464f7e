package app.rapport.application.account;

import app.rapport.application.storage.Store;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/** Accounts and sign-in, in the store Rapport is connected to. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AuthProperties.class)
public class AccountConfiguration {

    @Bean
    AccountService accountService(Store store, AuthProperties properties, ObjectProvider<Clock> clock) {
        return new AccountService(store, properties, clock.getIfUnique(Clock::systemUTC));
    }
}
