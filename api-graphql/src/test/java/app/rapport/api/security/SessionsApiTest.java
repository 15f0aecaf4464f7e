package app.rapport.api.security;

import app.rapport.api.support.GraphQlResponse;
import app.rapport.api.support.RunningServer;
import app.rapport.api.support.SharedServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Sessions end when their owner says so, guessing is slowed, weak passwords and batched sign-ups are refused. */
@ExtendWith(SharedServer.class)
class SessionsApiTest {

    private static final String SIGN_UP = """
            mutation($email: String!, $password: String!) {
              signUp(email: $email, password: $password, displayName: "Ann") { token account { id } }
            }""";
    private static final String SIGN_IN = """
            mutation($email: String!, $password: String!) { signIn(email: $email, password: $password) { token } }""";
    private static final String PASSWORD = "a long enough secret";

    private static RunningServer server;

    @BeforeAll
    static void connect(RunningServer running) {
        server = running;
    }

    @Test
    void signingOutEndsThatTokenAlone() {
        String email = uniqueEmail();
        String first = signUp(email);
        String second = signIn(email, PASSWORD);

        assertThat(server.graphQl(first, "mutation { signOut }", Map.of()).data("signOut").asBoolean()).isTrue();

        server.graphQl(first, "{ me { id } }", Map.of()).assertRefused("UNAUTHORIZED", null);
        assertThat(server.graphQl(second, "{ me { id } }", Map.of()).data("me").path("id").asText()).isNotEmpty();
    }

    @Test
    void signingOutEverywhereEndsEveryToken() {
        String email = uniqueEmail();
        String first = signUp(email);
        String second = signIn(email, PASSWORD);

        assertThat(server.graphQl(second, "mutation { signOutEverywhere }", Map.of()).data("signOutEverywhere").asBoolean()).isTrue();

        server.graphQl(first, "{ me { id } }", Map.of()).assertRefused("UNAUTHORIZED", null);
        server.graphQl(second, "{ me { id } }", Map.of()).assertRefused("UNAUTHORIZED", null);
    }

    @Test
    void changingThePasswordEndsEveryOtherSessionAndOnlyTheNewPasswordSignsIn() {
        String email = uniqueEmail();
        String old = signUp(email);
        String change = "mutation($current: String!, $new: String!) { changePassword(currentPassword: $current, newPassword: $new) { token } }";

        server.graphQl(old, change, Map.of("current", "not the password", "new", "plum tree in spring")).assertRefused("BAD_REQUEST", "currentPassword");
        server.graphQl(old, change, Map.of("current", PASSWORD, "new", "1234567890")).assertRefused("BAD_REQUEST", "newPassword");
        String fresh = server.graphQl(old, change, Map.of("current", PASSWORD, "new", "plum tree in spring")).data("changePassword")
                            .path("token").asText();

        server.graphQl(old, "{ me { id } }", Map.of()).assertRefused("UNAUTHORIZED", null);
        assertThat(server.graphQl(fresh, "{ me { id } }", Map.of()).data("me").path("id").asText()).isNotEmpty();
        server.graphQl(null, SIGN_IN, Map.of("email", email, "password", PASSWORD)).assertRefused("UNAUTHORIZED", null);
        assertThat(signIn(email, "plum tree in spring")).isNotEmpty();
    }

    @Test
    void afterAFewWrongPasswordsEvenTheRightOneWaits() {
        String email = uniqueEmail();
        signUp(email);
        for (int i = 0; i < 5; i++) {
            server.graphQl(null, SIGN_IN, Map.of("email", email, "password", "guess number " + i)).assertRefused("UNAUTHORIZED", null);
        }

        GraphQlResponse throttled = server.graphQl(null, SIGN_IN, Map.of("email", email, "password", PASSWORD));

        throttled.assertRefused("TOO_MANY_REQUESTS", null);
        assertThat(throttled.firstError().path("extensions").path("retryAfterSeconds").asInt()).isPositive();
    }

    @Test
    void weakPasswordsAreRefusedAtSignUp() {
        for (String weak : new String[] {"aaaaaaaaaa", "1234567890", "          "}) {
            server.graphQl(null, SIGN_UP, Map.of("email", uniqueEmail(), "password", weak)).assertRefused("BAD_REQUEST", "password");
        }
    }

    @Test
    void oneRequestSignsUpOneAccountAtMost() {
        String first = uniqueEmail();
        String second = uniqueEmail();
        String twice = """
                mutation { a: signUp(email: "%s", password: "%s", displayName: "A") { token }
                           b: signUp(email: "%s", password: "%s", displayName: "B") { token } }"""
                .formatted(first, PASSWORD, second, PASSWORD);

        GraphQlResponse answer = server.graphQl(null, twice, Map.of());

        answer.assertRefused("BAD_REQUEST", "signUp");
        assertThat(signIn(first, PASSWORD)).as("no account was made").isEmpty();
        assertThat(signIn(second, PASSWORD)).as("no account was made").isEmpty();
    }

    private static String signUp(String email) {
        return server.graphQl(null, SIGN_UP, Map.of("email", email, "password", PASSWORD)).data("signUp").path("token").asText();
    }

    private static String signIn(String email, String password) {
        return server.graphQl(null, SIGN_IN, Map.of("email", email, "password", password)).body()
                     .path("data").path("signIn").path("token").asText("");
    }

    private static String uniqueEmail() {
        return "session." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }
}
