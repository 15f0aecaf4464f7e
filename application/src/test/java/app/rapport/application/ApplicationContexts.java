package app.rapport.application;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;

/**
 * Starts (part of) the application module as the server configures it, without the web, on an embedded store in
 * {@code dataDir}: the settings the server's application.yml gives, which tests of this module cannot read.
 */
public final class ApplicationContexts {

    static {
        // Axon's non-Spring modules read these only as JVM properties.
        System.setProperty("axoniq.update-checker.disabled", "true");
        System.setProperty("disable-axoniq-console-message", "true");
    }

    private ApplicationContexts() {
    }

    public static ConfigurableApplicationContext start(Class<?> configuration, Path dataDir) {
        return new SpringApplicationBuilder(configuration)
                .web(WebApplicationType.NONE)
                .run("--rapport.data-dir=" + dataDir, "--rapport.mongodb.uri=",
                     "--axon.serializer.general=jackson", "--axon.serializer.events=jackson",
                     "--axon.serializer.messages=jackson", "--axon.update-check.disabled=true",
                     "--spring.main.banner-mode=off", "--logging.level.de.bwaldvogel.mongo=WARN");
    }
}
