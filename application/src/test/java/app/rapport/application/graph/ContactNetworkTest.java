package app.rapport.application.graph;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The walks over one owner's graph, on rows built by hand. */
class ContactNetworkTest {

    private final Map<String, GraphContact> contacts = new TreeMap<>();
    private final Map<String, GraphOrganization> organizations = new TreeMap<>();
    private final Map<String, SortedSet<String>> members = new TreeMap<>();
    private final SortedSet<String> met = new TreeSet<>();
    /** Counts the lookups the walks make. */
    private int lookups;

    @Test
    void aReferralChainRunsFromTheFirstIntroducerDownToTheContact() {
        person("dana", null, null);
        person("ravi", null, "dana");
        person("sofia", null, "ravi");
        person("lee", null, null);

        ContactNetwork network = network();

        assertThat(network.referralChain("sofia")).containsExactly("dana", "ravi", "sofia");
        assertThat(network.referralChain("lee")).containsExactly("lee");
        assertThat(network.referralChain("nobody")).isEmpty();
    }

    @Test
    void aCycleOfIntroducersEndsTheChainInsteadOfLoopingForever() {
        person("a", null, "c");
        person("b", null, "a");
        person("c", null, "b");

        assertThat(network().referralChain("c")).containsExactly("a", "b", "c");
    }

    @Test
    void warmPathsFollowIntroductionsInBothDirectionsStartingFromPeopleYouMet() {
        person("dana", null, null);
        person("ravi", null, null);
        person("sofia", "Initech", "ravi");
        referral("ravi", "dana"); // Ravi introduced Dana to you: Dana can ask Ravi back
        met.add("dana");

        assertThat(network().warmPaths("initech", 3, 5)).containsExactly(List.of("dana", "ravi", "sofia"));
    }

    @Test
    void peopleYouNeverMetAreNoWayIn() {
        person("ravi", null, null);
        person("sofia", "Initech", "ravi");

        assertThat(network().warmPaths("initech", 5, 5)).isEmpty();
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
        referral("cy", "t1"); // a second, equally long way to t1: via zoe, cy
        met.add("zoe");
        met.add("amir");
        met.add("t3");

        ContactNetwork network = network();

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

        ContactGraphView cut = network().neighbourhood("c0", 2, 5);

        assertThat(cut.truncated()).isTrue();
        assertThat(cut.nodes()).extracting(GraphNode::id).containsExactly("c0", "/org/initech", "c1", "c2", "c3");
        assertThat(cut.edges()).hasSize(4).allMatch(edge -> edge.kind().equals(GraphEdge.WORKS_AT));
        assertThat(network().neighbourhood("c0", 2, 500).truncated()).isFalse();
    }

    @Test
    void aWalkReadsTheRowsItPassesThroughOneStepAtATime() {
        person("dana", null, null);
        for (int i = 0; i < 1_000; i++) {
            person("far" + i, "Globex", null);
        }
        person("ravi", null, "dana");
        person("sofia", "Initech", "ravi");
        met.add("dana");

        ContactNetwork network = network();
        assertThat(network.warmPaths("initech", 3, 5)).containsExactly(List.of("dana", "ravi", "sofia"));
        assertThat(lookups).as("the met row, then a lookup per step").isLessThanOrEqualTo(6);
    }

    private Instant written = Instant.parse("2026-01-01T00:00:00Z");

    private ContactNetwork network() {
        return new ContactNetwork(new GraphSource() {
            @Override
            public Map<String, GraphContact> contacts(Collection<String> ids) {
                lookups++;
                return ids.stream().filter(contacts::containsKey).collect(Collectors.toMap(Function.identity(), contacts::get));
            }

            @Override
            public Map<String, GraphOrganization> organizations(Collection<String> names) {
                lookups++;
                return names.stream().filter(organizations::containsKey).collect(Collectors.toMap(Function.identity(), organizations::get));
            }

            @Override
            public List<String> members(String organization) {
                lookups++;
                return List.copyOf(members.getOrDefault(organization, new TreeSet<>()));
            }

            @Override
            public SortedSet<String> met() {
                lookups++;
                return new TreeSet<>(met);
            }
        });
    }

    private void person(String id, String organization, String referredBy) {
        GraphContact person = new GraphContact(id);
        person.givenName = id;
        person.writeOrganization(organization, written = written.plusSeconds(1));
        contacts.put(id, person);
        if (person.membership() != null) {
            String name = GraphContact.normalizedOrganization(organization);
            organizations.computeIfAbsent(name, GraphOrganization::new).join(person.membership());
            members.computeIfAbsent(name, ignored -> new TreeSet<>()).add(id);
        }
        person.referredBy = referredBy;
        if (referredBy != null) {
            referral(referredBy, id);
        }
    }

    /** Links two contacts; an introducer without a row yet (a cycle built by hand) is named by {@code referredBy} only. */
    private void referral(String from, String to) {
        if (contacts.containsKey(from)) {
            contacts.get(from).referred.add(to);
            contacts.get(to).referredFrom.add(from);
        }
    }
}
