package app.rapport.application.account;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

import java.time.Duration;
import java.util.List;

/**
 * How sign-ins work.
 *
 * @param tokenLifetime   how long a token from sign-up or sign-in is accepted ({@code rapport.auth.token-lifetime},
 *                        e.g. {@code 14d} or {@code 12h}); after that the person signs in again
 * @param invitationCodes when not empty, sign-up is by invitation: it needs one of these codes
 *                        ({@code rapport.auth.invitation-codes}, e.g. one per cohort of a career office)
 */
@ConfigurationProperties("rapport.auth")
public record AuthProperties(Duration tokenLifetime, List<String> invitationCodes) {

    public AuthProperties(Duration tokenLifetime) {
        this(tokenLifetime, List.of());
    }

    public static final Duration DEFAULT_TOKEN_LIFETIME = Duration.ofDays(14);

    @ConstructorBinding
    public AuthProperties {
        tokenLifetime = tokenLifetime == null ? DEFAULT_TOKEN_LIFETIME : tokenLifetime;
        if (tokenLifetime.isNegative() || tokenLifetime.isZero()) {
            throw new IllegalArgumentException("rapport.auth.token-lifetime must be positive, was " + tokenLifetime);
        }
        invitationCodes = invitationCodes == null ? List.of()
                : invitationCodes.stream().map(String::strip).filter(code -> !code.isEmpty()).toList();
    }
}
