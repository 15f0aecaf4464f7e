package app.rapport.api.security;

import app.rapport.api.support.RunningServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A career office's server takes new accounts by invitation only. */
class InvitationSignUpTest {

    private static final String SIGN_UP = """
            mutation($email: String!, $invitation: String) {
              signUp(email: $email, password: "a long enough secret", displayName: "Ann", invitation: $invitation) { token }
            }""";

    @Test
    void aServerWithInvitationCodesTakesOnlySignUpsThatBringOne(@TempDir Path dataDir) {
        try (RunningServer server = RunningServer.start(dataDir, "--rapport.auth.invitation-codes=cohort-2027,career-fair")) {
            server.graphQl(null, SIGN_UP, Map.of("email", "ann@example.org")).assertRefused("BAD_REQUEST", "invitation");
            server.graphQl(null, SIGN_UP, Map.of("email", "ann@example.org", "invitation", "cohort-2026")).assertRefused("BAD_REQUEST", "invitation");

            assertThat(server.graphQl(null, SIGN_UP, Map.of("email", "ann@example.org", "invitation", "career-fair"))
                             .data("signUp").path("token").asText()).isNotEmpty();
        }
    }
}
