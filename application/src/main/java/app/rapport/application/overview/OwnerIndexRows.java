package app.rapport.application.overview;

import app.rapport.domain.contact.ContactId;
import app.rapport.domain.interview.InterviewStatus;
import app.rapport.domain.interview.Response;
import app.rapport.domain.shared.InterviewId;
import app.rapport.domain.shared.OwnerId;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.IntStream;

/**
 * The owner index: each owner's contacts and interviews, as lists and the dashboard need them, in
 * {@link #BUCKETS} bucket documents per owner and kind, {@code _id} = "owner#07":
 * <ul>
 *     <li>{@code owner_contact_index}: {@code entries}, one per contact (its id, name, title, organization, tags,
 *     added, last touch, next follow-up, merged into, version), and {@code forgotten}, the ids (and version) of
 *     forgotten contacts, which keep late events about them out;</li>
 *     <li>{@code owner_interview_index}: {@code entries}, one per interview (its id, interviewee, status, last
 *     response, requested, responded, meeting start, held, thanks due and sent, the referrals given in it as
 *     referral and contact ids, version).</li>
 * </ul>
 * A contact or interview lives in the bucket its id's value hashes to ({@code String.hashCode}, fixed by the Java
 * specification), so an event rewrites one bucket, about 1/64 of its owner's index, and reading an owner's whole
 * index is two {@code $in} lookups of 64 {@code _id}s each: exact matches on the unique {@code _id} index, whose
 * cost does not grow with other owners' data, on the embedded store too.
 * <p>
 * <b>Size.</b> A document may hold 16 MB. A contact entry takes about 0.4 KB and an interview entry about 0.5 KB,
 * so a bucket holds some 35,000 of either and an owner about 2 million contacts and as many interviews before a
 * bucket overflows; the lists and dashboard, which read the whole index, become slow long before that (some
 * 100,000 contacts).
 */
final class OwnerIndexRows {

    static final String CONTACTS = "owner_contact_index";
    static final String INTERVIEWS = "owner_interview_index";
    static final int BUCKETS = 64;

    static final String ID = "_id";
    static final String OWNER = "owner";
    static final String ENTRIES = "entries";
    static final String FORGOTTEN = "forgotten";

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

    private final MongoCollection<Document> contacts;
    private final MongoCollection<Document> interviews;

    OwnerIndexRows(MongoDatabase database) {
        this.contacts = database.getCollection(CONTACTS);
        this.interviews = database.getCollection(INTERVIEWS);
    }

    Bucket contactBucket(ContactId id) {
        return load(contacts, bucketKey(id.owner(), id.value()), id.owner());
    }

    Bucket interviewBucket(InterviewId id) {
        return load(interviews, bucketKey(id.owner(), id.value()), id.owner());
    }

    List<Bucket> contactBuckets(OwnerId owner) {
        return loadAll(contacts, owner);
    }

    List<Bucket> interviewBuckets(OwnerId owner) {
        return loadAll(interviews, owner);
    }

    void saveContacts(Bucket bucket) {
        contacts.replaceOne(Filters.eq(ID, bucket.key), bucket.toDocument(), new ReplaceOptions().upsert(true));
    }

    void saveInterviews(Bucket bucket) {
        interviews.replaceOne(Filters.eq(ID, bucket.key), bucket.toDocument(), new ReplaceOptions().upsert(true));
    }

    /** The owner's whole index: two {@code $in} lookups of 64 {@code _id}s. */
    OwnerIndex index(OwnerId owner) {
        List<IndexedContact> contactEntries = contactBuckets(owner).stream()
                .flatMap(bucket -> bucket.entries.values().stream()).map(OwnerIndexRows::contact).toList();
        List<IndexedInterview> interviewEntries = interviewBuckets(owner).stream()
                .flatMap(bucket -> bucket.entries.values().stream()).map(OwnerIndexRows::interview).toList();
        return new OwnerIndex(contactEntries, interviewEntries);
    }

    /** The owner's interviews only: one {@code $in} lookup of 64 {@code _id}s. */
    OwnerIndex interviewIndex(OwnerId owner) {
        return new OwnerIndex(List.of(), interviewBuckets(owner).stream()
                .flatMap(bucket -> bucket.entries.values().stream()).map(OwnerIndexRows::interview).toList());
    }

    void deleteAll() {
        contacts.deleteMany(new Document());
        interviews.deleteMany(new Document());
    }

    static String bucketKey(OwnerId owner, String value) {
        return owner.value() + "#" + String.format("%02d", Math.floorMod(value.hashCode(), BUCKETS));
    }

    private static Bucket load(MongoCollection<Document> collection, String key, OwnerId owner) {
        Document row = collection.find(Filters.eq(ID, key)).first();
        return row == null ? new Bucket(key, owner.value()) : Bucket.of(row);
    }

    private static List<Bucket> loadAll(MongoCollection<Document> collection, OwnerId owner) {
        List<String> keys = IntStream.range(0, BUCKETS)
                                     .mapToObj(bucket -> owner.value() + "#" + String.format("%02d", bucket))
                                     .toList();
        return collection.find(Filters.in(ID, keys)).into(new ArrayList<>()).stream().map(Bucket::of).toList();
    }

    // ---------------------------------------------------------------- entries

    static IndexedContact contact(Document entry) {
        return new IndexedContact(parse(entry.getString(ENTRY_ID), ContactId::new),
                                  entry.getString(GIVEN_NAME),
                                  entry.getString(FAMILY_NAME),
                                  entry.getString(TITLE),
                                  entry.getString(ORGANIZATION),
                                  texts(entry, TAGS),
                                  instant(entry.getString(ADDED_AT)),
                                  instant(entry.getString(LAST_TOUCH_AT)),
                                  instant(entry.getString(NEXT_FOLLOW_UP_DUE)),
                                  parse(entry.getString(MERGED_INTO), ContactId::new));
    }

    static IndexedInterview interview(Document entry) {
        List<Document> referrals = entry.getList(REFERRALS, Document.class, List.of());
        return new IndexedInterview(parse(entry.getString(ENTRY_ID), InterviewId::new),
                                    parse(entry.getString(CONTACT_ID), ContactId::new),
                                    enumOf(InterviewStatus.class, entry.getString(STATUS)),
                                    enumOf(Response.class, entry.getString(RESPONSE)),
                                    instant(entry.getString(REQUESTED_AT)),
                                    instant(entry.getString(RESPONDED_AT)),
                                    instant(entry.getString(MEETING_STARTS_AT)),
                                    instant(entry.getString(HELD_AT)),
                                    instant(entry.getString(THANKS_DUE_BY)),
                                    instant(entry.getString(THANKS_SENT_AT)),
                                    referrals.stream().map(referral -> parse(referral.getString(TO_CONTACT_ID), ContactId::new)).toList());
    }

    static long version(Document entry) {
        return entry.get(VERSION, Number.class).longValue();
    }

    static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    static List<String> texts(Document entry, String field) {
        List<String> values = entry.getList(field, String.class);
        return values == null ? List.of() : values.stream().filter(value -> value != null).toList();
    }

    private static Instant instant(String text) {
        return text == null ? null : Instant.parse(text);
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String name) {
        return name == null ? null : Enum.valueOf(type, name);
    }

    /** Ids are "owner/value"; a value never holds '/', so the last one splits them. */
    private static <T> T parse(String key, BiFunction<OwnerId, String, T> id) {
        if (key == null) {
            return null;
        }
        int split = key.lastIndexOf('/');
        return id.apply(new OwnerId(key.substring(0, split)), key.substring(split + 1));
    }

    /** One bucket document, changed in memory and saved whole; entries are kept sorted by id, so replays write the same rows. */
    static final class Bucket {

        final String key;
        final String owner;
        final Map<String, Document> entries = new LinkedHashMap<>();
        final Map<String, Long> forgotten = new LinkedHashMap<>();

        Bucket(String key, String owner) {
            this.key = key;
            this.owner = owner;
        }

        static Bucket of(Document row) {
            Bucket bucket = new Bucket(row.getString(ID), row.getString(OWNER));
            for (Document entry : row.getList(ENTRIES, Document.class, List.of())) {
                bucket.entries.put(entry.getString(ENTRY_ID), entry);
            }
            for (Document marker : row.getList(FORGOTTEN, Document.class, List.of())) {
                bucket.forgotten.put(marker.getString(ENTRY_ID), version(marker));
            }
            return bucket;
        }

        Document toDocument() {
            List<Document> sortedEntries = entries.values().stream()
                    .sorted(Comparator.comparing(entry -> entry.getString(ENTRY_ID))).toList();
            List<Document> markers = forgotten.entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .map(marker -> new Document(ENTRY_ID, marker.getKey()).append(VERSION, marker.getValue())).toList();
            return new Document(ID, key).append(OWNER, owner).append(ENTRIES, sortedEntries).append(FORGOTTEN, markers);
        }
    }
}
