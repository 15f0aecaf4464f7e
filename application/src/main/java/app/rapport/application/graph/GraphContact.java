package app.rapport.application.graph;

import org.bson.Document;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * One contact's row of the graph ({@value GraphRows#CONTACTS}, {@code _id} = "owner/contact"): its name,
 * organization, primary introducer, merge link, and its links as the events name them — the contacts it
 * introduced or referred, those that introduced or referred it, and the duplicates merged into it. Merges are
 * followed when the graph is read ({@link ContactNetwork}), so forgetting a duplicate takes exactly its own links.
 * <p>
 * A forgotten contact keeps only its id and version (a tombstone), so late or repeated events cannot bring it back.
 * Sets are sorted, so the same events always give the same row.
 */
final class GraphContact {

    private static final String ID = "id";
    private static final String GIVEN_NAME = "givenName";
    private static final String FAMILY_NAME = "familyName";
    private static final String ORGANIZATION = "organization";
    private static final String ORGANIZATION_WRITE = "organizationWrite";
    private static final String REFERRED_BY = "referredBy";
    private static final String MERGED_INTO = "mergedInto";
    private static final String FORGOTTEN = "forgotten";
    private static final String VERSION = "version";
    private static final String REFERRED = "referred";
    private static final String REFERRED_FROM = "referredFrom";
    private static final String MERGED_FROM = "mergedFrom";

    final String id;
    String givenName;
    String familyName;
    String organization;
    /** When its organization was last written (microseconds since the epoch), so the latest spelling can be told. */
    long organizationWrite;
    String referredBy;
    String mergedInto;
    boolean forgotten;
    /** The sequence number of the contact's last event applied. */
    long version;
    /** Contacts this one introduced or referred. */
    final SortedSet<String> referred = new TreeSet<>();
    /** Contacts that introduced or referred this one. */
    final SortedSet<String> referredFrom = new TreeSet<>();
    /** Duplicates merged into this one. */
    final SortedSet<String> mergedFrom = new TreeSet<>();

    GraphContact(String id) {
        this.id = id;
    }

    /** Neither forgotten nor merged away: a node of the graph. */
    boolean active() {
        return !forgotten && mergedInto == null;
    }

    /** "Dana Reyes"; the id when no name can be read. */
    String displayName() {
        String name = String.join(" ", Stream.of(givenName, familyName).filter(part -> part != null && !part.isBlank()).toList());
        return name.isEmpty() ? id : name;
    }

    /** Every contact it is linked to by an introduction or referral, either way. */
    SortedSet<String> links() {
        SortedSet<String> links = new TreeSet<>(referred);
        links.addAll(referredFrom);
        return links;
    }

    /**
     * Ordered by the writing event's time, not a counter: a replay after a contact was forgotten reads that
     * contact's organizations as null, and a counter would then number everyone else's writes differently.
     */
    void writeOrganization(String name, Instant writtenAt) {
        String trimmed = name == null ? null : name.strip();
        organization = trimmed == null || trimmed.isEmpty() ? null : trimmed;
        organizationWrite = organization == null ? 0 : ChronoUnit.MICROS.between(Instant.EPOCH, writtenAt);
    }

    /** Where it works, as a member of an organization's row; null when it is no node or works nowhere. */
    GraphOrganization.Member membership() {
        return active() && organization != null ? new GraphOrganization.Member(id, organization, organizationWrite) : null;
    }

    /** Keeps the id and version only. */
    void forget(long atVersion) {
        givenName = null;
        familyName = null;
        organization = null;
        organizationWrite = 0;
        referredBy = null;
        mergedInto = null;
        referred.clear();
        referredFrom.clear();
        mergedFrom.clear();
        forgotten = true;
        version = atVersion;
    }

    /** Organizations are the same when they are spelt the same ignoring case and surrounding blanks. */
    static String normalizedOrganization(String name) {
        return name == null ? null : name.strip().toLowerCase(Locale.ROOT);
    }

    Document toDocument(String key, String owner) {
        Document row = new Document(GraphRows.KEY, key).append(GraphRows.OWNER, owner).append(ID, id);
        if (forgotten) {
            return row.append(FORGOTTEN, true).append(VERSION, version);
        }
        return row.append(GIVEN_NAME, givenName)
                  .append(FAMILY_NAME, familyName)
                  .append(ORGANIZATION, organization)
                  .append(ORGANIZATION_WRITE, organizationWrite)
                  .append(REFERRED_BY, referredBy)
                  .append(MERGED_INTO, mergedInto)
                  .append(REFERRED, List.copyOf(referred))
                  .append(REFERRED_FROM, List.copyOf(referredFrom))
                  .append(MERGED_FROM, List.copyOf(mergedFrom))
                  .append(VERSION, version);
    }

    static GraphContact of(Document row) {
        GraphContact contact = new GraphContact(row.getString(ID));
        contact.forgotten = row.getBoolean(FORGOTTEN, false);
        contact.givenName = row.getString(GIVEN_NAME);
        contact.familyName = row.getString(FAMILY_NAME);
        contact.organization = row.getString(ORGANIZATION);
        contact.organizationWrite = number(row, ORGANIZATION_WRITE);
        contact.referredBy = row.getString(REFERRED_BY);
        contact.mergedInto = row.getString(MERGED_INTO);
        contact.version = number(row, VERSION);
        contact.referred.addAll(texts(row, REFERRED));
        contact.referredFrom.addAll(texts(row, REFERRED_FROM));
        contact.mergedFrom.addAll(texts(row, MERGED_FROM));
        return contact;
    }

    static long number(Document row, String field) {
        Number value = row.get(field, Number.class);
        return value == null ? 0 : value.longValue();
    }

    static Collection<String> texts(Document row, String field) {
        List<String> values = row.getList(field, String.class);
        return values == null ? List.of() : values;
    }
}
