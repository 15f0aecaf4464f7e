package app.rapport.api.security;

import app.rapport.api.support.RunningServer;
import app.rapport.api.support.SharedServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** Headers on every answer, and requests refused before GraphQL runs, answered in GraphQL's shape. */
@ExtendWith(SharedServer.class)
class HttpHardeningTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void everyAnswerCarriesTheSecurityHeadersAndGraphQlAnswersAreNotStored(RunningServer server) throws Exception {
        HttpResponse<String> graphQl = post(server, "{\"query\": \"{ server { version } }\"}");
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(base(server).resolve("/actuator/health")).build(),
                                                HttpResponse.BodyHandlers.ofString());

        for (HttpResponse<String> answer : new HttpResponse[] {graphQl, health}) {
            assertThat(answer.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
            assertThat(answer.headers().firstValue("X-Frame-Options")).contains("DENY");
            assertThat(answer.headers().firstValue("Content-Security-Policy")).contains("default-src 'none'; frame-ancestors 'none'");
        }
        assertThat(graphQl.headers().firstValue("Cache-Control")).contains("no-store");
    }

    @Test
    void theDashboardPageMayRunOnlyItsOwnScriptsAndStylesAndTalkOnlyToThisServer(RunningServer server) throws Exception {
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(base(server).resolve("/")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<script type=\"module\" src=\"/app/main.js\"></script>").doesNotContain("<style");
        String policy = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(policy).contains("default-src 'none'", "script-src 'self';", "style-src 'self';", "connect-src 'self';",
                                    "frame-ancestors 'none'")
                          .doesNotContain("unsafe-inline", "unsafe-eval", "*", "http");
        HttpResponse<String> library = http.send(HttpRequest.newBuilder(base(server).resolve("/webjars/lit-html/lit-html.js")).build(),
                                                 HttpResponse.BodyHandlers.ofString());
        assertThat(library.statusCode()).as("lit-html, found without its version in the path").isEqualTo(200);
        assertThat(library.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/javascript"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"[{\"query\": \"{ server { version } }\"}, {\"query\": \"{ server { version } }\"}]",
                            "{\"query\": ", "not json at all", "{}"})
    void aBodyThatIsNotOneGraphQlRequestGetsAGraphQlError(String body, RunningServer server) throws Exception {
        HttpResponse<String> answer = post(server, body);

        assertThat(answer.statusCode()).isEqualTo(400);
        JsonNode error = new ObjectMapper().readTree(answer.body()).path("errors").path(0);
        assertThat(error.path("extensions").path("classification").asText()).as(answer.body()).isEqualTo("BAD_REQUEST");
        assertThat(error.path("message").asText()).isNotBlank().doesNotContain("Exception");
    }

    @Test
    void aBodyOverTheLimitIsRefusedUnread(RunningServer server) throws Exception {
        String huge = "{\"query\": \"{ server { version } }\", \"variables\": {\"pad\": \"" + "x".repeat(2_100_000) + "\"}}";

        HttpResponse<String> answer = post(server, huge);

        assertThat(answer.statusCode()).isEqualTo(413);
        assertThat(new ObjectMapper().readTree(answer.body()).path("errors").path(0).path("message").asText()).contains("at most 2000000");
    }

    private HttpResponse<String> post(RunningServer server, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(base(server).resolve("/graphql")).header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI base(RunningServer server) {
        return URI.create("http://127.0.0.1:" + server.port());
    }
}
