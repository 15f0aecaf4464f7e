package app.rapport.application.graph;

import app.rapport.domain.shared.OwnerId;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.DeleteOneModel;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

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
    private static final ReplaceOptions UPSERT = new ReplaceOptions().upsert(true);

    private final MongoCollection<Document> contacts;
    private final MongoCollection<Document> organizations;
    private final MongoCollection<Document> members;
    private final MongoCollection<Document> met;

    GraphRows(MongoDatabase database) {
        this.contacts = database.getCollection(CONTACTS);
        this.organizations = database.getCollection(ORGANIZATIONS);
        this.members = database.getCollection(ORGANIZATION_MEMBERS);
        this.met = database.getCollection(MET);
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
            public SortedSet<String> members(String organization) {
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
            for (Document row : contacts.find(Filters.in(KEY, keys(owner, ids)))) {
                GraphContact contact = GraphContact.of(row);
                found.put(contact.id, contact);
            }
        }
        return found;
    }

    Map<String, GraphOrganization> organizations(OwnerId owner, Collection<String> names) {
        Map<String, GraphOrganization> found = new HashMap<>();
        if (!names.isEmpty()) {
            for (Document row : organizations.find(Filters.in(KEY, keys(owner, names)))) {
                GraphOrganization organization = GraphOrganization.of(row);
                found.put(organization.name, organization);
            }
        }
        return found;
    }

    /** Everyone who works at the organization: its member buckets, with one lookup. */
    SortedSet<String> members(OwnerId owner, String organization) {
        List<String> buckets = java.util.stream.IntStream.range(0, MEMBER_BUCKETS)
                                                         .mapToObj(bucket -> bucketKey(owner, organization, bucket)).toList();
        SortedSet<String> contacts = new TreeSet<>();
        for (Document bucket : members.find(Filters.in(KEY, buckets))) {
            contacts.addAll(GraphContact.texts(bucket, MEMBER_CONTACTS));
        }
        return contacts;
    }

    /** The member buckets with these keys that exist, by key. */
    Map<String, SortedSet<String>> memberBuckets(Collection<String> keys) {
        Map<String, SortedSet<String>> found = new HashMap<>();
        if (!keys.isEmpty()) {
            for (Document bucket : members.find(Filters.in(KEY, List.copyOf(keys)))) {
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
        Document row = met.find(Filters.eq(KEY, owner.value())).first();
        return new TreeSet<>(row == null ? List.of() : GraphContact.texts(row, MET_CONTACTS));
    }

    /** Writes the rows one event changed; an organization without members is deleted, as is an empty met row. */
    void save(OwnerId owner, Collection<GraphContact> changedContacts, Collection<GraphOrganization> changedOrganizations,
              Map<String, SortedSet<String>> changedMemberBuckets, SortedSet<String> changedMet) {
        List<WriteModel<Document>> contactWrites = new ArrayList<>();
        for (GraphContact contact : changedContacts) {
            String key = key(owner, contact.id);
            contactWrites.add(new ReplaceOneModel<>(Filters.eq(KEY, key), contact.toDocument(key, owner.value()), UPSERT));
        }
        List<WriteModel<Document>> organizationWrites = new ArrayList<>();
        for (GraphOrganization organization : changedOrganizations) {
            String key = key(owner, organization.name);
            organizationWrites.add(organization.empty()
                    ? new DeleteOneModel<>(Filters.eq(KEY, key))
                    : new ReplaceOneModel<>(Filters.eq(KEY, key), organization.toDocument(key, owner.value()), UPSERT));
        }
        if (!contactWrites.isEmpty()) {
            contacts.bulkWrite(contactWrites);
        }
        if (!organizationWrites.isEmpty()) {
            organizations.bulkWrite(organizationWrites);
        }
        List<WriteModel<Document>> memberWrites = new ArrayList<>();
        changedMemberBuckets.forEach((key, contacts) -> memberWrites.add(contacts.isEmpty()
                ? new DeleteOneModel<>(Filters.eq(KEY, key))
                : new ReplaceOneModel<>(Filters.eq(KEY, key), new Document(KEY, key).append(OWNER, owner.value())
                        .append(MEMBER_CONTACTS, List.copyOf(contacts)), UPSERT)));
        if (!memberWrites.isEmpty()) {
            members.bulkWrite(memberWrites);
        }
        if (changedMet != null) {
            if (changedMet.isEmpty()) {
                met.deleteOne(Filters.eq(KEY, owner.value()));
            } else {
                met.replaceOne(Filters.eq(KEY, owner.value()), new Document(KEY, owner.value()).append(OWNER, owner.value())
                        .append(MET_CONTACTS, List.copyOf(changedMet)), UPSERT);
            }
        }
    }

    void deleteAll() {
        contacts.drop(); // not deleteMany: the embedded store would hold every row in memory to delete it
        organizations.drop(); // not deleteMany: the embedded store would hold every row in memory to delete it
        members.drop();
        met.drop(); // not deleteMany: the embedded store would hold every row in memory to delete it
    }

    private static String key(OwnerId owner, String value) {
        return owner.value() + "/" + value;
    }

    private static List<String> keys(OwnerId owner, Collection<String> values) {
        return values.stream().map(value -> key(owner, value)).distinct().toList();
    }
}
