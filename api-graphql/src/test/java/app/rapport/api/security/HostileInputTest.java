package app.rapport.api.security;

import app.rapport.api.support.GraphQlResponse;
import app.rapport.api.support.RunningServer;
import app.rapport.api.support.SharedServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Texts that hide or disguise, ids that look like paths and dates out of this world are refused, and nothing is stored. */
@ExtendWith(SharedServer.class)
class HostileInputTest {

    private static final String ADD = "mutation($id: ID!, $name: String!) { addContact(input: {id: $id, givenName: $name, source: ALUMNI}) { id } }";

    @ParameterizedTest
    @ValueSource(strings = {"Dana\u0000", "Dana\u0007Reyes", "\u202Eseyer", "\u200B\u200B", "\u3164", "          "})
    void aNameThatHidesOrDisguisesItselfIsRefused(String name, RunningServer server) {
        RunningServer.User maya = server.signUpFreshUser();

        maya.graphQl(ADD, Map.of("id", "dana", "name", name)).assertRefused("BAD_REQUEST", "givenName");

        assertThat(maya.graphQl("{ contacts(first: 5) { totalCount } }", Map.of()).data("contacts").path("totalCount").asInt()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"..", ".", "../etc"})
    void anIdThatLooksLikeAPathIsRefused(String id, RunningServer server) {
        RunningServer.User maya = server.signUpFreshUser();

        maya.graphQl(ADD, Map.of("id", id, "name", "Dana")).assertRefused("BAD_REQUEST", "id");
    }

    @Test
    void aHistoryCursorFarPastTheEndIsAnEmptyLastPage(RunningServer server) {
        RunningServer.User maya = server.signUpFreshUser();
        maya.graphQl(ADD, Map.of("id", "dana", "name", "Dana")).data("addContact");

        var page = maya.graphQl("{ relationshipHistory(contactId: \"dana\", after: \"9223372036854775806\") { edges { cursor } pageInfo { hasNextPage } } }",
                                Map.of()).data("relationshipHistory");

        assertThat(page.path("edges")).isEmpty();
        assertThat(page.path("pageInfo").path("hasNextPage").asBoolean()).isFalse();
    }

    @Test
    void aDateOutOfThisWorldIsRefused(RunningServer server) {
        RunningServer.User maya = server.signUpFreshUser();
        maya.graphQl(ADD, Map.of("id", "dana", "name", "Dana")).data("addContact");

        GraphQlResponse answer = maya.graphQl("""
                mutation { requestInterview(input: {id: "old", contactId: "dana", channel: EMAIL, requestedMinutes: 20,
                                                    requestedAt: "-999999999-01-01T00:00:00Z"}) { id } }""", Map.of());

        assertThat(answer.firstError().path("message").asText()).as(answer.body().toString()).contains("DateTime must lie between");
        assertThat(maya.graphQl("{ interview(id: \"old\") { id } }", Map.of()).body().path("data").path("interview").isNull()).isTrue();
    }
}
