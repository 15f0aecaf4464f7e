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
 *     <li>{@value #MET}: per owner, the contacts met, "owner".</li>
 * </ul>
 * An event reads and writes the few rows it touches, and a walk the rows it passes through, with one {@code $in}
 * per step: neither depends on how many contacts the owner has.
 */
final class GraphRows {

    static final String CONTACTS = "contact_graph_contacts";
    static final String ORGANIZATIONS = "contact_graph_organizations";
    static final String MET = "contact_graph_met";

    static final String KEY = "_id";
    static final String OWNER = "owner";
    private static final String MET_CONTACTS = "contacts";
    private static final ReplaceOptions UPSERT = new ReplaceOptions().upsert(true);

    private final MongoCollection<Document> contacts;
    private final MongoCollection<Document> organizations;
    private final MongoCollection<Document> met;

    GraphRows(MongoDatabase database) {
        this.contacts = database.getCollection(CONTACTS);
        this.organizations = database.getCollection(ORGANIZATIONS);
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

    SortedSet<String> met(OwnerId owner) {
        Document row = met.find(Filters.eq(KEY, owner.value())).first();
        return new TreeSet<>(row == null ? List.of() : GraphContact.texts(row, MET_CONTACTS));
    }

    /** Writes the rows one event changed; an organization without members is deleted, as is an empty met row. */
    void save(OwnerId owner, Collection<GraphContact> changedContacts, Collection<GraphOrganization> changedOrganizations,
              SortedSet<String> changedMet) {
        List<WriteModel<Document>> contactWrites = new ArrayList<>();
        for (GraphContact contact : changedContacts) {
            String key = key(owner, contact.id);
            contactWrites.add(new ReplaceOneModel<>(Filters.eq(KEY, key), contact.toDocument(key, owner.value()), UPSERT));
        }
        List<WriteModel<Document>> organizationWrites = new ArrayList<>();
        for (GraphOrganization organization : changedOrganizations) {
            String key = key(owner, organization.name);
            organizationWrites.add(organization.members.isEmpty()
                    ? new DeleteOneModel<>(Filters.eq(KEY, key))
                    : new ReplaceOneModel<>(Filters.eq(KEY, key), organization.toDocument(key, owner.value()), UPSERT));
        }
        if (!contactWrites.isEmpty()) {
            contacts.bulkWrite(contactWrites);
        }
        if (!organizationWrites.isEmpty()) {
            organizations.bulkWrite(organizationWrites);
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
        contacts.deleteMany(new Document());
        organizations.deleteMany(new Document());
        met.deleteMany(new Document());
    }

    private static String key(OwnerId owner, String value) {
        return owner.value() + "/" + value;
    }

    private static List<String> keys(OwnerId owner, Collection<String> values) {
        return values.stream().map(value -> key(owner, value)).distinct().toList();
    }
}
