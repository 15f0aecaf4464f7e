package app.rapport.application.graph;

import org.bson.Document;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One owner's graph row as the projection keeps it: every contact with its name, organization, primary
 * introducer and merge link; every introduction or referral between two contacts; every contact the owner met.
 * Ids are the contacts' client ids as written in the events: merges are followed when the graph is read
 * ({@link ContactNetwork}), so forgetting a duplicate can take exactly its own links away.
 * <p>
 * Kept in sorted collections, so the same events always give the same document.
 */
final class OwnerGraph {

    static final String ID = "_id";
    static final String OWNER = "owner";
    static final String CONTACTS = "contacts";
    static final String REFERRALS = "referrals";
    static final String MET = "met";

    private static final String CONTACT_ID = "id";
    private static final String GIVEN_NAME = "givenName";
    private static final String FAMILY_NAME = "familyName";
    private static final String ORGANIZATION = "organization";
    private static final String ORGANIZATION_WRITE = "organizationWrite";
    private static final String REFERRED_BY = "referredBy";
    private static final String MERGED_INTO = "mergedInto";
    private static final String FORGOTTEN = "forgotten";
    private static final String VERSION = "version";
    private static final String FROM = "from";
    private static final String TO = "to";

    final String owner;
    final Map<String, Person> contacts = new TreeMap<>();
    final Set<Referral> referrals = new TreeSet<>();
    final Set<String> met = new TreeSet<>();

    OwnerGraph(String owner) {
        this.owner = owner;
    }

    /**
     * A contact as the graph knows it. A forgotten one keeps only its id and version (a tombstone), so late or
     * repeated events cannot bring it back.
     *
     * @param organizationWrite when its organization was last written (microseconds since the epoch), so the most
     *                          recent spelling of an organization can be told
     * @param version           the sequence number of the contact's last event applied
     */
    static final class Person {
        final String id;
        String givenName;
        String familyName;
        String organization;
        long organizationWrite;
        String referredBy;
        String mergedInto;
        boolean forgotten;
        long version;

        Person(String id) {
            this.id = id;
        }

        boolean active() {
            return !forgotten && mergedInto == null;
        }

        /** "Dana Reyes"; the id when no name can be read. */
        String displayName() {
            String name = String.join(" ", java.util.stream.Stream.of(givenName, familyName)
                                                                  .filter(part -> part != null && !part.isBlank())
                                                                  .toList());
            return name.isEmpty() ? id : name;
        }
    }

    /** {@code from} introduced or referred {@code to}. */
    record Referral(String from, String to) implements Comparable<Referral> {
        @Override
        public int compareTo(Referral other) {
            int byFrom = from.compareTo(other.from);
            return byFrom != 0 ? byFrom : to.compareTo(other.to);
        }
    }

    /** Organizations are the same when they are spelt the same ignoring case and surrounding blanks. */
    static String normalizedOrganization(String name) {
        return name == null ? null : name.strip().toLowerCase(Locale.ROOT);
    }

    Person person(String id) {
        return id == null ? null : contacts.get(id);
    }

    /** A contact that is known and not forgotten (possibly merged away). */
    boolean known(String id) {
        Person person = person(id);
        return person != null && !person.forgotten;
    }

    /**
     * Ordered by the writing event's time, not a counter: a replay after a contact was forgotten reads that
     * contact's organizations as null, and a counter would then number everyone else's writes differently.
     */
    void writeOrganization(Person person, String organization, Instant writtenAt) {
        String trimmed = organization == null ? null : organization.strip();
        person.organization = trimmed == null || trimmed.isEmpty() ? null : trimmed;
        person.organizationWrite = person.organization == null ? 0 : ChronoUnit.MICROS.between(Instant.EPOCH, writtenAt);
    }

    /** Leaves a tombstone and no link to or from the contact. */
    void forget(String id, long version) {
        referrals.removeIf(referral -> referral.from().equals(id) || referral.to().equals(id));
        met.remove(id);
        for (Person other : contacts.values()) {
            if (id.equals(other.referredBy)) {
                other.referredBy = null;
            }
        }
        Person tombstone = new Person(id);
        tombstone.forgotten = true;
        tombstone.version = version;
        contacts.put(id, tombstone);
    }

    Document toDocument() {
        List<Document> people = new ArrayList<>();
        for (Person person : contacts.values()) {
            Document row = new Document(CONTACT_ID, person.id);
            if (person.forgotten) {
                row.append(FORGOTTEN, true);
            } else {
                row.append(GIVEN_NAME, person.givenName)
                   .append(FAMILY_NAME, person.familyName)
                   .append(ORGANIZATION, person.organization)
                   .append(ORGANIZATION_WRITE, person.organizationWrite)
                   .append(REFERRED_BY, person.referredBy)
                   .append(MERGED_INTO, person.mergedInto);
            }
            people.add(row.append(VERSION, person.version));
        }
        List<Document> links = referrals.stream().map(referral -> new Document(FROM, referral.from()).append(TO, referral.to())).toList();
        return new Document(ID, owner).append(OWNER, owner)
                                      .append(CONTACTS, people)
                                      .append(REFERRALS, links)
                                      .append(MET, List.copyOf(met));
    }

    static OwnerGraph of(Document row) {
        OwnerGraph graph = new OwnerGraph(row.getString(OWNER));
        for (Document entry : list(row, CONTACTS, Document.class)) {
            Person person = new Person(entry.getString(CONTACT_ID));
            person.forgotten = entry.getBoolean(FORGOTTEN, false);
            person.givenName = entry.getString(GIVEN_NAME);
            person.familyName = entry.getString(FAMILY_NAME);
            person.organization = entry.getString(ORGANIZATION);
            person.organizationWrite = number(entry, ORGANIZATION_WRITE);
            person.referredBy = entry.getString(REFERRED_BY);
            person.mergedInto = entry.getString(MERGED_INTO);
            person.version = number(entry, VERSION);
            graph.contacts.put(person.id, person);
        }
        for (Document link : list(row, REFERRALS, Document.class)) {
            graph.referrals.add(new Referral(link.getString(FROM), link.getString(TO)));
        }
        graph.met.addAll(list(row, MET, String.class));
        return graph;
    }

    private static long number(Document row, String field) {
        Number value = row.get(field, Number.class);
        return value == null ? 0 : value.longValue();
    }

    private static <T> Collection<T> list(Document row, String field, Class<T> type) {
        List<T> values = row.getList(field, type);
        return values == null ? List.of() : values;
    }
}
