package app.rapport.api.server;

import app.rapport.api.support.RunningServer;
import app.rapport.application.eventstore.MongoEventStorageEngine;
import app.rapport.application.storage.Store;
import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Starts the server as a user would, on the embedded default, and talks to it over HTTP. */
class RapportServerTest {

    @TempDir
    Path dataDir;

    @Test
    void startsHealthyOnTheEmbeddedStoreAndAnswersGraphQl() {
        try (RunningServer server = RunningServer.start(dataDir)) {
            RestClient http = server.http();

            JsonNode readiness = http.get().uri("/actuator/health/readiness").retrieve().body(JsonNode.class);
            assertThat(readiness.path("status").asText()).isEqualTo("UP");
            assertThat(readiness.path("components").path("store").path("status").asText()).isEqualTo("UP");
            JsonNode liveness = http.get().uri("/actuator/health/liveness").retrieve().body(JsonNode.class);
            assertThat(liveness.path("status").asText()).isEqualTo("UP");

            JsonNode response = http.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
                                    .body(Map.of("query", "{ server { name version } }"))
                                    .retrieve().body(JsonNode.class);
            assertThat(response.path("data").path("server").path("name").asText()).isEqualTo("Rapport");
            assertThat(response.path("data").path("server").path("version").asText()).isNotBlank();
            assertThat(Files.exists(dataDir.resolve("rapport.mv"))).as("the embedded store's file").isTrue();
        }
    }

    @Test
    void eventsGoToRapportsOwnStoreAndSurviveARestart() {
        String eventId;
        try (RunningServer server = RunningServer.start(dataDir)) {
            assertThat(server.context().getBean(EventStorageEngine.class)).isInstanceOf(MongoEventStorageEngine.class);
            EventStore eventStore = server.context().getBean(EventStore.class);

            EventMessage<?> event = GenericEventMessage.asEventMessage(new ServerStarted("first start"))
                                                       .andMetaData(MetaData.with("actor", "user:test"));
            eventId = event.getIdentifier();
            eventStore.publish(event);
            assertThat(server.context().getBean(Store.class).database().getCollection("events").countDocuments()).isEqualTo(1);
        }

        try (RunningServer restarted = RunningServer.start(dataDir)) {
            try (Stream<? extends TrackedEventMessage<?>> stream =
                         restarted.context().getBean(EventStore.class).openStream(null).asStream()) {
                List<? extends TrackedEventMessage<?>> events = stream.limit(1).toList();
                assertThat(events).singleElement().satisfies(stored -> {
                    assertThat(stored.getIdentifier()).isEqualTo(eventId);
                    assertThat(stored.getPayload()).isEqualTo(new ServerStarted("first start"));
                    assertThat(stored.getMetaData()).containsEntry("actor", "user:test");
                });
            }
        }
    }

    record ServerStarted(String note) {
    }
}
