package app.rapport.application.graph;

import app.rapport.application.graph.OwnerGraph.Person;
import app.rapport.application.graph.OwnerGraph.Referral;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The walks over one owner's graph, on graphs built by hand. */
class ContactNetworkTest {

    private final OwnerGraph graph = new OwnerGraph("user-1");

    @Test
    void aReferralChainRunsFromTheFirstIntroducerDownToTheContact() {
        person("dana", null, null);
        person("ravi", null, "dana");
        person("sofia", null, "ravi");
        person("lee", null, null);

        ContactNetwork network = ContactNetwork.of(graph);

        assertThat(network.referralChain("sofia")).containsExactly("dana", "ravi", "sofia");
        assertThat(network.referralChain("lee")).containsExactly("lee");
        assertThat(network.referralChain("nobody")).isEmpty();
    }

    @Test
    void aCycleOfIntroducersEndsTheChainInsteadOfLoopingForever() {
        person("a", null, "c");
        person("b", null, "a");
        person("c", null, "b");

        assertThat(ContactNetwork.of(graph).referralChain("c")).containsExactly("a", "b", "c");
    }

    @Test
    void warmPathsFollowIntroductionsInBothDirectionsStartingFromPeopleYouMet() {
        person("dana", null, null);
        person("ravi", null, null);
        person("sofia", "Initech", "ravi");
        graph.referrals.add(new Referral("ravi", "dana")); // Ravi introduced Dana to you: Dana can ask Ravi back
        graph.met.add("dana");

        assertThat(ContactNetwork.of(graph).warmPaths("initech", 3, 5)).containsExactly(List.of("dana", "ravi", "sofia"));
    }

    @Test
    void peopleYouNeverMetAreNoWayIn() {
        person("ravi", null, null);
        person("sofia", "Initech", "ravi");

        assertThat(ContactNetwork.of(graph).warmPaths("initech", 5, 5)).isEmpty();
    }

    @Test
    void pathsComeShortestFirstEachTargetOnceTiesByIdsNearestFirst() {
        person("zoe", null, null);
        person("amir", null, null);
        person("bo", null, "amir");
        person("cy", null, "zoe");
        person("t1", "Initech", "bo");
        person("t2", "Initech", "cy");
        person("t3", "initech", null);
        graph.referrals.add(new Referral("cy", "t1")); // a second, equally long way to t1: via zoe, cy
        graph.met.add("zoe");
        graph.met.add("amir");
        graph.met.add("t3");

        ContactNetwork network = ContactNetwork.of(graph);

        assertThat(network.warmPaths("initech", 3, 5)).containsExactly(
                List.of("t3"),
                List.of("amir", "bo", "t1"),
                List.of("zoe", "cy", "t2"));
        assertThat(network.warmPaths("initech", 3, 2)).as("first").hasSize(2);
        assertThat(network.warmPaths("initech", 1, 5)).as("one person to go through at most").containsExactly(List.of("t3"));
    }

    @Test
    void theNeighbourhoodStopsAtItsNodeLimit() {
        for (int i = 0; i < 10; i++) {
            person("c" + i, "Initech", null);
        }

        ContactGraphView cut = ContactNetwork.of(graph).neighbourhood("c0", 2, 5);

        assertThat(cut.truncated()).isTrue();
        assertThat(cut.nodes()).extracting(GraphNode::id).containsExactly("c0", "/org/initech", "c1", "c2", "c3");
        assertThat(cut.edges()).hasSize(4).allMatch(edge -> edge.kind().equals(GraphEdge.WORKS_AT));
        assertThat(ContactNetwork.of(graph).neighbourhood("c0", 2, 500).truncated()).isFalse();
    }

    private Instant written = Instant.parse("2026-01-01T00:00:00Z");

    private void person(String id, String organization, String referredBy) {
        Person person = new Person(id);
        person.givenName = id;
        graph.writeOrganization(person, organization, written = written.plusSeconds(1));
        person.referredBy = referredBy;
        if (referredBy != null) {
            graph.referrals.add(new Referral(referredBy, id));
        }
        graph.contacts.put(id, person);
    }
}
