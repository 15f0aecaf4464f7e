package app.rapport.api;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The Rapport server: GraphQL API, event store, projections and plugins in one process. */
@SpringBootApplication(scanBasePackages = "app.rapport")
public class RapportServer {

    public static void main(String[] args) {
        // Axon's non-Spring modules read these only as JVM properties; application.yml covers the Spring side.
        System.setProperty("axoniq.update-checker.disabled", "true");
        System.setProperty("disable-axoniq-console-message", "true");
        SpringApplication.run(RapportServer.class, args);
    }
}
