package app.rapport.application.overview;

import app.rapport.domain.contact.ContactId;
import app.rapport.domain.interview.InterviewStatus;
import app.rapport.domain.interview.Response;
import app.rapport.domain.shared.Identifiers;
import app.rapport.domain.shared.InterviewId;
import app.rapport.domain.shared.OwnerId;
import app.rapport.application.views.EventIds;
import app.rapport.application.views.ViewRows;
import com.mongodb.client.MongoDatabase;
import java.util.function.Function;
import java.util.stream.Stream;
import com.mongodb.client.model.Updates;
import org.bson.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The owner index as stored, every row found by its {@code _id} (the only lookup the embedded store answers
 * without a scan):
 * <ul>
 *     <li>{@value #CONTACTS}: a row per contact, "owner/contact": what lists and the dashboard need of it (names,
 *     title, organization, tags, added, last touch, next follow-up, merged into, version), and the interviews with
 *     it or in which it was referred, so forgetting it finds them; a forgotten contact's row is a marker (id and
 *     version) that keeps late events about it out;</li>
 *     <li>{@value #INTERVIEWS}: a row per interview, "owner/interview": interviewee, status, last response, the
 *     moments of its steps, the referrals given in it, version;</li>
 *     <li>{@value #MEMBERS}: the ids of each owner's rows, spread over {@value #MEMBER_BUCKETS} buckets per kind by
 *     the hash of the id, so the whole index can be read back with lookups by id;</li>
 *     <li>{@value #VERSIONS}: per owner, a counter of the changes made to its index, which tells a server whether
 *     the index it holds in memory ({@link OwnerIndexCache}) is current.</li>
 * </ul>
 * An event reads and writes its own row and, when a row comes or goes, one member bucket: its cost does not grow
 * with the owner's network.
 */
final class OwnerIndexRows {

    static final String CONTACTS = "owner_contact_index";
    static final String INTERVIEWS = "owner_interview_index";
    static final String MEMBERS = "owner_index_members";
    static final String VERSIONS = "owner_index_versions";
    static final int MEMBER_BUCKETS = 1024;
    /** The most ids in one {@code $in} when the whole index is read. */

    static final String ID = "_id";
    static final String OWNER = "owner";
    static final String FORGOTTEN = "forgotten";
    static final String IDS = "ids";

    static final String ENTRY_ID = "id";
    static final String VERSION = "version";
    static final String GIVEN_NAME = "givenName";
    static final String FAMILY_NAME = "familyName";
    static final String TITLE = "title";
    static final String ORGANIZATION = "organization";
    static final String TAGS = "tags";
    static final String ADDED_AT = "addedAt";
    static final String LAST_TOUCH_AT = "lastTouchAt";
    static final String NEXT_FOLLOW_UP_DUE = "nextFollowUpDue";
    static final String MERGED_INTO = "mergedInto";
    static final String INTERVIEW_IDS = "interviewIds";
    static final String REFERRED_IN = "referredIn";

    static final String CONTACT_ID = "contactId";
    static final String STATUS = "status";
    static final String RESPONSE = "response";
    static final String REQUESTED_AT = "requestedAt";
    static final String RESPONDED_AT = "respondedAt";
    static final String MEETING_STARTS_AT = "meetingStartsAt";
    static final String HELD_AT = "heldAt";
    static final String THANKS_DUE_BY = "thanksDueBy";
    static final String THANKS_SENT_AT = "thanksSentAt";
    static final String REFERRALS = "referrals";
    static final String TO_CONTACT_ID = "to";


    private final ViewRows contacts;
    private final ViewRows interviews;
    private final ViewRows members;
    private final ViewRows versions;

    OwnerIndexRows(MongoDatabase database) {
        this.contacts = ViewRows.of(database, CONTACTS).readAhead(EventIds.ofType(ContactId.class));
        this.interviews = ViewRows.of(database, INTERVIEWS).readAhead(EventIds.ofType(InterviewId.class));
        Function<Object, List<ContactId>> contactsOf = EventIds.ids(ContactId.class);
        Function<Object, List<InterviewId>> interviewsOf = EventIds.ids(InterviewId.class);
        this.members = ViewRows.of(database, MEMBERS).readAhead(event -> Stream.concat(
                contactsOf.apply(event).stream().map(id -> memberBucket(id.owner(), CONTACTS, id.toString())),
                interviewsOf.apply(event).stream().map(id -> memberBucket(id.owner(), INTERVIEWS, id.toString()))).toList());
        this.versions = ViewRows.of(database, VERSIONS).readAhead(event -> Stream.concat(
                contactsOf.apply(event).stream().map(id -> id.owner().value()),
                interviewsOf.apply(event).stream().map(id -> id.owner().value())).distinct().toList());
    }

    Document contact(ContactId id) {
        return contacts.find(id.toString());
    }

    Document interview(InterviewId id) {
        return interviews.find(id.toString());
    }

    List<Document> interviews(Collection<String> keys) {
        return interviews.findAll(keys);
    }

    /** Writes a contact's row; a new one joins the owner's members, a forgotten one leaves them. */
    void saveContact(OwnerId owner, Document row, boolean created) {
        String key = row.getString(ID);
        contacts.save(row.append(OWNER, owner.value()));
        if (row.getBoolean(FORGOTTEN, false)) {
            leave(owner, CONTACTS, key);
        } else if (created) {
            join(owner, CONTACTS, key);
        }
    }

    void saveInterview(OwnerId owner, Document row, boolean created) {
        String key = row.getString(ID);
        interviews.save(row.append(OWNER, owner.value()));
        if (created) {
            join(owner, INTERVIEWS, key);
        }
    }

    void deleteInterview(OwnerId owner, String key) {
        interviews.delete(key);
        leave(owner, INTERVIEWS, key);
    }

    /** Notes on a contact's row an interview that concerns it, as interviewee ({@value #INTERVIEW_IDS}) or referral. */
    void noteInterview(ContactId contact, String field, InterviewId interview) {
        contacts.update(contact.toString(), Updates.addToSet(field, interview.toString()));
    }

    /** Counts one more change of the owner's index; the count after it. */
    long changed(OwnerId owner) {
        Document row = versions.upsertAndGet(owner.value(), Updates.inc(VERSION, 1L));
        return row.get(VERSION, Number.class).longValue();
    }

    long version(OwnerId owner) {
        Document row = versions.find(owner.value());
        return row == null ? 0 : row.get(VERSION, Number.class).longValue();
    }

    /** The owner's whole index, as of at least {@code version}: the member buckets, then the rows by id. */
    OwnerIndex load(OwnerId owner) {
        long version = version(owner);
        OwnerIndex index = new OwnerIndex(owner, version);
        for (Document row : contacts.findAll(memberKeys(owner, CONTACTS))) {
            index.putContact(contact(row));
        }
        for (Document row : interviews.findAll(memberKeys(owner, INTERVIEWS))) {
            index.putInterview(interview(row));
        }
        return index;
    }

    void deleteAll() {
        contacts.drop();
        interviews.drop();
        members.drop();
        versions.drop();
    }

    private void join(OwnerId owner, String kind, String key) {
        members.upsert(memberBucket(owner, kind, key), Updates.combine(Updates.set(OWNER, owner.value()), Updates.addToSet(IDS, key)));
    }

    private void leave(OwnerId owner, String kind, String key) {
        members.update(memberBucket(owner, kind, key), Updates.pull(IDS, key));
    }

    private List<String> memberKeys(OwnerId owner, String kind) {
        List<String> buckets = IntStream.range(0, MEMBER_BUCKETS).mapToObj(bucket -> memberBucket(owner, kind, bucket)).toList();
        List<String> keys = new ArrayList<>();
        for (Document bucket : members.findAll(buckets)) {
            keys.addAll(bucket.getList(IDS, String.class, List.of()));
        }
        return keys;
    }


    static String memberBucket(OwnerId owner, String kind, String key) {
        return memberBucket(owner, kind, Math.floorMod(key.hashCode(), MEMBER_BUCKETS));
    }

    private static String memberBucket(OwnerId owner, String kind, int bucket) {
        return owner.value() + "#" + kind + "#" + String.format("%04d", bucket);
    }

    // ---------------------------------------------------------------- rows as the index holds them

    static IndexedContact contact(Document row) {
        return new IndexedContact(Identifiers.fromKey(row.getString(ID), ContactId::new),
                                  row.getString(GIVEN_NAME),
                                  row.getString(FAMILY_NAME),
                                  row.getString(TITLE),
                                  row.getString(ORGANIZATION),
                                  texts(row, TAGS),
                                  instant(row.getString(ADDED_AT)),
                                  instant(row.getString(LAST_TOUCH_AT)),
                                  instant(row.getString(NEXT_FOLLOW_UP_DUE)),
                                  Identifiers.fromKey(row.getString(MERGED_INTO), ContactId::new));
    }

    static IndexedInterview interview(Document row) {
        List<Document> referrals = row.getList(REFERRALS, Document.class, List.of());
        return new IndexedInterview(Identifiers.fromKey(row.getString(ID), InterviewId::new),
                                    Identifiers.fromKey(row.getString(CONTACT_ID), ContactId::new),
                                    enumOf(InterviewStatus.class, row.getString(STATUS)),
                                    enumOf(Response.class, row.getString(RESPONSE)),
                                    instant(row.getString(REQUESTED_AT)),
                                    instant(row.getString(RESPONDED_AT)),
                                    instant(row.getString(MEETING_STARTS_AT)),
                                    instant(row.getString(HELD_AT)),
                                    instant(row.getString(THANKS_DUE_BY)),
                                    instant(row.getString(THANKS_SENT_AT)),
                                    referrals.stream().map(referral -> Identifiers.fromKey(referral.getString(TO_CONTACT_ID), ContactId::new)).toList());
    }

    static long version(Document row) {
        return row.get(VERSION, Number.class).longValue();
    }

    static boolean forgotten(Document row) {
        return row != null && row.getBoolean(FORGOTTEN, false);
    }

    static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    static List<String> texts(Document row, String field) {
        List<String> values = row.getList(field, String.class);
        return values == null ? List.of() : values.stream().filter(value -> value != null).toList();
    }

    private static Instant instant(String text) {
        return text == null ? null : Instant.parse(text);
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String name) {
        return name == null ? null : Enum.valueOf(type, name);
    }

    /** An interview's id from its row's key. */
    static InterviewId interviewId(String key) {
        return Identifiers.fromKey(key, InterviewId::new);
    }
}
