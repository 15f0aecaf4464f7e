package app.rapport.plugins.linkedin;

import app.rapport.plugin.testkit.TestUser;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Uploads exports as a user would and follows their jobs through GraphQL. */
final class ImportClient {

    static final String IMPORTS = "/plugins/linkedin-import/imports";

    private static final String JOB = """
            query($id: ID!) { importJob(id: $id) { id status total created updated skipped failed errors { line message } failure } }""";

    private ImportClient() {
    }

    /** Uploads the file and returns the finished job. */
    static JsonNode importFile(TestUser user, String filename, byte[] content) {
        HttpResponse<String> accepted = user.upload(IMPORTS, "file", filename, content);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        return awaitJob(user, TestUser.json(accepted).path("id").asText());
    }

    static JsonNode importFile(TestUser user, String filename, String content) {
        return importFile(user, filename, content.getBytes(StandardCharsets.UTF_8));
    }

    static JsonNode job(TestUser user, String id) {
        return user.graphQl(JOB, Map.of("id", id)).path("data").path("importJob");
    }

    static JsonNode awaitJob(TestUser user, String id) {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (true) {
            JsonNode job = job(user, id);
            if (!"RUNNING".equals(job.path("status").asText()) || System.nanoTime() > deadline) {
                assertThat(job.path("status").asText()).as(job.toString()).isNotEqualTo("RUNNING");
                return job;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** The contacts found by a search, by display name. */
    static Map<String, JsonNode> contacts(TestUser user, String search) {
        JsonNode answer = user.graphQl("""
                query($search: String) { contacts(first: 200, search: $search) { totalCount edges { node {
                  id displayName givenName familyName title organization emails linkedinUrl source addedAt lastTouchAt } } } }""",
                                       search == null ? Map.of() : Map.of("search", search));
        Map<String, JsonNode> byName = new LinkedHashMap<>();
        answer.path("data").path("contacts").path("edges").forEach(edge -> byName.put(edge.path("node").path("displayName").asText(), edge.path("node")));
        return byName;
    }

    static int contactCount(TestUser user) {
        return user.graphQl("{ contacts(first: 1) { totalCount } }").path("data").path("contacts").path("totalCount").asInt();
    }

    /** A zip archive with these entries, as LinkedIn's "Download your data" makes one. */
    static byte[] zip(Map<String, byte[]> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
