package app.rapport.api.security;

import app.rapport.api.support.GraphQlResponse;
import app.rapport.api.support.RunningServer;
import app.rapport.api.support.SharedServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Requests that ask too much are refused before they run, saying which limit; ordinary ones pass. */
@ExtendWith(SharedServer.class)
class QueryLimitsTest {

    private static RunningServer.User maya;

    @BeforeAll
    static void signUp(RunningServer server) {
        maya = server.signUpFreshUser();
        maya.graphQl("mutation { addContact(input: {id: \"dana\", givenName: \"Dana\", source: ALUMNI}) { id } }", Map.of());
    }

    /** Fragments that double at every level: 2^levels fields once expanded, from a document of a few kilobytes. */
    static String doubling(int levels) {
        StringBuilder document = new StringBuilder("query { contact(id: \"dana\") { ...F" + levels + " } }\n");
        document.append("fragment F0 on Contact { id }\n");
        for (int level = 1; level <= levels; level++) {
            document.append("fragment F").append(level).append(" on Contact { a0: interviews { contact { ...F").append(level - 1)
                    .append(" } } a1: interviews { contact { ...F").append(level - 1).append(" } } }\n");
        }
        return document.toString();
    }

    @ParameterizedTest
    @ValueSource(ints = {5, 16, 40})
    void fragmentsThatDoubleAtEveryLevelAreRefusedBeforeTheyRun(int levels) {
        GraphQlResponse answer = maya.graphQl(doubling(levels), Map.of());

        assertThat(answer.classification()).as(answer.body().toString()).isEqualTo("BAD_REQUEST");
        assertThat(answer.firstError().path("extensions").path("limit").asText()).isIn("depth", "cost", "aliases");
        assertThat(answer.firstError().path("message").asText()).startsWith("The request asks too much");
        assertThat(answer.body().path("data").isMissingNode() || answer.body().path("data").isNull()).isTrue();
    }

    @Test
    void aDeepQueryIsRefusedNamingTheDepth() {
        String deep = "{ contact(id: \"dana\") { " + "interviews { contact { ".repeat(7) + "id" + " } }".repeat(7) + " } }";

        GraphQlResponse answer = maya.graphQl(deep, Map.of());

        assertThat(answer.firstError().path("extensions").path("limit").asText()).as(answer.body().toString()).isEqualTo("depth");
        assertThat(answer.firstError().path("extensions").path("max").asInt()).isEqualTo(12);
    }

    @Test
    void aHugePageTimesItsFieldsIsRefusedNamingTheCost() {
        String fields = IntStream.range(0, 30).mapToObj(i -> "displayName").collect(Collectors.joining(" "));
        String costly = "{ contacts(first: 1000) { edges { node { interviews { contact { " + fields + " } } } } } }";

        GraphQlResponse answer = maya.graphQl(costly, Map.of());

        assertThat(answer.firstError().path("extensions").path("limit").asText()).as(answer.body().toString()).isEqualTo("cost");
    }

    @Test
    void aDocumentAnsweredBeforeIsRefusedWhenItsVariablesAskTooMuch() {
        String fields = IntStream.range(0, 30).mapToObj(i -> "displayName").collect(Collectors.joining(" "));
        String page = "query Page($first: Int) { contacts(first: $first) { edges { node { interviews { contact { " + fields
                      + " } } } } } }";
        GraphQlResponse small = maya.graphQl(page, Map.of("first", 2));
        assertThat(small.body().path("errors").isMissingNode()).as(small.body().toString()).isTrue();

        GraphQlResponse large = maya.graphQl(page, Map.of("first", 200)); // the most a page may hold; its fields make it too costly

        assertThat(large.firstError().path("extensions").path("limit").asText()).as(large.body().toString()).isEqualTo("cost");
        assertThat(large.body().path("data").isMissingNode() || large.body().path("data").isNull()).isTrue();
    }

    @Test
    void manyAliasesAndManyRootFieldsAreRefused() {
        String aliased = "{ " + IntStream.range(0, 31).mapToObj(i -> "m" + i + ": me { id }").collect(Collectors.joining(" ")) + " }";
        assertThat(maya.graphQl(aliased, Map.of()).firstError().path("extensions").path("limit").asText()).isEqualTo("aliases");

        String signUps = "mutation { " + IntStream.range(0, 21).mapToObj(i -> "signIn(email: \"x@example.org\", password: \"y\") { token }")
                                                   .collect(Collectors.joining(" ")) + " }";
        assertThat(maya.graphQl(signUps, Map.of()).firstError().path("extensions").path("limit").asText()).isEqualTo("rootFields");
    }

    @Test
    void anOrdinaryDashboardQueryPasses() {
        GraphQlResponse answer = maya.graphQl("""
                { me { id } dashboard { thanksDue { id } awaitingResponse { id } }
                  contacts(first: 50) { edges { node { id displayName stage interviews { id status } } } pageInfo { hasNextPage } } }""",
                                              Map.of());

        assertThat(answer.body().path("errors").isMissingNode()).as(answer.body().toString()).isTrue();
    }
}
