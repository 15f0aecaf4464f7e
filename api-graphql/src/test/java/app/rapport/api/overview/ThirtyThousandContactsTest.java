package app.rapport.api.overview;

import app.rapport.api.support.GraphQlResponse;
import app.rapport.api.support.RunningServer;
import app.rapport.application.batch.ContactBatch;
import app.rapport.application.messaging.ViewCatchUp;
import app.rapport.domain.contact.AddContact;
import app.rapport.domain.contact.ContactId;
import app.rapport.domain.contact.ContactSource;
import app.rapport.domain.shared.OwnerId;
import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One owner past 30,000 contacts, added through the batch path as an import would, then read over HTTP: the lists,
 * search, the dashboard and the graph's walks are right at that size. (How fast they are is the benchmark's.)
 */
class ThirtyThousandContactsTest {

    private static final int CONTACTS = 30_500;
    private static final int ORGANIZATIONS = 40;

    @TempDir
    static Path dataDir;

    private static RunningServer running;
    private static RunningServer.User maya;

    @BeforeAll
    static void importAndMeet() {
        running = RunningServer.start(dataDir);
        maya = running.signUpFreshUser();
        OwnerId owner = new OwnerId(maya.accountId());
        ContactBatch batches = running.context().getBean(ContactBatch.class);
        List<AddContact> batch = new ArrayList<>();
        for (int i = 0; i < CONTACTS; i++) {
            // c1 introduced c2, who introduced c3: a referral chain the walks can follow
            ContactId introducer = i == 2 || i == 3 ? new ContactId(owner, "c" + (i - 1)) : null;
            batch.add(new AddContact(new ContactId(owner, "c" + i), "Person" + i, "Family" + (i % 1000), null, null,
                                     "Engineer", "Org " + (i % ORGANIZATIONS), List.of(), List.of(), null,
                                     introducer == null ? ContactSource.LINKEDIN : ContactSource.REFERRAL, null,
                                     i % 100 == 0 ? List.of("mentor") : List.of(), introducer, false));
            if (batch.size() == ContactBatch.MOST || i == CONTACTS - 1) {
                assertThat(batches.add(maya.actor(), batch)).allMatch(outcome -> outcome.result() == ContactBatch.Result.ADDED);
                batch.clear();
            }
        }
        meet("c1");
        // The batch path does not wait for the views (an import's done() does): wait here, not in the client's 10 s.
        if (running.context().getBean(EventStore.class).createHeadToken() instanceof GapAwareTrackingToken head) {
            running.context().getBean(ViewCatchUp.class).awaitProcessed(head.getIndex(), Duration.ofMinutes(3));
        }
    }

    @AfterAll
    static void stop() {
        running.close();
    }

    @Test
    void the_whole_list_pages_through_every_contact_once_in_order() {
        Set<String> seen = new HashSet<>();
        String previous = "";
        String after = null;
        int pages = 0;
        do {
            JsonNode contacts = maya.graphQl("""
                    query($after: String) { contacts(first: 200, after: $after) {
                      totalCount pageInfo { hasNextPage endCursor } edges { node { id displayName } } } }""",
                                             after == null ? Map.of() : Map.of("after", after)).data("contacts");
            assertThat(contacts.path("totalCount").asInt()).isEqualTo(CONTACTS);
            for (JsonNode edge : contacts.path("edges")) {
                String name = edge.path("node").path("displayName").asText().toLowerCase();
                assertThat(name).isGreaterThanOrEqualTo(previous);
                previous = name;
                assertThat(seen.add(edge.path("node").path("id").asText())).isTrue();
            }
            after = contacts.path("pageInfo").path("hasNextPage").asBoolean() ? contacts.path("pageInfo").path("endCursor").asText() : null;
            pages++;
        } while (after != null);
        assertThat(seen).hasSize(CONTACTS);
        assertThat(pages).isEqualTo((CONTACTS + 199) / 200);
    }

    @Test
    void search_and_tags_find_exactly_their_contacts() {
        JsonNode found = maya.graphQl("""
                { contacts(first: 50, search: "person12345") { totalCount edges { node { id } } } }""", Map.of()).data("contacts");
        assertThat(found.path("totalCount").asInt()).isEqualTo(1);
        assertThat(found.path("edges").path(0).path("node").path("id").asText()).isEqualTo("c12345");
        assertThat(maya.graphQl("{ contacts(first: 10, tag: \"MENTOR\") { totalCount } }", Map.of())
                       .data("contacts").path("totalCount").asInt()).isEqualTo((CONTACTS + 99) / 100);
    }

    @Test
    void the_dashboard_counts_every_contact_at_its_stage() {
        JsonNode dashboard = maya.graphQl("{ dashboard { contacts byStage { stage count } } }", Map.of()).data("dashboard");
        assertThat(dashboard.path("contacts").asInt()).isEqualTo(CONTACTS);
        Map<String, Integer> byStage = new java.util.HashMap<>();
        dashboard.path("byStage").forEach(stage -> byStage.put(stage.path("stage").asText(), stage.path("count").asInt()));
        assertThat(byStage).containsEntry("MET", 1).containsEntry("PROSPECT", CONTACTS - 1);
    }

    @Test
    void the_graph_walks_stay_right_at_this_size() {
        JsonNode chain = maya.graphQl("{ referralChain(contactId: \"c3\") { id } }", Map.of()).data("referralChain");
        assertThat(chain.findValuesAsText("id")).containsExactly("c1", "c2", "c3");

        JsonNode paths = maya.graphQl("""
                { warmPaths(organization: "org 3", maxHops: 3) { hops { id } target { id } } }""", Map.of()).data("warmPaths");
        assertThat(paths.path(0).path("hops").findValuesAsText("id")).containsExactly("c1", "c2");
        assertThat(paths.path(0).path("target").path("id").asText()).isEqualTo("c3");

        GraphQlResponse around = maya.graphQl("""
                { contactGraph(centerId: "c5", depth: 2) { truncated nodes { id } } }""", Map.of());
        JsonNode graph = around.data("contactGraph");
        assertThat(graph.path("truncated").asBoolean()).as("Org 5 alone has %s people", CONTACTS / ORGANIZATIONS).isTrue();
        assertThat(graph.path("nodes")).hasSize(500);
        assertThat(graph.path("nodes").path(0).path("id").asText()).isEqualTo("c5");
        assertThat(graph.path("nodes").path(1).path("id").asText()).isEqualTo("/org/org 5");
    }

    /** Requested three days ago, held two days ago. */
    private static void meet(String contact) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String interview = "with-" + contact;
        ok(maya.graphQl("""
                mutation($id: ID!, $contact: ID!, $at: DateTime) {
                  requestInterview(input: {id: $id, contactId: $contact, channel: EMAIL, requestedMinutes: 20, requestedAt: $at}) { id }
                }""", Map.of("id", interview, "contact", contact, "at", now.minus(Duration.ofDays(3)).toString())));
        ok(maya.graphQl("""
                mutation($id: ID!, $at: DateTime!) {
                  confirmMeeting(input: {interviewId: $id, startsAt: $at, durationMinutes: 20, format: VIDEO, timeZone: "Europe/Berlin"}) { status }
                }""", Map.of("id", interview, "at", now.minus(Duration.ofDays(2)).toString())));
        ok(maya.graphQl("""
                mutation($id: ID!, $at: DateTime!) { recordNotes(input: {interviewId: $id, heldAt: $at, summary: "advice"}) { status } }""",
                        Map.of("id", interview, "at", now.minus(Duration.ofDays(2)).plus(Duration.ofMinutes(25)).toString())));
    }

    private static void ok(GraphQlResponse response) {
        assertThat(response.body().path("errors").isMissingNode()).as(response.body().toString()).isTrue();
    }
}
