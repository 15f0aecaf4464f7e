package app.rapport.plugin.testkit;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Starts one Rapport server per test class and hands it to test methods and constructors as a {@link TestServer}:
 * <pre>{@code
 * @ExtendWith(RapportExtension.class)
 * class MyPluginTest {
 *     @Test
 *     void importsTheFile(TestServer server) {
 *         TestUser maya = server.signUp();
 *         ...
 *     }
 * }
 * }</pre>
 * The server runs on the embedded store in a fresh temporary directory, on a free port, with the plugins on the
 * class path; {@link RapportSettings} on the class adds settings.
 */
public class RapportExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(RapportExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        String[] settings = context.getRequiredTestClass().isAnnotationPresent(RapportSettings.class)
                ? context.getRequiredTestClass().getAnnotation(RapportSettings.class).value()
                : new String[0];
        Path dataDir = Files.createTempDirectory("rapport-test-");
        context.getStore(NAMESPACE).put(TestServer.class, TestServer.start(dataDir, settings));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        TestServer server = context.getStore(NAMESPACE).remove(TestServer.class, TestServer.class);
        if (server != null) {
            server.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == TestServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return server(context);
    }

    private static TestServer server(ExtensionContext context) {
        ExtensionContext classContext = context;
        while (classContext.getTestMethod().isPresent() && classContext.getParent().isPresent()) {
            classContext = classContext.getParent().get();
        }
        TestServer server = classContext.getStore(NAMESPACE).get(TestServer.class, TestServer.class);
        if (server == null) {
            throw new IllegalStateException("RapportExtension starts its server for a test class: use it with @ExtendWith on the class");
        }
        return server;
    }
}
