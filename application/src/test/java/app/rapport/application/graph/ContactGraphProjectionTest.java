package app.rapport.application.graph;

import app.rapport.application.ProjectionHarness;
import app.rapport.domain.contact.ContactAdded;
import app.rapport.domain.contact.ContactForgotten;
import app.rapport.domain.contact.ContactId;
import app.rapport.domain.contact.ContactMergedInto;
import app.rapport.domain.contact.ContactSource;
import app.rapport.domain.contact.ContactUpdated;
import app.rapport.domain.contact.ContactsMerged;
import app.rapport.domain.contact.IntroductionRecorded;
import app.rapport.domain.interview.NotesRecorded;
import app.rapport.domain.interview.ReferralId;
import app.rapport.domain.interview.ReferralRecorded;
import app.rapport.domain.shared.InterviewId;
import app.rapport.domain.shared.OwnerId;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class ContactGraphProjectionTest {

    static final OwnerId OWNER = new OwnerId("user-1");
    static final OwnerId OTHER_OWNER = new OwnerId("user-2");
    static final ContactId DANA = new ContactId(OWNER, "dana");
    static final ContactId RAVI = new ContactId(OWNER, "ravi");
    static final ContactId SOFIA = new ContactId(OWNER, "sofia");
    static final ContactId LEE = new ContactId(OWNER, "lee");
    static final ContactId DANA_AGAIN = new ContactId(OWNER, "dana-2");
    static final Instant HELD_AT = Instant.parse("2026-03-02T15:00:00Z");

    @TempDir
    Path dataDir;

    ProjectionHarness harness;
    ContactGraphProjection projection;
    QueryGateway queries;

    @BeforeEach
    void start() {
        harness = startHarness(dataDir);
        projection = new ContactGraphProjection(harness.store());
        queries = harness.queries(projection);
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    @Test
    void contactsTheirOrganizationsAndIntroducersBecomeNodesAndEdges() {
        deliver(0, added(DANA, "Dana", "Reyes", "Acme", null));
        deliver(0, added(RAVI, "Ravi", null, "Initech", DANA));

        ContactGraphView graph = whole();

        assertThat(graph.nodes()).extracting(GraphNode::id, GraphNode::kind, GraphNode::label)
                                 .containsExactlyInAnyOrder(tuple("/self", "SELF", "You"),
                                                            tuple("dana", "CONTACT", "Dana Reyes"),
                                                            tuple("ravi", "CONTACT", "Ravi"),
                                                            tuple("/org/acme", "ORGANIZATION", "Acme"),
                                                            tuple("/org/initech", "ORGANIZATION", "Initech"));
        assertThat(graph.edges()).containsExactlyInAnyOrder(edge("dana", "ravi", "REFERRED"),
                                                            edge("dana", "/org/acme", "WORKS_AT"),
                                                            edge("ravi", "/org/initech", "WORKS_AT"));
    }

    @Test
    void introductionsReferralsAndHeldMeetingsAreEdges() {
        deliver(0, added(DANA, "Dana", null, null, null));
        deliver(0, added(RAVI, "Ravi", null, null, null));
        deliver(0, added(LEE, "Lee", null, null, DANA));
        deliver(1, new IntroductionRecorded(LEE, RAVI, false, false)); // a second introducer: an edge, not the chain
        deliver(0, added(SOFIA, "Sofia", null, null, null));
        deliver(5, held(DANA), new ReferralRecorded(interview(DANA), DANA, new ReferralId(OWNER, "r-1"), SOFIA, true, "note"));

        assertThat(whole().edges()).containsExactlyInAnyOrder(edge("dana", "lee", "REFERRED"),
                                                                    edge("ravi", "lee", "REFERRED"),
                                                                    edge("dana", "sofia", "REFERRED"),
                                                                    edge("/self", "dana", "MET"));
        assertThat(chain(LEE)).as("the chain follows the first introducer").containsExactly(DANA, LEE);
    }

    @Test
    void aNewOrganizationMovesTheEdgeAndTheLabelIsTheSpellingWrittenLast() {
        deliver(0, added(DANA, "Dana", null, "Initech", null));
        deliver(0, added(RAVI, "Ravi", null, "Acme", null));
        deliver(1, update(RAVI, "  INITECH "));

        ContactGraphView graph = whole();
        assertThat(graph.nodes()).extracting(GraphNode::id).containsExactlyInAnyOrder("/self", "dana", "ravi", "/org/initech");
        assertThat(label(graph, "/org/initech")).isEqualTo("INITECH");
        assertThat(graph.edges()).containsExactlyInAnyOrder(edge("dana", "/org/initech", "WORKS_AT"),
                                                            edge("ravi", "/org/initech", "WORKS_AT"));

        deliver(2, update(RAVI, "")); // cleared
        assertThat(label(whole(), "/org/initech")).as("the remaining spelling").isEqualTo("Initech");
        assertThat(whole().edges()).containsExactly(edge("dana", "/org/initech", "WORKS_AT"));
    }

    @Test
    void aMergedDuplicatesEdgesMoveToTheSurvivor() {
        deliver(0, added(DANA, "Dana", null, null, null));
        deliver(0, added(RAVI, "Ravi", null, null, null));
        deliver(0, added(SOFIA, "Sofia", null, null, null));
        deliver(0, added(DANA_AGAIN, "Dana", "Reyes", "Initech", RAVI));
        deliver(1, new IntroductionRecorded(SOFIA, DANA_AGAIN, true, true));
        deliver(5, held(DANA_AGAIN));

        deliver(1, merged(DANA, DANA_AGAIN, "Initech", RAVI));
        deliver(2, new ContactMergedInto(DANA_AGAIN, DANA));

        ContactGraphView graph = whole();
        assertThat(graph.nodes()).extracting(GraphNode::id).containsExactlyInAnyOrder("/self", "dana", "ravi", "sofia", "/org/initech");
        assertThat(graph.edges()).containsExactlyInAnyOrder(edge("ravi", "dana", "REFERRED"),
                                                            edge("dana", "sofia", "REFERRED"),
                                                            edge("/self", "dana", "MET"),
                                                            edge("dana", "/org/initech", "WORKS_AT"));
        assertThat(chain(SOFIA)).containsExactly(RAVI, DANA, SOFIA);
        assertThat(chain(DANA_AGAIN)).as("the duplicate answers for its survivor").containsExactly(RAVI, DANA);
        assertThat(graph(DANA_AGAIN, 1)).isEqualTo(graph(DANA, 1));
    }

    @Test
    void aForgottenContactLeavesNoNodeLabelOrEdgeAndNothingBringsItBack() {
        deliver(0, added(DANA, "Dana", "Reyes", "Acme", null));
        deliver(0, added(RAVI, "Ravi", null, "Initech", DANA));
        deliver(0, added(SOFIA, "Sofia", null, "initech", RAVI));
        deliver(5, held(RAVI));
        deliver(1, update(SOFIA, "Globex"));

        deliver(1, new ContactForgotten(OWNER, RAVI, Instant.now()));

        ContactGraphView graph = whole();
        assertThat(graph.nodes()).extracting(GraphNode::id)
                                 .as("Initech had only Ravi left").containsExactlyInAnyOrder("/self", "dana", "sofia", "/org/acme", "/org/globex");
        assertThat(graph.edges()).containsExactlyInAnyOrder(edge("dana", "/org/acme", "WORKS_AT"),
                                                            edge("sofia", "/org/globex", "WORKS_AT"));
        assertThat(chain(SOFIA)).as("no longer introduced by anyone known").containsExactly(SOFIA);
        assertThat(chain(RAVI)).isEmpty();
        assertThat(graph(RAVI, 1)).isNull();
        String stored = allRows().toString();
        assertThat(stored).doesNotContain("Ravi").doesNotContain("Initech").doesNotContain("nitech");

        deliver(1, new IntroductionRecorded(SOFIA, RAVI, false, false));
        deliver(6, held(RAVI), new ReferralRecorded(interview(RAVI), RAVI, new ReferralId(OWNER, "r-9"), DANA, true, null));
        deliver(0, added(RAVI, "Ravi", null, "Initech", null));
        assertThat(whole()).isEqualTo(graph);
    }

    @Test
    void theSameEventsTwiceLeaveTheSameRowAndAnOlderEventIsIgnored() {
        Object[] danas = {added(DANA, "Dana", null, "Acme", null), update(DANA, "Initech"), update(DANA, "Globex")};
        Object[] ravis = {added(RAVI, "Ravi", null, "Initech", DANA), new IntroductionRecorded(RAVI, SOFIA, false, false)};
        deliver(0, added(SOFIA, "Sofia", null, null, null));
        deliver(0, danas);
        deliver(0, ravis);
        deliver(5, held(DANA));
        deliver(3, new ContactForgotten(OWNER, SOFIA, Instant.now()));
        List<Document> once = allRows();

        deliver(0, danas);
        deliver(1, danas[1]);
        deliver(0, ravis);
        deliver(5, held(DANA));
        deliver(3, new ContactForgotten(OWNER, SOFIA, Instant.now()));

        assertThat(allRows()).isEqualTo(once);
        assertThat(label(whole(), "/org/globex")).isEqualTo("Globex");
    }

    @Test
    void eachOwnerHasTheirOwnGraph() {
        ContactId othersDana = new ContactId(OTHER_OWNER, "dana");
        deliver(0, added(DANA, "Dana", null, "Acme", null));
        deliver(0, added(othersDana, "Daniela", null, "Globex", null));
        deliver(5, new NotesRecorded(new InterviewId(OTHER_OWNER, "i-dana"), othersDana, HELD_AT, null, List.of(), null,
                                     null, HELD_AT.plus(Duration.ofDays(7)), false));

        ContactGraphView mine = whole();
        assertThat(mine.nodes()).extracting(GraphNode::label).containsExactlyInAnyOrder("You", "Dana", "Acme");
        assertThat(graph(null, 4).nodes()).as("I met nobody").extracting(GraphNode::id).containsExactly("/self");
        assertThat(graph(DANA, 4).nodes()).extracting(GraphNode::label).containsExactly("Dana", "Acme");
        assertThat(mine.edges()).containsExactly(edge("dana", "/org/acme", "WORKS_AT"));
        ContactGraphView theirs = queries.query(new FindContactGraph(OTHER_OWNER, null, 4),
                                                ResponseTypes.optionalInstanceOf(ContactGraphView.class)).join().orElseThrow();
        assertThat(theirs.nodes()).extracting(GraphNode::label).containsExactlyInAnyOrder("You", "Daniela", "Globex");
        assertThat(harness.documents(GraphRows.CONTACTS)).extracting(row -> row.getString("_id"))
                                                         .containsExactly("user-1/dana", "user-2/dana");
    }

    @Test
    void theNeighbourhoodReachesAsFarAsTheDepth() {
        deliver(0, added(DANA, "Dana", null, null, null));
        deliver(0, added(RAVI, "Ravi", null, null, DANA));
        deliver(0, added(SOFIA, "Sofia", null, "Initech", RAVI));
        deliver(0, added(LEE, "Lee", null, "Initech", null));
        deliver(5, held(DANA));

        assertThat(graph(null, 1).nodes()).extracting(GraphNode::id).containsExactly("/self", "dana");
        assertThat(graph(null, 2).nodes()).extracting(GraphNode::id).containsExactly("/self", "dana", "ravi");
        ContactGraphView aroundSofia = graph(SOFIA, 2);
        assertThat(aroundSofia.nodes()).extracting(GraphNode::id)
                                       .containsExactly("sofia", "/org/initech", "ravi", "dana", "lee");
        assertThat(aroundSofia.edges()).containsExactlyInAnyOrder(edge("dana", "ravi", "REFERRED"),
                                                                  edge("ravi", "sofia", "REFERRED"),
                                                                  edge("sofia", "/org/initech", "WORKS_AT"),
                                                                  edge("lee", "/org/initech", "WORKS_AT"));
        assertThat(graph(new ContactId(OWNER, "nobody"), 2)).isNull();
    }

    @Test
    void warmPathsGoThroughPeopleYouMet() {
        deliver(0, added(DANA, "Dana", null, "Acme", null));
        deliver(0, added(RAVI, "Ravi", null, null, DANA));
        deliver(0, added(SOFIA, "Sofia", null, "Initech", RAVI));
        deliver(5, held(DANA));

        assertThat(warmPaths(" INITECH ", 3)).containsExactly(new WarmPathView(List.of(DANA, RAVI), SOFIA));
        assertThat(warmPaths("initech", 1)).as("two people to go through").isEmpty();
        assertThat(warmPaths("acme", 0)).as("met directly").containsExactly(new WarmPathView(List.of(), DANA));
    }

    @Test
    void theReadModelIsRebuiltFromNothing() {
        deliver(0, added(DANA, "Dana", null, "Acme", null));
        projection.onReset();
        assertThat(allRows()).isEmpty();
        assertThat(graph(null, 1).nodes()).extracting(GraphNode::id).containsExactly("/self");
    }

    // ---------------------------------------------------------------- helpers

    private void deliver(long firstSequence, Object... events) {
        harness.deliver(projection, firstSequence, events);
    }

    /** Every node and edge of the owner's graph, connected to you or not. */
    private ContactGraphView whole() {
        List<String> nodes = new ArrayList<>(List.of(ContactNetwork.SELF));
        harness.documents(GraphRows.CONTACTS).stream()
               .filter(row -> row.getString("owner").equals(OWNER.value()))
               .map(GraphContact::of).filter(GraphContact::active)
               .forEach(contact -> nodes.add(contact.id));
        harness.documents(GraphRows.ORGANIZATIONS).stream()
               .filter(row -> row.getString("owner").equals(OWNER.value()))
               .forEach(row -> nodes.add(ContactNetwork.ORGANIZATION_PREFIX + GraphOrganization.of(row).name));
        return new ContactNetwork(new GraphRows(harness.database()).source(OWNER)).between(nodes, false);
    }

    /** Every row of every owner's graph. */
    private List<Document> allRows() {
        List<Document> rows = new ArrayList<>();
        for (String collection : List.of(GraphRows.CONTACTS, GraphRows.ORGANIZATIONS, GraphRows.ORGANIZATION_MEMBERS, GraphRows.MET)) {
            rows.addAll(harness.documents(collection));
        }
        return rows;
    }

    private ContactGraphView graph(ContactId center, int depth) {
        Optional<ContactGraphView> graph = queries.query(new FindContactGraph(OWNER, center, depth),
                                                         ResponseTypes.optionalInstanceOf(ContactGraphView.class)).join();
        return graph.orElse(null);
    }

    private List<ContactId> chain(ContactId contact) {
        return queries.query(new FindReferralChain(contact), ResponseTypes.multipleInstancesOf(ContactId.class)).join();
    }

    private List<WarmPathView> warmPaths(String organization, int maxHops) {
        return queries.query(new FindWarmPaths(OWNER, organization, maxHops, 5),
                             ResponseTypes.multipleInstancesOf(WarmPathView.class)).join();
    }

    private static String label(ContactGraphView graph, String id) {
        return graph.nodes().stream().filter(node -> node.id().equals(id)).findFirst().orElseThrow().label();
    }

    static GraphEdge edge(String from, String to, String kind) {
        return new GraphEdge(from, to, kind);
    }

    static ContactAdded added(ContactId id, String givenName, String familyName, String organization, ContactId referredBy) {
        return new ContactAdded(id, givenName, familyName, null, null, null, organization, List.of(), List.of(), null,
                                referredBy == null ? ContactSource.OTHER : ContactSource.REFERRAL, null, List.of(),
                                referredBy, false, Instant.parse("2026-03-01T09:00:00Z"));
    }

    static ContactUpdated update(ContactId id, String organization) {
        return new ContactUpdated(id, null, null, null, null, null, organization, null, null, null, null, null, null);
    }

    static ContactsMerged merged(ContactId survivor, ContactId duplicate, String organization, ContactId referredBy) {
        return new ContactsMerged(survivor, duplicate, null, null, null, null, organization, null, null, List.of(),
                                  List.of(), List.of(), referredBy, false, null, null, null);
    }

    static InterviewId interview(ContactId contact) {
        return new InterviewId(contact.owner(), "i-" + contact.value());
    }

    static NotesRecorded held(ContactId contact) {
        return new NotesRecorded(interview(contact), contact, HELD_AT, "what was said", List.of(), null, null,
                                 HELD_AT.plus(Duration.ofDays(7)), false);
    }

    /** How the events reach the projection: one at a time here, as batches of a processor in a subclass. */
    ProjectionHarness startHarness(Path dataDirectory) {
        return ProjectionHarness.start(dataDirectory);
    }
}
