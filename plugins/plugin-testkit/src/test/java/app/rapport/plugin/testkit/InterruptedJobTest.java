package app.rapport.plugin.testkit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A job that was running when its server stopped does not read RUNNING for ever. */
class InterruptedJobTest {

    private static final String JOB = "query($id: ID!) { importJob(id: $id) { status failure } }";

    @Test
    void aJobCutShortByAStopEndsAsFailedSayingHowToComplete(@TempDir Path data) {
        String token;
        String job;
        try (TestServer server = TestServer.start(data)) {
            TestUser maya = server.signUp();
            token = maya.token();
            job = TestUser.json(maya.post("/plugins/recorder/endless-job")).path("id").asText();
            assertThat(maya.graphQl(JOB, Map.of("id", job)).path("data").path("importJob").path("status").asText()).isEqualTo("RUNNING");
        }

        try (TestServer restarted = TestServer.start(data)) {
            var answer = restarted.graphQl(token, JOB, Map.of("id", job)).path("data").path("importJob");
            assertThat(answer.path("status").asText()).isEqualTo("FAILED");
            assertThat(answer.path("failure").asText()).contains("server stopped").contains("again");
        }
    }
}
