package app.rapport.api.consistency;

import app.rapport.api.support.GraphQlResponse;
import app.rapport.api.support.RunningServer;
import app.rapport.application.graph.GraphProcessing;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A mutation waits only for the views its answer is read from; the caller's next query of any other view waits
 * until that view shows the caller's write. Shown over HTTP with the graph's processor stopped on purpose.
 */
class ReadYourWritesTest {

    private static final String ADD_CONTACT = """
            mutation($id: ID!) { addContact(input: {id: $id, givenName: "Dana", familyName: "Reyes", organization: "Acme", source: ALUMNI}) { id displayName stage } }""";
    private static final String GRAPH = """
            { contactGraph(centerId: "dana", depth: 1) { nodes { id label } } }""";
    private static final String CONTACTS = """
            { contacts(first: 10) { totalCount edges { node { id } } } }""";

    @TempDir
    static Path dataDir;

    private static RunningServer running;

    @BeforeAll
    static void start() {
        running = RunningServer.start(dataDir, "--rapport.views.catch-up-timeout=PT2S");
    }

    @AfterAll
    static void stop() {
        running.close();
    }

    @Test
    void a_mutation_answers_without_waiting_for_views_it_does_not_read_and_the_next_query_shows_the_write() {
        RunningServer.User maya = running.signUpFreshUser();
        RunningServer.User other = running.signUpFreshUser();
        StreamingEventProcessor graph = running.context().getBean(EventProcessingConfiguration.class)
                                               .eventProcessor(GraphProcessing.GRAPH_VIEWS, StreamingEventProcessor.class)
                                               .orElseThrow();
        graph.shutDown();
        try {
            long started = System.nanoTime();
            GraphQlResponse added = maya.graphQl(ADD_CONTACT, Map.of("id", "dana"));
            assertThat(added.data("addContact").path("displayName").asText()).isEqualTo("Dana Reyes");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("not held up by the stopped graph view")
                                                                     .isLessThan(Duration.ofSeconds(2));

            GraphQlResponse behind = maya.graphQl(GRAPH, Map.of());
            assertThat(behind.classification()).isEqualTo("VIEWS_BEHIND");

            assertThat(maya.graphQl(CONTACTS, Map.of()).data("contacts").path("totalCount").asInt())
                    .as("the other views show the write to its author at once").isEqualTo(1);
            assertThat(other.graphQl(CONTACTS, Map.of()).data("contacts").path("totalCount").asInt()).isZero();
        } finally {
            graph.start();
        }
        assertThat(maya.graphQl(GRAPH, Map.of()).data("contactGraph").path("nodes").toString()).contains("\"dana\"");
    }
}
