package app.rapport.plugin.testkit;

import app.rapport.plugin.testkit.plugins.DirectoryPlugin;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** A third-party plugin installed as a jar in {@code rapport.plugins.dir}: loaded in a class loader that lends it only the SPI. */
class PluginDirectoryTest {

    @Test
    void aJarInThePluginDirectoryRunsSeeingOnlyTheSpiAndADuplicateIdIsRefusedAndABrokenPluginIsLeftOut(@TempDir Path data, @TempDir Path plugins) throws IOException {
        jar(plugins.resolve("from-a-jar.jar"), DirectoryPlugin.class, "app.rapport.plugin.testkit.plugins.DirectoryPlugin\n"
                                                                      + "app.rapport.plugin.testkit.plugins.RecordingPlugin\n");
        jar(plugins.resolve("recorder-again.jar"), app.rapport.plugin.testkit.plugins.RecordingPlugin.class,
            "app.rapport.plugin.testkit.plugins.RecordingPlugin\n");

        try (TestServer server = TestServer.start(data, "--rapport.plugins.dir=" + plugins)) {
            TestUser maya = server.signUp();
            JsonNode plugins1 = maya.graphQl("{ plugins { id version state reason } }").path("data").path("plugins");
            List<String> ids = new ArrayList<>();
            plugins1.forEach(plugin -> ids.add(plugin.path("id").asText() + " " + plugin.path("version").asText() + " " + plugin.path("state").asText()));

            assertThat(ids).contains("from-a-jar 1.2.3 RUNNING");
            assertThat(ids).as("its start throws: the server starts without it").contains("switched-off 1.0.0 FAILED");
            assertThat(ids.stream().filter(id -> id.startsWith("recorder "))).as("one plugin per id").hasSize(1);
            assertThat(maya.signedOut().get("/plugins/from-a-jar/sees").body()).isEqualTo("spi=true host=false spring=false");
        }
    }

    /** A plugin jar as its author would build it: the plugin's classes and its service file. */
    private static void jar(Path jar, Class<?> plugin, String services) throws IOException {
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
            String classFile = plugin.getName().replace('.', '/') + ".class";
            out.putNextEntry(new JarEntry(classFile));
            try (InputStream in = plugin.getClassLoader().getResourceAsStream(classFile)) {
                in.transferTo(out);
            }
            out.closeEntry();
            if (plugin.getSimpleName().equals("RecordingPlugin")) {
                for (String inner : List.of("RecordingPlugin$1")) {
                    String innerFile = "app/rapport/plugin/testkit/plugins/" + inner + ".class";
                    out.putNextEntry(new JarEntry(innerFile));
                    try (InputStream in = plugin.getClassLoader().getResourceAsStream(innerFile)) {
                        in.transferTo(out);
                    }
                    out.closeEntry();
                }
            }
            out.putNextEntry(new JarEntry("META-INF/services/app.rapport.plugin.RapportPlugin"));
            out.write(services.getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
    }
}
