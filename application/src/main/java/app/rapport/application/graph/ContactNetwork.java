package app.rapport.application.graph;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * One owner's graph as it is shown, and the walks over it. Rows are read as a walk reaches them, one lookup per
 * step of the walk ({@link GraphSource}), so a walk costs in proportion to what it passes through, never to the
 * owner's whole network.
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

    private final GraphSource source;
    /** Rows read so far; null for a contact without a row. */
    private final Map<String, GraphContact> contacts = new HashMap<>();
    private final Map<String, GraphOrganization> organizations = new HashMap<>();
    private SortedSet<String> met;

    ContactNetwork(GraphSource source) {
        this.source = source;
    }

    static String organizationId(String organization) {
        return ORGANIZATION_PREFIX + GraphContact.normalizedOrganization(organization);
    }

    /** The contact that stands for this id now: itself, or the survivor it was merged into; null when gone. */
    String resolve(String contactId) {
        Set<String> seen = new LinkedHashSet<>();
        String current = contactId;
        for (int hop = 0; current != null && hop <= MAX_MERGE_HOPS && seen.add(current); hop++) {
            GraphContact contact = contact(current);
            if (contact == null || contact.forgotten) {
                return null;
            }
            if (contact.mergedInto == null) {
                return current;
            }
            current = contact.mergedInto;
        }
        return null;
    }

    /**
     * The nodes within {@code depth} edges of the centre, in either direction, nearest first (ties by id), at most
     * {@code nodeLimit} of them, and every edge between two of them.
     */
    ContactGraphView neighbourhood(String center, int depth, int nodeLimit) {
        Map<String, Integer> distance = new LinkedHashMap<>();
        distance.put(center, 0);
        List<String> level = List.of(center);
        boolean truncated = false;
        for (int next = 1; next <= depth && !level.isEmpty() && !truncated; next++) {
            prefetch(level);
            List<String> reached = new ArrayList<>();
            for (String node : level) {
                for (String neighbour : neighbours(node)) {
                    if (distance.containsKey(neighbour)) {
                        continue;
                    }
                    if (distance.size() >= nodeLimit) {
                        truncated = true;
                        break;
                    }
                    distance.put(neighbour, next);
                    reached.add(neighbour);
                }
                if (truncated) {
                    break;
                }
            }
            level = reached;
        }
        List<String> shown = distance.keySet().stream()
                                     .sorted(Comparator.comparing((String id) -> distance.get(id)).thenComparing(id -> id))
                                     .toList();
        return between(shown, truncated);
    }

    /** These nodes, in this order, and every edge between two of them. */
    ContactGraphView between(List<String> shown, boolean truncated) {
        prefetch(shown);
        Set<String> included = new HashSet<>(shown);
        SortedSet<GraphEdge> edges = new TreeSet<>(GraphEdge.ORDER);
        for (String id : shown) {
            if (id.equals(SELF) || id.startsWith(ORGANIZATION_PREFIX)) {
                continue;
            }
            for (GraphContact member : withDuplicates(id)) {
                for (String introduced : member.referred) {
                    String survivor = resolve(introduced);
                    if (survivor != null && !survivor.equals(id) && included.contains(survivor)) {
                        edges.add(new GraphEdge(id, survivor, GraphEdge.REFERRED));
                    }
                }
            }
            GraphContact contact = contact(id);
            if (contact.organization != null && included.contains(organizationId(contact.organization))) {
                edges.add(new GraphEdge(id, organizationId(contact.organization), GraphEdge.WORKS_AT));
            }
            if (included.contains(SELF) && metContacts().contains(id)) {
                edges.add(new GraphEdge(SELF, id, GraphEdge.MET));
            }
        }
        return new ContactGraphView(shown.stream().map(this::node).toList(), List.copyOf(edges), truncated);
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
        for (String current = contact; current != null && seen.add(current); current = resolve(contact(current).referredBy)) {
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
        for (String contact : metContacts()) {
            steps.put(contact, 1);
            queue.add(contact);
        }
        List<List<String>> paths = new ArrayList<>();
        while (!queue.isEmpty() && paths.size() < first) {
            if (!contacts.containsKey(queue.peek())) {
                prefetch(queue); // the next step of the walk, with one lookup
            }
            String contact = queue.poll();
            if (normalizedOrganization.equals(GraphContact.normalizedOrganization(contact(contact).organization))) {
                paths.add(pathTo(contact, cameFrom));
            }
            int next = steps.get(contact) + 1;
            if (next > maxHops + 1) {
                continue;
            }
            for (String neighbour : introductions(contact)) {
                if (!steps.containsKey(neighbour)) {
                    steps.put(neighbour, next);
                    cameFrom.put(neighbour, contact);
                    queue.add(neighbour);
                }
            }
        }
        return paths;
    }

    // ---------------------------------------------------------------- adjacency

    /** Every node one edge away, either direction, in id order. */
    private Collection<String> neighbours(String node) {
        if (node.equals(SELF)) {
            return metContacts();
        }
        if (node.startsWith(ORGANIZATION_PREFIX)) {
            return source.members(node.substring(ORGANIZATION_PREFIX.length()));
        }
        SortedSet<String> neighbours = introductions(node);
        GraphContact contact = contact(node);
        if (contact.organization != null) {
            neighbours.add(organizationId(contact.organization));
        }
        if (metContacts().contains(node)) {
            neighbours.add(SELF);
        }
        return neighbours;
    }

    /** The contacts that introduced or referred this one, or that it introduced or referred, merges followed. */
    private SortedSet<String> introductions(String contact) {
        Set<String> links = new HashSet<>();
        withDuplicates(contact).forEach(member -> links.addAll(member.links()));
        load(links);
        SortedSet<String> survivors = new TreeSet<>();
        for (String link : links) {
            String survivor = resolve(link);
            if (survivor != null && !survivor.equals(contact)) {
                survivors.add(survivor);
            }
        }
        return survivors;
    }

    /** The contact and every duplicate merged into it, directly or through another duplicate. */
    private List<GraphContact> withDuplicates(String id) {
        List<GraphContact> group = new ArrayList<>();
        GraphContact survivor = contact(id);
        if (survivor == null) {
            return group;
        }
        group.add(survivor);
        Set<String> seen = new HashSet<>(Set.of(id));
        List<GraphContact> level = List.of(survivor);
        for (int hop = 0; hop < MAX_MERGE_HOPS && !level.isEmpty(); hop++) {
            List<String> duplicates = level.stream().flatMap(contact -> contact.mergedFrom.stream()).filter(seen::add).toList();
            load(duplicates);
            List<GraphContact> next = new ArrayList<>();
            for (GraphContact parent : level) {
                for (String duplicateId : parent.mergedFrom) {
                    GraphContact duplicate = contacts.get(duplicateId);
                    if (duplicate != null && !duplicate.forgotten && parent.id.equals(duplicate.mergedInto) && !next.contains(duplicate)) {
                        next.add(duplicate);
                    }
                }
            }
            group.addAll(next);
            level = next;
        }
        return group;
    }

    private SortedSet<String> metContacts() {
        if (met == null) {
            SortedSet<String> named = source.met();
            load(named);
            met = new TreeSet<>();
            for (String contact : named) {
                String survivor = resolve(contact);
                if (survivor != null) {
                    met.add(survivor);
                }
            }
        }
        return met;
    }

    private GraphNode node(String id) {
        if (id.equals(SELF)) {
            return new GraphNode(SELF, GraphNode.SELF, "You");
        }
        if (id.startsWith(ORGANIZATION_PREFIX)) {
            GraphOrganization organization = organization(id.substring(ORGANIZATION_PREFIX.length()));
            return new GraphNode(id, GraphNode.ORGANIZATION, organization == null ? id : organization.label());
        }
        return new GraphNode(id, GraphNode.CONTACT, contact(id).displayName());
    }

    // ---------------------------------------------------------------- reading rows

    /** Reads, with one lookup each for contacts and organizations, what walking on from these nodes needs. */
    private void prefetch(Collection<String> nodes) {
        List<String> contactIds = nodes.stream().filter(id -> !id.equals(SELF) && !id.startsWith(ORGANIZATION_PREFIX)).toList();
        load(contactIds);
        Set<String> around = new HashSet<>();
        Set<String> organizationNames = new HashSet<>();
        for (String id : contactIds) {
            GraphContact contact = contacts.get(id);
            if (contact != null) {
                around.addAll(contact.links());
                around.addAll(contact.mergedFrom);
                if (contact.organization != null) {
                    organizationNames.add(GraphContact.normalizedOrganization(contact.organization));
                }
            }
        }
        nodes.stream().filter(id -> id.startsWith(ORGANIZATION_PREFIX))
             .forEach(id -> organizationNames.add(id.substring(ORGANIZATION_PREFIX.length())));
        load(around);
        loadOrganizations(organizationNames);
    }

    private void load(Collection<String> ids) {
        List<String> missing = ids.stream().filter(id -> id != null && !contacts.containsKey(id)).distinct().toList();
        if (!missing.isEmpty()) {
            Map<String, GraphContact> found = source.contacts(missing);
            missing.forEach(id -> contacts.put(id, found.get(id)));
        }
    }

    private GraphContact contact(String id) {
        if (id == null) {
            return null;
        }
        load(List.of(id));
        return contacts.get(id);
    }

    private void loadOrganizations(Collection<String> names) {
        List<String> missing = names.stream().filter(name -> !organizations.containsKey(name)).distinct().toList();
        if (!missing.isEmpty()) {
            Map<String, GraphOrganization> found = source.organizations(missing);
            missing.forEach(name -> organizations.put(name, found.get(name)));
        }
    }

    private GraphOrganization organization(String name) {
        loadOrganizations(List.of(name));
        return organizations.get(name);
    }

    private static List<String> pathTo(String target, Map<String, String> cameFrom) {
        Deque<String> path = new ArrayDeque<>();
        for (String current = target; current != null; current = cameFrom.get(current)) {
            path.addFirst(current);
        }
        return List.copyOf(path);
    }
}
