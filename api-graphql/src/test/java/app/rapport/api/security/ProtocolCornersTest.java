package app.rapport.api.security;

import app.rapport.api.support.GraphQlResponse;
import app.rapport.api.support.RunningServer;
import app.rapport.api.support.SharedServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

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
