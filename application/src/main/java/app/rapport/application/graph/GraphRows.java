package app.rapport.application.graph;

import app.rapport.domain.shared.OwnerId;
import app.rapport.application.views.EventIds;
import app.rapport.application.views.ViewRows;
import app.rapport.domain.contact.ContactAdded;
import app.rapport.domain.contact.ContactId;
import app.rapport.domain.contact.ContactUpdated;
import com.mongodb.client.MongoDatabase;
import java.util.function.Function;
import org.bson.Document;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * The graph's rows, each found by its {@code _id} (the only lookup the embedded store answers without a scan):
 * <ul>
 *     <li>{@value #CONTACTS}: a {@link GraphContact} per contact, "owner/contact";</li>
 *     <li>{@value #ORGANIZATIONS}: a {@link GraphOrganization} per organization someone works at, "owner/name";</li>
 *     <li>{@value #ORGANIZATION_MEMBERS}: who works there, in {@value #MEMBER_BUCKETS} buckets per organization by the
 *     hash of the contact's id, "owner/name#07";</li>
 *     <li>{@value #MET}: per owner, the contacts met, "owner".</li>
 * </ul>
 * An event reads and writes the few rows it touches, and a walk the rows it passes through, with one {@code $in}
 * per step: neither depends on how many contacts the owner has.
 */
final class GraphRows {

    static final String CONTACTS = "contact_graph_contacts";
    static final String ORGANIZATIONS = "contact_graph_organizations";
    static final String ORGANIZATION_MEMBERS = "contact_graph_organization_members";
    static final String MET = "contact_graph_met";
    static final int MEMBER_BUCKETS = 32;

    static final String KEY = "_id";
    static final String OWNER = "owner";
    private static final String MET_CONTACTS = "contacts";
    private static final String MEMBER_CONTACTS = "contacts";

    private final ViewRows contacts;
    private final ViewRows organizations;
    private final ViewRows members;
    private final ViewRows met;

    GraphRows(MongoDatabase database) {
        Function<Object, List<ContactId>> contactsOf = EventIds.ids(ContactId.class);
        this.contacts = ViewRows.of(database, CONTACTS).readAhead(EventIds.ofType(ContactId.class));
        this.organizations = ViewRows.of(database, ORGANIZATIONS)
                                     .readAhead(event -> joined(event).map(join -> key(join.owner(), join.organization())).toList());
        this.members = ViewRows.of(database, ORGANIZATION_MEMBERS)
                               .readAhead(event -> joined(event).map(join -> memberBucket(join.owner(), join.organization(), join.contact()))
                                                                .toList());
        this.met = ViewRows.of(database, MET).readAhead(event -> contactsOf.apply(event).stream()
                                                                          .map(id -> id.owner().value()).distinct().toList());
    }

    /** A contact that an event says works at an organization (normalized), which its rows will be read for. */
    private record Join(OwnerId owner, String organization, String contact) {
    }

    /** The organization an added or updated contact works at now; where it worked before is known only from its row. */
    private static Stream<Join> joined(Object event) {
        ContactId contact;
        String organization;
        if (event instanceof ContactAdded added) {
            contact = added.contactId();
            organization = added.organization();
        } else if (event instanceof ContactUpdated updated) {
            contact = updated.contactId();
            organization = updated.organization();
        } else {
            return Stream.empty();
        }
        String normalized = GraphContact.normalizedOrganization(organization);
        return normalized == null || normalized.isEmpty() ? Stream.empty()
                : Stream.of(new Join(contact.owner(), normalized, contact.value()));
    }

    GraphSource source(OwnerId owner) {
        return new GraphSource() {
            @Override
            public Map<String, GraphContact> contacts(Collection<String> ids) {
                return GraphRows.this.contacts(owner, ids);
            }

            @Override
            public Map<String, GraphOrganization> organizations(Collection<String> names) {
                return GraphRows.this.organizations(owner, names);
            }

            @Override
            public List<String> members(String organization) {
                return GraphRows.this.members(owner, organization);
            }

            @Override
            public SortedSet<String> met() {
                return GraphRows.this.met(owner);
            }
        };
    }

    Map<String, GraphContact> contacts(OwnerId owner, Collection<String> ids) {
        Map<String, GraphContact> found = new HashMap<>();
        if (!ids.isEmpty()) {
            for (Document row : contacts.findAll(keys(owner, ids))) {
                GraphContact contact = GraphContact.of(row);
                found.put(contact.id, contact);
            }
        }
        return found;
    }

    Map<String, GraphOrganization> organizations(OwnerId owner, Collection<String> names) {
        Map<String, GraphOrganization> found = new HashMap<>();
        if (!names.isEmpty()) {
            for (Document row : organizations.findAll(keys(owner, names))) {
                GraphOrganization organization = GraphOrganization.of(row);
                found.put(organization.name, organization);
            }
        }
        return found;
    }

    /**
     * Everyone who works at the organization, in id order: its member buckets, with one lookup. Each bucket is kept
     * in order, so the sort merges runs.
     */
    List<String> members(OwnerId owner, String organization) {
        List<String> buckets = IntStream.range(0, MEMBER_BUCKETS).mapToObj(bucket -> bucketKey(owner, organization, bucket)).toList();
        List<String> contacts = new ArrayList<>();
        for (Document bucket : members.findAll(buckets)) {
            contacts.addAll(GraphContact.texts(bucket, MEMBER_CONTACTS));
        }
        contacts.sort(null);
        return contacts;
    }

    /** The member buckets with these keys that exist, by key. */
    Map<String, SortedSet<String>> memberBuckets(Collection<String> keys) {
        Map<String, SortedSet<String>> found = new HashMap<>();
        if (!keys.isEmpty()) {
            for (Document bucket : members.findAll(keys)) {
                found.put(bucket.getString(KEY), new TreeSet<>(GraphContact.texts(bucket, MEMBER_CONTACTS)));
            }
        }
        return found;
    }

    /** The key of the bucket that lists the contact among the organization's members. */
    static String memberBucket(OwnerId owner, String organization, String contact) {
        return bucketKey(owner, organization, Math.floorMod(contact.hashCode(), MEMBER_BUCKETS));
    }

    private static String bucketKey(OwnerId owner, String organization, int bucket) {
        return key(owner, organization) + "#" + String.format("%02d", bucket);
    }

    SortedSet<String> met(OwnerId owner) {
        Document row = met.find(owner.value());
        return new TreeSet<>(row == null ? List.of() : GraphContact.texts(row, MET_CONTACTS));
    }

    /** Writes the rows one event changed; an organization without members is deleted, as is an empty met row. */
    void save(OwnerId owner, Collection<GraphContact> changedContacts, Collection<GraphOrganization> changedOrganizations,
              Map<String, SortedSet<String>> changedMemberBuckets, SortedSet<String> changedMet) {
        for (GraphContact contact : changedContacts) {
            contacts.save(contact.toDocument(key(owner, contact.id), owner.value()));
        }
        for (GraphOrganization organization : changedOrganizations) {
            String key = key(owner, organization.name);
            if (organization.empty()) {
                organizations.delete(key);
            } else {
                organizations.save(organization.toDocument(key, owner.value()));
            }
        }
        changedMemberBuckets.forEach((key, contacts) -> {
            if (contacts.isEmpty()) {
                members.delete(key);
            } else {
                members.save(new Document(KEY, key).append(OWNER, owner.value()).append(MEMBER_CONTACTS, List.copyOf(contacts)));
            }
        });
        if (changedMet != null) {
            if (changedMet.isEmpty()) {
                met.delete(owner.value());
            } else {
                met.save(new Document(KEY, owner.value()).append(OWNER, owner.value()).append(MET_CONTACTS, List.copyOf(changedMet)));
            }
        }
    }

    void deleteAll() {
        contacts.drop();
        organizations.drop();
        members.drop();
        met.drop();
    }

    private static String key(OwnerId owner, String value) {
        return owner.value() + "/" + value;
    }

    private static List<String> keys(OwnerId owner, Collection<String> values) {
        return values.stream().map(value -> key(owner, value)).distinct().toList();
    }
}
