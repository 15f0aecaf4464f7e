package app.rapport.api.support;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * One running server for every test class that asks for it, started on first use and stopped when the test run
 * ends. Starting takes seconds on a small machine, so the workflow tests share one and keep apart by signing up
 * a fresh account per test. Declare a {@link RunningServer} parameter (e.g. of a {@code @BeforeAll} method).
 */
public final class SharedServer implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedServer.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == RunningServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                      .getOrComputeIfAbsent(Started.class, key -> Started.inFreshDirectory(), Started.class)
                      .server();
    }

    /** Closed by JUnit at the end of the run: stops the server, then removes its data. */
    private record Started(RunningServer server, Path dataDir) implements ExtensionContext.Store.CloseableResource {

        static Started inFreshDirectory() {
            try {
                Path dataDir = Files.createTempDirectory("rapport-test-");
                return new Started(RunningServer.start(dataDir), dataDir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() throws IOException {
            server.close();
            try (Stream<Path> files = Files.walk(dataDir)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }
}
