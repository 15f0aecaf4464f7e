package app.rapport.application.contact;

import app.rapport.domain.contact.ContactId;
import app.rapport.domain.contact.ContactProfile;
import app.rapport.domain.contact.ContactSource;
import com.mongodb.client.model.Updates;
import org.bson.conversions.Bson;
import app.rapport.domain.shared.Identifiers;
import app.rapport.domain.shared.InterviewId;
import app.rapport.application.views.EventIds;
import app.rapport.application.views.ViewRows;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The {@code contact_views} collection: one row per contact, {@code _id} = the contact id ("owner/value"), so
 * every lookup is an exact match on {@code _id} and names its owner. Ids of other contacts and of interviews
 * are kept the same way. Times are ISO-8601 texts: exact to the nanosecond, as the events hold them (a BSON
 * date would cut them to milliseconds, and a time sent back by a client would then fall before the original).
 * <p>
 * A forgotten contact's row is a tombstone: its id, owner and version, nothing else.
 */
final class ContactRows {

    static final String COLLECTION = "contact_views";

    static final String ID = "_id";
    static final String OWNER = "owner";
    static final String GIVEN_NAME = "givenName";
    static final String FAMILY_NAME = "familyName";
    static final String PRONUNCIATION = "pronunciation";
    static final String SALUTATION = "salutation";
    static final String TITLE = "title";
    static final String ORGANIZATION = "organization";
    static final String EMAILS = "emails";
    static final String PHONES = "phones";
    static final String LINKEDIN_URL = "linkedinUrl";
    static final String SOURCE = "source";
    static final String SOURCE_DETAIL = "sourceDetail";
    static final String TAGS = "tags";
    static final String REFERRED_BY = "referredBy";
    static final String MAY_USE_INTRODUCER_NAME = "mayUseIntroducerName";
    static final String INTRODUCER_IDS = "introducerIds";
    static final String ADDED_AT = "addedAt";
    static final String LAST_TOUCH_AT = "lastTouchAt";
    static final String NEXT_FOLLOW_UP_DUE = "nextFollowUpDue";
    static final String FOLLOW_UP_EVERY_DAYS = "followUpEveryDays";
    static final String MERGED_INTO = "mergedInto";
    static final String ABSORBED_CONTACT_IDS = "absorbedContactIds";
    static final String INTERVIEW_IDS = "interviewIds";
    static final String REFERRED_CONTACT_IDS = "referredContactIds";
    static final String FORGOTTEN = "forgotten";
    static final String VERSION = "version";

    /** Merge chains are short; the bound only guards against a cycle that a damaged view might hold. */
    private static final int MAX_MERGE_HOPS = 16;

    private final ViewRows rows;

    ContactRows(MongoDatabase database) {
        this.rows = ViewRows.of(database, COLLECTION).readAhead(EventIds.ofType(ContactId.class));
    }

    Document find(ContactId id) {
        return id == null ? null : find(id.toString());
    }

    Document find(String key) {
        return rows.find(key);
    }

    List<Document> findAll(Collection<String> keys) {
        return rows.findAll(keys);
    }

    /** The row of a contact that exists and was not forgotten, else null. */
    Document findActive(ContactId id) {
        Document row = find(id);
        return row == null || isForgotten(row) ? null : row;
    }

    void save(Document row) {
        rows.save(row);
    }

    void update(String key, Bson update) {
        rows.update(key, update);
    }

    void updateAll(Collection<String> keys, Bson update) {
        rows.updateAll(keys, update);
    }

    void deleteAll() {
        rows.drop();
    }

    /** The row's key and those of the survivors it was merged into, nearest first. */
    List<String> withSurvivors(Document row) {
        Set<String> keys = new LinkedHashSet<>();
        keys.add(row.getString(ID));
        Document current = row;
        for (int hop = 0; hop < MAX_MERGE_HOPS && current != null && current.getString(MERGED_INTO) != null; hop++) {
            String survivor = current.getString(MERGED_INTO);
            if (!keys.add(survivor)) {
                break;
            }
            current = find(survivor);
        }
        return List.copyOf(keys);
    }

    static boolean isForgotten(Document row) {
        return row.getBoolean(FORGOTTEN, false);
    }

    static long version(Document row) {
        return row.get(VERSION, Number.class).longValue();
    }

    static Document tombstone(ContactId id, long version) {
        return new Document(ID, id.toString()).append(OWNER, id.owner().value())
                                              .append(FORGOTTEN, true)
                                              .append(VERSION, version);
    }

    /** The contact's own fields as the row holds them. */
    static ContactProfile profile(Document row) {
        return new ContactProfile(row.getString(GIVEN_NAME), row.getString(FAMILY_NAME), row.getString(PRONUNCIATION),
                                  row.getString(SALUTATION), row.getString(TITLE), row.getString(ORGANIZATION),
                                  texts(row, EMAILS), texts(row, PHONES), row.getString(LINKEDIN_URL),
                                  row.getString(SOURCE) == null ? null : ContactSource.valueOf(row.getString(SOURCE)),
                                  row.getString(SOURCE_DETAIL), texts(row, TAGS));
    }

    /** The changes that write a profile to a row. */
    static List<Bson> writing(ContactProfile profile) {
        return List.of(Updates.set(GIVEN_NAME, profile.givenName()), Updates.set(FAMILY_NAME, profile.familyName()),
                       Updates.set(PRONUNCIATION, profile.pronunciation()), Updates.set(SALUTATION, profile.salutation()),
                       Updates.set(TITLE, profile.title()), Updates.set(ORGANIZATION, profile.organization()),
                       Updates.set(EMAILS, profile.emails()), Updates.set(PHONES, profile.phones()),
                       Updates.set(LINKEDIN_URL, profile.linkedinUrl()),
                       Updates.set(SOURCE, profile.source() == null ? null : profile.source().name()),
                       Updates.set(SOURCE_DETAIL, profile.sourceDetail()), Updates.set(TAGS, profile.tags()));
    }

    static ContactView view(Document row) {
        ContactProfile profile = profile(row);
        return new ContactView(
                contactId(row.getString(ID)),
                profile.givenName(),
                profile.familyName(),
                profile.pronunciation(),
                profile.salutation(),
                profile.title(),
                profile.organization(),
                profile.emails(),
                profile.phones(),
                profile.linkedinUrl(),
                profile.source(),
                profile.sourceDetail(),
                profile.tags(),
                contactId(row.getString(REFERRED_BY)),
                row.getBoolean(MAY_USE_INTRODUCER_NAME, false),
                contactIds(row, INTRODUCER_IDS),
                instant(row.getString(ADDED_AT)),
                instant(row.getString(LAST_TOUCH_AT)),
                instant(row.getString(NEXT_FOLLOW_UP_DUE)),
                row.getInteger(FOLLOW_UP_EVERY_DAYS),
                contactId(row.getString(MERGED_INTO)),
                contactIds(row, ABSORBED_CONTACT_IDS),
                texts(row, INTERVIEW_IDS).stream().map(ContactRows::interviewId).toList(),
                contactIds(row, REFERRED_CONTACT_IDS),
                version(row));
    }

    static String key(Object id) {
        return id == null ? null : id.toString();
    }

    static List<String> keys(Collection<?> ids) {
        return ids.stream().map(Object::toString).toList();
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

    private static List<ContactId> contactIds(Document row, String field) {
        return texts(row, field).stream().map(ContactRows::contactId).toList();
    }

    private static ContactId contactId(String key) {
        return Identifiers.fromKey(key, ContactId::new);
    }

    private static InterviewId interviewId(String key) {
        return Identifiers.fromKey(key, InterviewId::new);
    }
}
