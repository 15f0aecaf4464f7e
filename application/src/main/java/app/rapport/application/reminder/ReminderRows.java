package app.rapport.application.reminder;

import app.rapport.domain.contact.ContactId;
import app.rapport.domain.shared.OwnerId;
import com.mongodb.client.MongoCollection;
import app.rapport.application.views.EventIds;
import app.rapport.application.views.ViewRows;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The reminder schedule's collections, each read only by exact match on {@code _id}:
 * <ul>
 *     <li>{@code reminder_buckets}: {@code _id} = an hour ({@link HourBuckets}), {@code reminders} = every reminder due in
 *     that hour, of every owner ({@code key}, {@code kind}, {@code owner}, {@code aggregate}, {@code dueAt});</li>
 *     <li>{@code reminder_keys}: {@code _id} = the reminder's key ({@code kind/owner/value}), {@code owner}, the
 *     {@code bucket} it is filed in and its {@code dueAt} (both null once cancelled or fired), and {@code version},
 *     the sequence number of the aggregate's last event applied to it;</li>
 *     <li>{@code reminder_contacts}: {@code _id} = {@code owner/contact}, the {@code keys} of every reminder about
 *     that relationship, so that forgetting the contact finds them without a scan; then a {@code forgotten}
 *     marker that keeps late events out;</li>
 *     <li>{@code reminder_sweeps}: {@code _id} = {@code sweeper}, {@code lastSwept} = the last hour whose reminders
 *     were all fired.</li>
 * </ul>
 * Times are ISO-8601 texts.
 */
final class ReminderRows {

    static final String BUCKETS = "reminder_buckets";
    static final String KEYS = "reminder_keys";
    static final String CONTACTS = "reminder_contacts";
    static final String SWEEPS = "reminder_sweeps";

    static final String ID = "_id";
    static final String OWNER = "owner";
    static final String REMINDERS = "reminders";
    static final String KEY = "key";
    static final String KIND = "kind";
    static final String AGGREGATE = "aggregate";
    static final String DUE_AT = "dueAt";
    static final String BUCKET = "bucket";
    static final String VERSION = "version";
    static final String REMINDER_KEYS = "keys";
    static final String FORGOTTEN = "forgotten";
    static final String SWEEPER = "sweeper";
    static final String LAST_SWEPT = "lastSwept";

    private final MongoCollection<Document> buckets;
    private final ViewRows keys;
    private final ViewRows contacts;
    private final MongoCollection<Document> sweeps;

    ReminderRows(MongoDatabase database) {
        this.buckets = database.getCollection(BUCKETS); // written by the sweeper too: changed in place, never replaced
        this.keys = ViewRows.of(database, KEYS);
        this.contacts = ViewRows.of(database, CONTACTS).readAhead(EventIds.ofType(ContactId.class));
        this.sweeps = database.getCollection(SWEEPS); // the sweeper's mark, written by the sweeper alone
    }

    // ---------------------------------------------------------------- reminder_keys

    Document findKey(String key) {
        return keys.find(key);
    }

    void saveKey(String key, OwnerId owner, String bucket, Instant dueAt, long version) {
        keys.save(new Document(ID, key).append(OWNER, owner.value())
                                       .append(BUCKET, bucket)
                                       .append(DUE_AT, text(dueAt))
                                       .append(VERSION, version));
    }

    void deleteKey(String key) {
        keys.delete(key);
    }

    // ---------------------------------------------------------------- reminder_buckets

    /** Files a reminder in its bucket, replacing an earlier entry of the same key there (a redelivery). */
    void file(String bucket, DueReminder reminder) {
        unfile(bucket, reminder.key());
        Document entry = new Document(KEY, reminder.key())
                .append(KIND, reminder.kind().name())
                .append(OWNER, reminder.owner().value())
                .append(AGGREGATE, reminder.aggregate())
                .append(DUE_AT, text(reminder.dueAt()));
        buckets.updateOne(Filters.eq(ID, bucket), Updates.push(REMINDERS, entry), new UpdateOptions().upsert(true));
    }

    void unfile(String bucket, String key) {
        buckets.updateOne(Filters.eq(ID, bucket), Updates.pull(REMINDERS, new Document(KEY, key)));
    }

    /**
     * Removes one entry as it was fired: an entry of the same key rescheduled meanwhile to another time of
     * this hour is left in place.
     */
    void unfileFired(String bucket, DueReminder reminder) {
        buckets.updateOne(Filters.eq(ID, bucket), Updates.pull(REMINDERS, new Document(KEY, reminder.key()).append(DUE_AT, text(reminder.dueAt()))));
    }

    /** The given buckets that exist, with their reminders; one {@code $in} lookup of {@code _id}s. */
    List<Document> findBuckets(Collection<String> names) {
        if (names.isEmpty()) {
            return List.of();
        }
        return buckets.find(Filters.in(ID, names)).into(new ArrayList<>());
    }

    static List<DueReminder> reminders(Document bucket) {
        List<DueReminder> found = new ArrayList<>();
        for (Document entry : bucket.getList(REMINDERS, Document.class, List.of())) {
            found.add(new DueReminder(entry.getString(KEY), ReminderKind.valueOf(entry.getString(KIND)),
                                      new OwnerId(entry.getString(OWNER)), entry.getString(AGGREGATE),
                                      Instant.parse(entry.getString(DUE_AT))));
        }
        return found;
    }

    // ---------------------------------------------------------------- reminder_contacts

    Document findContact(ContactId id) {
        return contacts.find(id.toString());
    }

    void addToContact(ContactId id, String key) {
        contacts.upsert(id.toString(), Updates.combine(Updates.setOnInsert(OWNER, id.owner().value()),
                                                       Updates.addToSet(REMINDER_KEYS, key)));
    }

    void markForgotten(ContactId id) {
        contacts.save(new Document(ID, id.toString()).append(OWNER, id.owner().value()).append(FORGOTTEN, true));
    }

    // ---------------------------------------------------------------- reminder_sweeps

    String lastSwept() {
        Document sweep = sweeps.find(Filters.eq(ID, SWEEPER)).first();
        return sweep == null ? null : sweep.getString(LAST_SWEPT);
    }

    /** Moves the mark forward only: a slower sweeper on another server cannot move it back. */
    void sweptUpTo(String bucket) {
        sweeps.updateOne(Filters.eq(ID, SWEEPER), Updates.max(LAST_SWEPT, bucket), new UpdateOptions().upsert(true));
    }

    /** Clears the schedule for a rebuild; the sweep mark stays, so hours already swept are not swept again. */
    void deleteSchedule() {
        buckets.drop(); // not deleteMany: the embedded store would hold every row in memory to delete it
        keys.drop();
        contacts.drop();
    }

    static String text(Instant at) {
        return at == null ? null : at.toString();
    }
}
