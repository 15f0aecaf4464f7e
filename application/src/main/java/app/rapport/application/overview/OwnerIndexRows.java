package app.rapport.application.overview;

import app.rapport.domain.contact.ContactId;
import app.rapport.domain.interview.InterviewStatus;
import app.rapport.domain.interview.Response;
import app.rapport.domain.shared.InterviewId;
import app.rapport.domain.shared.OwnerId;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import org.bson.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.BiFunction;
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
    private static final int LOOKUP_BATCH = 1_000;

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

    private static final ReplaceOptions UPSERT = new ReplaceOptions().upsert(true);

    private final MongoCollection<Document> contacts;
    private final MongoCollection<Document> interviews;
    private final MongoCollection<Document> members;
    private final MongoCollection<Document> versions;

    OwnerIndexRows(MongoDatabase database) {
        this.contacts = database.getCollection(CONTACTS);
        this.interviews = database.getCollection(INTERVIEWS);
        this.members = database.getCollection(MEMBERS);
        this.versions = database.getCollection(VERSIONS);
    }

    Document contact(ContactId id) {
        return contacts.find(Filters.eq(ID, id.toString())).first();
    }

    Document interview(InterviewId id) {
        return interviews.find(Filters.eq(ID, id.toString())).first();
    }

    List<Document> interviews(Collection<String> keys) {
        return keys.isEmpty() ? List.of() : interviews.find(Filters.in(ID, keys)).into(new ArrayList<>());
    }

    /** Writes a contact's row; a new one joins the owner's members, a forgotten one leaves them. */
    void saveContact(OwnerId owner, Document row, boolean created) {
        String key = row.getString(ID);
        contacts.replaceOne(Filters.eq(ID, key), row.append(OWNER, owner.value()), UPSERT);
        if (row.getBoolean(FORGOTTEN, false)) {
            leave(owner, CONTACTS, key);
        } else if (created) {
            join(owner, CONTACTS, key);
        }
    }

    void saveInterview(OwnerId owner, Document row, boolean created) {
        String key = row.getString(ID);
        interviews.replaceOne(Filters.eq(ID, key), row.append(OWNER, owner.value()), UPSERT);
        if (created) {
            join(owner, INTERVIEWS, key);
        }
    }

    void deleteInterview(OwnerId owner, String key) {
        interviews.deleteOne(Filters.eq(ID, key));
        leave(owner, INTERVIEWS, key);
    }

    /** Notes on a contact's row an interview that concerns it, as interviewee ({@value #INTERVIEW_IDS}) or referral. */
    void noteInterview(ContactId contact, String field, InterviewId interview) {
        contacts.updateOne(Filters.eq(ID, contact.toString()), Updates.addToSet(field, interview.toString()));
    }

    /** Counts one more change of the owner's index; the count after it. */
    long changed(OwnerId owner) {
        Document row = versions.findOneAndUpdate(Filters.eq(ID, owner.value()), Updates.inc(VERSION, 1L),
                                                 new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
        return row.get(VERSION, Number.class).longValue();
    }

    long version(OwnerId owner) {
        Document row = versions.find(Filters.eq(ID, owner.value())).first();
        return row == null ? 0 : row.get(VERSION, Number.class).longValue();
    }

    /** The owner's whole index, as of at least {@code version}: the member buckets, then the rows by id. */
    OwnerIndex load(OwnerId owner) {
        long version = version(owner);
        OwnerIndex index = new OwnerIndex(owner, version);
        for (Document row : all(contacts, memberKeys(owner, CONTACTS))) {
            index.putContact(contact(row));
        }
        for (Document row : all(interviews, memberKeys(owner, INTERVIEWS))) {
            index.putInterview(interview(row));
        }
        return index;
    }

    void deleteAll() {
        contacts.drop(); // not deleteMany: the embedded store would hold every row in memory to delete it
        interviews.drop(); // not deleteMany: the embedded store would hold every row in memory to delete it
        members.drop(); // not deleteMany: the embedded store would hold every row in memory to delete it
        versions.drop(); // not deleteMany: the embedded store would hold every row in memory to delete it
    }

    private void join(OwnerId owner, String kind, String key) {
        members.updateOne(Filters.eq(ID, memberBucket(owner, kind, key)),
                          Updates.combine(Updates.set(OWNER, owner.value()), Updates.addToSet(IDS, key)),
                          new com.mongodb.client.model.UpdateOptions().upsert(true));
    }

    private void leave(OwnerId owner, String kind, String key) {
        members.updateOne(Filters.eq(ID, memberBucket(owner, kind, key)), Updates.pull(IDS, key));
    }

    private List<String> memberKeys(OwnerId owner, String kind) {
        List<String> buckets = IntStream.range(0, MEMBER_BUCKETS).mapToObj(bucket -> memberBucket(owner, kind, bucket)).toList();
        List<String> keys = new ArrayList<>();
        for (Document bucket : members.find(Filters.in(ID, buckets))) {
            keys.addAll(bucket.getList(IDS, String.class, List.of()));
        }
        return keys;
    }

    private static List<Document> all(MongoCollection<Document> collection, List<String> keys) {
        List<Document> rows = new ArrayList<>(keys.size());
        for (int from = 0; from < keys.size(); from += LOOKUP_BATCH) {
            collection.find(Filters.in(ID, keys.subList(from, Math.min(keys.size(), from + LOOKUP_BATCH)))).into(rows);
        }
        return rows;
    }

    static String memberBucket(OwnerId owner, String kind, String key) {
        return memberBucket(owner, kind, Math.floorMod(key.hashCode(), MEMBER_BUCKETS));
    }

    private static String memberBucket(OwnerId owner, String kind, int bucket) {
        return owner.value() + "#" + kind + "#" + String.format("%04d", bucket);
    }

    // ---------------------------------------------------------------- rows as the index holds them

    static IndexedContact contact(Document row) {
        return new IndexedContact(parse(row.getString(ID), ContactId::new),
                                  row.getString(GIVEN_NAME),
                                  row.getString(FAMILY_NAME),
                                  row.getString(TITLE),
                                  row.getString(ORGANIZATION),
                                  texts(row, TAGS),
                                  instant(row.getString(ADDED_AT)),
                                  instant(row.getString(LAST_TOUCH_AT)),
                                  instant(row.getString(NEXT_FOLLOW_UP_DUE)),
                                  parse(row.getString(MERGED_INTO), ContactId::new));
    }

    static IndexedInterview interview(Document row) {
        List<Document> referrals = row.getList(REFERRALS, Document.class, List.of());
        return new IndexedInterview(parse(row.getString(ID), InterviewId::new),
                                    parse(row.getString(CONTACT_ID), ContactId::new),
                                    enumOf(InterviewStatus.class, row.getString(STATUS)),
                                    enumOf(Response.class, row.getString(RESPONSE)),
                                    instant(row.getString(REQUESTED_AT)),
                                    instant(row.getString(RESPONDED_AT)),
                                    instant(row.getString(MEETING_STARTS_AT)),
                                    instant(row.getString(HELD_AT)),
                                    instant(row.getString(THANKS_DUE_BY)),
                                    instant(row.getString(THANKS_SENT_AT)),
                                    referrals.stream().map(referral -> parse(referral.getString(TO_CONTACT_ID), ContactId::new)).toList());
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
        return parse(key, InterviewId::new);
    }

    /** Ids are "owner/value"; a value never holds '/', so the last one splits them. */
    private static <T> T parse(String key, BiFunction<OwnerId, String, T> id) {
        if (key == null) {
            return null;
        }
        int split = key.lastIndexOf('/');
        return id.apply(new OwnerId(key.substring(0, split)), key.substring(split + 1));
    }
}
