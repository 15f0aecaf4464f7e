package app.rapport.application.account;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * How sign-ins work.
 *
 * @param tokenLifetime how long a token from sign-up or sign-in is accepted ({@code rapport.auth.token-lifetime},
 *                      e.g. {@code 14d} or {@code 12h}); after that the person signs in again
 */
@ConfigurationProperties("rapport.auth")
public record AuthProperties(Duration tokenLifetime) {

    public static final Duration DEFAULT_TOKEN_LIFETIME = Duration.ofDays(14);

    public AuthProperties {
        tokenLifetime = tokenLifetime == null ? DEFAULT_TOKEN_LIFETIME : tokenLifetime;
        if (tokenLifetime.isNegative() || tokenLifetime.isZero()) {
            throw new IllegalArgumentException("rapport.auth.token-lifetime must be positive, was " + tokenLifetime);
        }
    }
}
