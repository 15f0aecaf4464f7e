package app.rapport.plugins.linkedin;

import app.rapport.plugin.testkit.RapportExtension;
import app.rapport.plugin.testkit.TestServer;
import app.rapport.plugin.testkit.TestUser;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The sample exports kept beside the repository ({@code ../shared/samples/linkedin}): every layout LinkedIn has
 * written, each imported completely, every row either a new contact or a person listed twice.
 */
@ExtendWith(RapportExtension.class)
class SharedSamplesImportTest {

    @ParameterizedTest
    @ValueSource(strings = {"Connections.csv", "Connections-2018.csv", "Connections-excel.csv", "linkedin-export.zip"})
    void everySampleImportsWithoutAFailedRow(String sample, TestServer server) throws IOException {
        Path file = sample(sample);
        TestUser maya = server.signUp();

        JsonNode job = ImportClient.importFile(maya, sample, Files.readAllBytes(file));

        assertThat(job.path("status").asText()).isEqualTo("DONE");
        assertThat(job.path("failed").asInt()).as(job.toString()).isZero();
        assertThat(job.path("total").asInt()).isPositive();
        assertThat(job.path("created").asInt() + job.path("skipped").asInt()).isEqualTo(job.path("total").asInt());
        assertThat(ImportClient.contactCount(maya)).isEqualTo(job.path("created").asInt());
    }

    /** The sample, found beside the repository from wherever the build runs; the test is skipped, saying so, without it. */
    static Path sample(String name) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("samples").resolve("linkedin").resolve(name);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        assumeTrue(false, "the sample exports (../shared/samples/linkedin) are not beside this repository");
        return null;
    }
}
