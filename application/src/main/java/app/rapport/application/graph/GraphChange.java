package app.rapport.application.graph;

import app.rapport.domain.shared.OwnerId;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What one event does to an owner's graph: the rows it reads, changes in memory, and writes back together
 * ({@link #commit}). Organization rows follow from the contacts: a contact that starts or stops working somewhere,
 * or writes another spelling, moves between their member lists when the change is committed.
 */
final class GraphChange {

    private final GraphRows rows;
    private final OwnerId owner;
    /** Loaded rows by id; null for a contact without a row. */
    private final Map<String, GraphContact> contacts = new HashMap<>();
    private final Map<String, GraphOrganization.Member> membershipsBefore = new HashMap<>();
    private final Map<String, GraphContact> changed = new LinkedHashMap<>();
    private SortedSet<String> met;
    private boolean metChanged;

    GraphChange(GraphRows rows, OwnerId owner) {
        this.rows = rows;
        this.owner = owner;
    }

    /** Reads the rows of these contacts not read yet, with one lookup. */
    void load(Collection<String> ids) {
        List<String> missing = ids.stream().filter(id -> id != null && !contacts.containsKey(id)).distinct().toList();
        if (missing.isEmpty()) {
            return;
        }
        Map<String, GraphContact> found = rows.contacts(owner, missing);
        for (String id : missing) {
            GraphContact contact = found.get(id);
            contacts.put(id, contact);
            if (contact != null) {
                membershipsBefore.put(id, contact.membership());
            }
        }
    }

    /** The contact's row, or null when it has none. */
    GraphContact contact(String id) {
        if (id == null) {
            return null;
        }
        load(List.of(id));
        return contacts.get(id);
    }

    /** A contact that has a row and is not forgotten (possibly merged away). */
    boolean known(String id) {
        GraphContact contact = contact(id);
        return contact != null && !contact.forgotten;
    }

    GraphContact add(String id) {
        GraphContact contact = new GraphContact(id);
        contacts.put(id, contact);
        return changed(contact);
    }

    GraphContact changed(GraphContact contact) {
        changed.put(contact.id, contact);
        return contact;
    }

    /** {@code from} introduced or referred {@code to}: both must be known. */
    boolean link(String from, String to) {
        GraphContact introducer = contact(from);
        GraphContact introduced = contact(to);
        boolean added = introducer.referred.add(to) | introduced.referredFrom.add(from);
        if (added) {
            changed(introducer);
            changed(introduced);
        }
        return added;
    }

    boolean meet(String id) {
        boolean added = met().add(id);
        metChanged |= added;
        return added;
    }

    /** Leaves a tombstone and no link to or from the contact; nobody is introduced by it any more. */
    void forget(GraphContact contact, long version) {
        load(contact.links());
        for (String linked : contact.links()) {
            GraphContact other = contacts.get(linked);
            if (other != null && !other.forgotten) {
                other.referred.remove(contact.id);
                other.referredFrom.remove(contact.id);
                if (contact.id.equals(other.referredBy)) {
                    other.referredBy = null;
                }
                changed(other);
            }
        }
        GraphContact survivor = contact.mergedInto == null ? null : contact(contact.mergedInto);
        if (survivor != null && survivor.mergedFrom.remove(contact.id)) {
            changed(survivor);
        }
        if (met().remove(contact.id)) {
            metChanged = true;
        }
        contact.forget(version);
        changed(contact);
    }

    /** Writes every row changed, and moves the contacts whose workplace changed between organizations. */
    void commit() {
        Map<String, GraphOrganization.Member> leaving = new HashMap<>();
        Map<String, GraphOrganization.Member> joining = new HashMap<>();
        for (GraphContact contact : changed.values()) {
            GraphOrganization.Member before = membershipsBefore.get(contact.id);
            GraphOrganization.Member after = contact.membership();
            if (!Objects.equals(before, after)) {
                if (before != null) {
                    leaving.put(contact.id, before);
                }
                if (after != null) {
                    joining.put(contact.id, after);
                }
            }
        }
        List<String> names = new ArrayList<>();
        Set<String> bucketKeys = new HashSet<>();
        for (GraphOrganization.Member member : concat(leaving.values(), joining.values())) {
            String name = GraphContact.normalizedOrganization(member.name());
            names.add(name);
            bucketKeys.add(GraphRows.memberBucket(owner, name, member.contact()));
        }
        Map<String, GraphOrganization> organizations = new HashMap<>(rows.organizations(owner, names));
        Map<String, SortedSet<String>> buckets = new HashMap<>(rows.memberBuckets(bucketKeys));
        for (GraphOrganization.Member member : leaving.values()) {
            organization(organizations, member).leave(member);
            bucket(buckets, member).remove(member.contact());
        }
        for (GraphOrganization.Member member : joining.values()) {
            organization(organizations, member).join(member);
            bucket(buckets, member).add(member.contact());
        }
        rows.save(owner, changed.values(), organizations.values(), buckets, metChanged ? met : null);
    }

    private SortedSet<String> bucket(Map<String, SortedSet<String>> buckets, GraphOrganization.Member member) {
        String key = GraphRows.memberBucket(owner, GraphContact.normalizedOrganization(member.name()), member.contact());
        return buckets.computeIfAbsent(key, ignored -> new TreeSet<>());
    }

    private static List<GraphOrganization.Member> concat(Collection<GraphOrganization.Member> first,
                                                         Collection<GraphOrganization.Member> second) {
        List<GraphOrganization.Member> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    private SortedSet<String> met() {
        if (met == null) {
            met = rows.met(owner);
        }
        return met;
    }

    private static GraphOrganization organization(Map<String, GraphOrganization> organizations, GraphOrganization.Member member) {
        String name = GraphContact.normalizedOrganization(member.name());
        return organizations.computeIfAbsent(name, GraphOrganization::new);
    }
}
