package app.rapport.application.history;

import app.rapport.domain.contact.ContactId;
import app.rapport.domain.contact.RelationshipEvent;
import app.rapport.domain.shared.Identifiers;
import app.rapport.domain.shared.InterviewId;
import app.rapport.application.views.EventIds;
import app.rapport.application.views.ViewRows;
import com.mongodb.client.MongoDatabase;
import java.util.function.Function;
import java.util.stream.Stream;
import org.bson.Document;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.LongStream;

/**
 * The {@code relationship_history} collection. Per relationship ({@code owner/contact}):
 * <ul>
 *     <li>a head, {@code _id = owner/contact}: {@code owner}, {@code count} (entries so far), {@code forgotten},
 *     {@code applied} (per aggregate that wrote to this history, the sequence number of its last event taken in:
 *     {@code [{aggregate, sequence}]}, the redelivery guard) and {@code zones} (per interview, its meeting's
 *     time zone: {@code [{interview, zone}]}, for sentences about that meeting);</li>
 *     <li>buckets, {@code _id = owner/contact#<n>}, holding the entries numbered {@code n*50+1} to
 *     {@code n*50+50} in {@code entries}, in order.</li>
 * </ul>
 * An entry is the facts {@code {sequence, at, type, zone, actor, interviewId, data}} plus, until the contact is
 * forgotten, {@code erased: {data}}: the same data without personal data, put in its place on erasure. Its sentence
 * is rendered when read ({@link HistorySummaries}), so rewording needs no rebuild. Times are ISO-8601 texts (exact to
 * the nanosecond, as in the events).
 * <p>
 * Every read is an exact match on {@code _id} or an {@code $in} of {@code _id}s, so its cost does not depend on
 * anyone else's history: a page costs the head plus one {@code $in} of at most {@code ceil(201/50)+1} buckets.
 */
final class HistoryRows {

    static final String COLLECTION = "relationship_history";
    static final int BUCKET_SIZE = 50;

    static final String ID = "_id";
    static final String OWNER = "owner";
    static final String COUNT = "count";
    static final String FORGOTTEN = "forgotten";
    static final String APPLIED = "applied";
    static final String AGGREGATE = "aggregate";
    static final String ZONES = "zones";
    static final String INTERVIEW = "interview";
    static final String ZONE = "zone";
    static final String CONTACT = "contact";
    static final String ENTRIES = "entries";

    static final String SEQUENCE = "sequence";
    static final String AT = "at";
    /** When the step was taken, where the event says (a step recorded later); absent otherwise. */
    static final String HAPPENED_AT = "happenedAt";
    static final String TYPE = "type";
    static final String SUMMARY = "summary";
    static final String ACTOR = "actor";
    static final String INTERVIEW_ID = "interviewId";
    static final String DATA = "data";
    static final String ERASED = "erased";

    private static final Function<Object, List<ContactId>> CONTACT_IDS = EventIds.ids(ContactId.class);

    private final ViewRows rows;

    HistoryRows(MongoDatabase database) {
        // a relationship's head and its first bucket, where most relationships' entries all are
        this.rows = ViewRows.of(database, COLLECTION).readAhead(event -> CONTACT_IDS.apply(event).stream()
                .flatMap(contact -> Stream.of(contact.toString(), bucketKey(contact, 0))).toList());
    }

    Document head(ContactId contact) {
        return rows.find(contact.toString());
    }

    void saveHead(Document head) {
        save(head);
    }

    /** The buckets holding entries {@code from} to {@code to} (numbered from 1), in order. */
    List<Document> buckets(ContactId contact, long from, long to) {
        if (to < from) {
            return List.of();
        }
        List<String> keys = LongStream.rangeClosed(bucketOf(from), bucketOf(to)).mapToObj(n -> bucketKey(contact, n)).toList();
        List<Document> found = new ArrayList<>(rows.findAll(keys));
        found.sort(Comparator.comparingInt(bucket -> keys.indexOf(bucket.getString(ID))));
        return found;
    }

    /** Puts an entry in its slot of its bucket; writing the same entry again changes nothing. */
    void putEntry(ContactId contact, long sequence, Document entry) {
        long bucketNumber = bucketOf(sequence);
        String key = bucketKey(contact, bucketNumber);
        Document bucket = rows.find(key);
        List<Document> entries = bucket == null ? new ArrayList<>() : new ArrayList<>(entries(bucket));
        int slot = (int) ((sequence - 1) % BUCKET_SIZE);
        entries.removeIf(existing -> existing.get(SEQUENCE, Number.class).longValue() >= sequence);
        if (entries.size() != slot) {
            throw new IllegalStateException("History " + contact + " misses entries before " + sequence);
        }
        entries.add(entry);
        save(new Document(ID, key).append(OWNER, contact.owner().value())
                                  .append(CONTACT, contact.toString())
                                  .append(ENTRIES, entries));
    }

    /** Replaces every entry by its version without personal data. */
    void eraseAll(ContactId contact, long count) {
        for (Document bucket : buckets(contact, 1, count)) {
            List<Document> erased = entries(bucket).stream().map(HistoryRows::erased).toList();
            save(new Document(bucket).append(ENTRIES, erased));
        }
    }

    void deleteAll() {
        rows.drop();
    }

    static Document newHead(ContactId contact) {
        return new Document(ID, contact.toString()).append(OWNER, contact.owner().value())
                                                   .append(COUNT, 0L)
                                                   .append(FORGOTTEN, false)
                                                   .append(APPLIED, new ArrayList<Document>())
                                                   .append(ZONES, new ArrayList<Document>());
    }

    static long count(Document head) {
        return head == null ? 0 : head.get(COUNT, Number.class).longValue();
    }

    static List<Document> entries(Document bucket) {
        List<Document> entries = bucket.getList(ENTRIES, Document.class);
        return entries == null ? List.of() : entries;
    }

    static Document erased(Document entry) {
        Document erased = entry.get(ERASED, Document.class);
        Document result = new Document(entry);
        result.remove(ERASED);
        if (erased != null) {
            result.append(DATA, erased.get(DATA, Document.class));
            result.remove(SUMMARY); // a row written before sentences were rendered when read
        }
        return result;
    }

    /** An entry as read: its facts as plain data, and the event they make (none for a type this version lacks). */
    record ReadEntry(Document row, Map<String, Object> facts, Optional<RelationshipEvent> event) {
    }

    /** Reads an entry's facts and its event once, for its sentence and for the other contacts it names. */
    @SuppressWarnings("unchecked")
    static ReadEntry read(ContactId contact, Document entry) {
        Document data = entry.get(DATA, Document.class);
        Map<String, Object> facts = data == null ? Map.of() : (Map<String, Object>) plain(data);
        return new ReadEntry(entry, facts, EventData.toEvent(entry.getString(TYPE), facts, contact.owner()));
    }

    /**
     * The entry as the API shows it, its sentence rendered now; {@code names} tells what other contacts it mentions
     * are called (null for a forgotten one).
     */
    static HistoryEntryView view(ContactId contact, ReadEntry read, Function<ContactId, String> names) {
        Document entry = read.row();
        return new HistoryEntryView(
                contact,
                entry.get(SEQUENCE, Number.class).longValue(),
                Instant.parse(entry.getString(AT)),
                entry.getString(HAPPENED_AT) == null ? null : Instant.parse(entry.getString(HAPPENED_AT)),
                entry.getString(TYPE),
                sentence(read, names),
                entry.getString(ACTOR),
                interviewId(entry.getString(INTERVIEW_ID)),
                read.facts());
    }

    /**
     * The entry's sentence, rendered from its facts now; a row written before sentences were rendered when read keeps
     * its stored one until the views are rebuilt.
     */
    private static String sentence(ReadEntry read, Function<ContactId, String> names) {
        Document entry = read.row();
        String type = entry.getString(TYPE);
        return read.event()
                   .map(event -> HistorySummaries.summarize(event, zone(entry.getString(ZONE)), names))
                   .orElseGet(() -> entry.getString(SUMMARY) != null ? entry.getString(SUMMARY) : HistorySummaries.fallback(type));
    }

    /** The other contacts an entry's event names, besides the history's own. */
    static List<ContactId> otherContacts(ContactId contact, ReadEntry read) {
        return read.event().map(event -> CONTACT_IDS.apply(event).stream().filter(id -> !id.equals(contact)).toList())
                   .orElse(List.of());
    }

    private static ZoneId zone(String id) {
        try {
            return id == null ? null : ZoneId.of(id);
        } catch (RuntimeException unknown) {
            return null;
        }
    }

    /** BSON documents become plain maps, so the API sees only maps, lists and values. */
    private static Object plain(Object value) {
        if (value instanceof Document document) {
            Map<String, Object> map = new java.util.LinkedHashMap<>();
            document.forEach((key, inner) -> map.put(key, plain(inner)));
            return map;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(inner -> copy.add(plain(inner)));
            return copy;
        }
        return value;
    }

    private static InterviewId interviewId(String key) {
        return Identifiers.fromKey(key, InterviewId::new);
    }

    static long bucketOf(long sequence) {
        return (sequence - 1) / BUCKET_SIZE;
    }

    static String bucketKey(ContactId contact, long bucket) {
        return contact + "#" + bucket;
    }

    private void save(Document row) {
        rows.save(row);
    }
}
