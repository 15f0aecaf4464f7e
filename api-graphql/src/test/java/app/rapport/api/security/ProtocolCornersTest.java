package app.rapport.api.security;

import app.rapport.api.support.GraphQlResponse;
import app.rapport.api.support.RunningServer;
import app.rapport.api.support.SharedServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Requests at the edges of the protocol get a classified GraphQL answer, and the schema is for members. */
@ExtendWith(SharedServer.class)
class ProtocolCornersTest {

    @Test
    void aSubscriptionSentAsAPlainPostIsToldToUseWebSocket(RunningServer server) {
        RunningServer.User maya = server.signUpFreshUser();

        GraphQlResponse answer = maya.graphQl("subscription { dashboardChanged { contacts } }", Map.of());

        answer.assertRefused("BAD_REQUEST", null);
        assertThat(answer.firstError().path("message").asText()).contains("WebSocket");
        assertThat(answer.body().toString()).doesNotContain("Flux").doesNotContain("reactor");
    }

    @Test
    void aValueOfTheWrongTypeIsQuotedAsTheCallerWroteIt(RunningServer server) {
        RunningServer.User maya = server.signUpFreshUser();

        GraphQlResponse answer = maya.graphQl("{ contacts(first: \"ten\") { totalCount } }", Map.of());

        answer.assertRefused("BAD_REQUEST", "first");
        assertThat(answer.firstError().path("message").asText()).contains("\"ten\"").doesNotContain("StringValue");
    }

    @Test
    void aVariableWithAFieldThatDoesNotFitNamesTheField(RunningServer server) {
        RunningServer.User maya = server.signUpFreshUser();
        String add = "mutation Add($input: AddContactInput!) { addContact(input: $input) { id } }";

        GraphQlResponse number = maya.graphQl(add, Map.of("input", Map.of("id", "dana", "givenName", 5, "source", "ALUMNI")));
        number.assertRefused("BAD_REQUEST", "givenName");
        assertThat(number.firstError().path("message").asText()).startsWith("input.givenName has an invalid value");

        GraphQlResponse unknownSource = maya.graphQl(add, Map.of("input", Map.of("id", "dana", "givenName", "Dana", "source", "NOPE")));
        unknownSource.assertRefused("BAD_REQUEST", "source");
        assertThat(unknownSource.firstError().path("message").asText()).contains("NOPE");

        GraphQlResponse unknownField = maya.graphQl(add, Map.of("input", Map.of("id", "dana", "givenName", "Dana", "source", "ALUMNI",
                                                                                "nickname", "D")));
        unknownField.assertRefused("BAD_REQUEST", "nickname");

        GraphQlResponse listItem = maya.graphQl(add, Map.of("input", Map.of("id", "dana", "givenName", "Dana", "source", "ALUMNI",
                                                                            "emails", List.of("dana@example.org", 7))));
        listItem.assertRefused("BAD_REQUEST", "emails");

        GraphQlResponse badInstant = maya.graphQl("mutation Log($input: LogTouchInput!) { logTouch(input: $input) { id } }",
                                                  Map.of("input", Map.of("contactId", "dana", "at", "yesterday", "channel", "EMAIL")));
        badInstant.assertRefused("BAD_REQUEST", "at");
    }

    @Test
    void theSchemaIsDescribedToSignedInCallersOnly(RunningServer server) {
        String introspection = "{ __schema { queryType { name } } }";

        server.graphQl(null, introspection, Map.of()).assertRefused("UNAUTHORIZED", null);
        server.graphQl(null, "{ __type(name: \"Contact\") { name } }", Map.of()).assertRefused("UNAUTHORIZED", null);

        RunningServer.User maya = server.signUpFreshUser();
        assertThat(maya.graphQl(introspection, Map.of()).data("__schema").path("queryType").path("name").asText()).isEqualTo("Query");
        assertThat(server.graphQl(null, "{ __typename }", Map.of()).data("__typename").asText()).isEqualTo("Query");
    }

    @Test
    void aSchemaQueryAnsweredToAMemberIsStillRefusedToAStranger(RunningServer server) {
        String introspection = "{ __schema { mutationType { name } } }";
        RunningServer.User maya = server.signUpFreshUser();
        assertThat(maya.graphQl(introspection, Map.of()).data("__schema").path("mutationType").path("name").asText()).isEqualTo("Mutation");

        server.graphQl(null, introspection, Map.of()).assertRefused("UNAUTHORIZED", null);
    }
}
