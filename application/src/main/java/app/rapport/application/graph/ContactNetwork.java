package app.rapport.application.graph;

import app.rapport.application.graph.OwnerGraph.Person;
import app.rapport.application.graph.OwnerGraph.Referral;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One owner's graph as it is shown, built in memory from the owner's {@link OwnerGraph} row, and the walks over
 * it. Only that owner's contacts are ever in it, so a walk costs in proportion to that owner's network alone.
 * <p>
 * Merges are followed here: a link to or from a contact merged away counts for its survivor; links between a
 * survivor and its own duplicate vanish. Forgotten and merged-away contacts are no nodes.
 * <p>
 * Node ids: {@value #SELF} for the owner, the contact's client id for a contact, {@value #ORGANIZATION_PREFIX}
 * followed by the normalized name (trimmed, lower case) for an organization. Contact ids never hold a '/', so the
 * three cannot collide.
 */
final class ContactNetwork {

    static final String SELF = "/self";
    static final String ORGANIZATION_PREFIX = "/org/";

    /** Merge chains are short; the bound only guards against a cycle a damaged row might hold. */
    private static final int MAX_MERGE_HOPS = 16;

    private final OwnerGraph graph;
    private final Map<String, GraphNode> nodes = new TreeMap<>();
    private final SortedSet<GraphEdge> edges = new TreeSet<>(GraphEdge.ORDER);
    /** Every edge, in both directions: for the neighbourhood. */
    private final Map<String, SortedSet<String>> adjacent = new HashMap<>();
    /** Introductions and referrals between contacts, in both directions: for warm paths. */
    private final Map<String, SortedSet<String>> introductions = new HashMap<>();
    private final SortedSet<String> met = new TreeSet<>();

    private ContactNetwork(OwnerGraph graph) {
        this.graph = graph;
    }

    static ContactNetwork of(OwnerGraph graph) {
        ContactNetwork network = new ContactNetwork(graph);
        network.build();
        return network;
    }

    private void build() {
        nodes.put(SELF, new GraphNode(SELF, GraphNode.SELF, "You"));
        Map<String, Person> organizationLabels = new HashMap<>();
        for (Person person : graph.contacts.values()) {
            if (!person.active()) {
                continue;
            }
            nodes.put(person.id, new GraphNode(person.id, GraphNode.CONTACT, person.displayName()));
            if (person.organization != null) {
                String organization = organizationId(person.organization);
                organizationLabels.merge(organization, person,
                                         (kept, other) -> other.organizationWrite > kept.organizationWrite ? other : kept);
                link(new GraphEdge(person.id, organization, GraphEdge.WORKS_AT), false);
            }
        }
        organizationLabels.forEach((id, person) -> nodes.put(id, new GraphNode(id, GraphNode.ORGANIZATION, person.organization)));
        for (Referral referral : graph.referrals) {
            String from = resolve(referral.from());
            String to = resolve(referral.to());
            if (from != null && to != null && !from.equals(to)) {
                link(new GraphEdge(from, to, GraphEdge.REFERRED), true);
            }
        }
        for (String contact : graph.met) {
            String survivor = resolve(contact);
            if (survivor != null && met.add(survivor)) {
                link(new GraphEdge(SELF, survivor, GraphEdge.MET), false);
            }
        }
    }

    private void link(GraphEdge edge, boolean introduction) {
        edges.add(edge);
        adjacent.computeIfAbsent(edge.from(), id -> new TreeSet<>()).add(edge.to());
        adjacent.computeIfAbsent(edge.to(), id -> new TreeSet<>()).add(edge.from());
        if (introduction) {
            introductions.computeIfAbsent(edge.from(), id -> new TreeSet<>()).add(edge.to());
            introductions.computeIfAbsent(edge.to(), id -> new TreeSet<>()).add(edge.from());
        }
    }

    static String organizationId(String organization) {
        return ORGANIZATION_PREFIX + OwnerGraph.normalizedOrganization(organization);
    }

    /** The contact that stands for this id now: itself, or the survivor it was merged into; null when gone. */
    String resolve(String contactId) {
        Set<String> seen = new LinkedHashSet<>();
        String current = contactId;
        for (int hop = 0; current != null && hop <= MAX_MERGE_HOPS && seen.add(current); hop++) {
            Person person = graph.person(current);
            if (person == null || person.forgotten) {
                return null;
            }
            if (person.mergedInto == null) {
                return current;
            }
            current = person.mergedInto;
        }
        return null;
    }

    List<GraphNode> nodes() {
        return List.copyOf(nodes.values());
    }

    List<GraphEdge> edges() {
        return List.copyOf(edges);
    }

    /**
     * The nodes within {@code depth} edges of the centre, in either direction, nearest first (ties by id), at most
     * {@code nodeLimit} of them, and every edge between two of them.
     */
    ContactGraphView neighbourhood(String center, int depth, int nodeLimit) {
        Map<String, Integer> distance = new LinkedHashMap<>();
        Deque<String> queue = new ArrayDeque<>();
        distance.put(center, 0);
        queue.add(center);
        boolean truncated = false;
        while (!queue.isEmpty()) {
            String node = queue.poll();
            int next = distance.get(node) + 1;
            if (next > depth) {
                continue;
            }
            for (String neighbour : adjacent.getOrDefault(node, Collections.emptySortedSet())) {
                if (distance.containsKey(neighbour)) {
                    continue;
                }
                if (distance.size() >= nodeLimit) {
                    truncated = true;
                    break;
                }
                distance.put(neighbour, next);
                queue.add(neighbour);
            }
        }
        List<GraphNode> shown = distance.keySet().stream()
                                        .sorted(Comparator.comparing((String id) -> distance.get(id)).thenComparing(id -> id))
                                        .map(nodes::get)
                                        .toList();
        List<GraphEdge> between = edges.stream()
                                       .filter(edge -> distance.containsKey(edge.from()) && distance.containsKey(edge.to()))
                                       .toList();
        return new ContactGraphView(shown, between, truncated);
    }

    /**
     * From the first introducer down to the contact itself, following each contact's primary introducer; a
     * contact nobody introduced gives itself alone; empty when the contact is unknown or forgotten. An introducer
     * met twice (a cycle) ends the chain.
     */
    List<String> referralChain(String contactId) {
        String contact = resolve(contactId);
        if (contact == null) {
            return List.of();
        }
        Deque<String> chain = new ArrayDeque<>();
        Set<String> seen = new LinkedHashSet<>();
        for (String current = contact; current != null && seen.add(current); current = resolve(graph.person(current).referredBy)) {
            chain.addFirst(current);
        }
        return List.copyOf(chain);
    }

    /**
     * The shortest warm paths to the contacts at an organization: each a list of contact ids from the first
     * person to go through down to the target, which comes last. From the owner a walk may go to a contact the
     * owner met; from a contact, to a contact it introduced or referred, or one that introduced or referred it.
     * A target met directly is a path of the target alone. One path per target, at most {@code maxHops} people
     * before it; shortest first; among equally long ones, the one whose ids come first alphabetically, compared
     * nearest first (breadth-first search visiting neighbours in id order finds exactly that one).
     */
    List<List<String>> warmPaths(String normalizedOrganization, int maxHops, int first) {
        Map<String, String> cameFrom = new HashMap<>();
        Map<String, Integer> steps = new HashMap<>();
        Deque<String> queue = new ArrayDeque<>();
        for (String contact : met) {
            steps.put(contact, 1);
            queue.add(contact);
        }
        List<List<String>> paths = new ArrayList<>();
        while (!queue.isEmpty() && paths.size() < first) {
            String contact = queue.poll();
            Person person = graph.person(contact);
            if (normalizedOrganization.equals(OwnerGraph.normalizedOrganization(person.organization))) {
                paths.add(pathTo(contact, cameFrom));
            }
            int next = steps.get(contact) + 1;
            if (next > maxHops + 1) {
                continue;
            }
            for (String neighbour : introductions.getOrDefault(contact, Collections.emptySortedSet())) {
                if (!steps.containsKey(neighbour)) {
                    steps.put(neighbour, next);
                    cameFrom.put(neighbour, contact);
                    queue.add(neighbour);
                }
            }
        }
        return paths;
    }

    private static List<String> pathTo(String target, Map<String, String> cameFrom) {
        Deque<String> path = new ArrayDeque<>();
        for (String current = target; current != null; current = cameFrom.get(current)) {
            path.addFirst(current);
        }
        return List.copyOf(path);
    }
}
