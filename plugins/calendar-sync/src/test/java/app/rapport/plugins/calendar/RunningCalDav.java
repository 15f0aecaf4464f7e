package app.rapport.plugins.calendar;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A CalDAV server for a test class: started before its tests, stopped after them; where the server is not installed,
 * the class is skipped with a note saying which Debian package brings it.
 */
final class RunningCalDav implements BeforeAllCallback, AfterAllCallback {

    interface Starter {
        CalDavServer start(Path home) throws IOException;
    }

    private final String name;
    private final String debianPackage;
    private final BooleanSupplier installed;
    private final Starter starter;
    private CalDavServer server;

    private RunningCalDav(String name, String debianPackage, BooleanSupplier installed, Starter starter) {
        this.name = name;
        this.debianPackage = debianPackage;
        this.installed = installed;
        this.starter = starter;
    }

    static RunningCalDav radicale() {
        return new RunningCalDav("Radicale", "python3-radicale", Radicale::installed, Radicale::new);
    }

    static RunningCalDav xandikos() {
        return new RunningCalDav("Xandikos", "xandikos", Xandikos::installed, Xandikos::new);
    }

    CalDavServer server() {
        return server;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        assumeTrue(installed.getAsBoolean(), name + " is not installed (Debian package " + debianPackage
                                             + "; .ci/run installs it): these CalDAV tests are skipped");
        server = starter.start(Files.createTempDirectory("rapport-caldav-"));
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (server != null) {
            server.close();
        }
    }
}
