package app.rapport.application.interview;

import app.rapport.domain.contact.Channel;
import app.rapport.domain.contact.ContactId;
import app.rapport.domain.interview.Answer;
import app.rapport.domain.interview.InterviewStatus;
import app.rapport.domain.interview.MeetingFormat;
import app.rapport.domain.interview.ReferralId;
import app.rapport.domain.interview.Response;
import app.rapport.domain.shared.Identifiers;
import app.rapport.domain.shared.InterviewId;
import app.rapport.application.views.EventIds;
import app.rapport.application.views.ViewRows;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * The interview projection's collections, each read only by exact match on {@code _id} ("owner/value", the
 * typed id's text), so every lookup names its owner:
 * <ul>
 *     <li>{@code interview_views}: one row per interview, its referrals inside it; a tombstone (id, owner,
 *     version) once the interviewee was forgotten;</li>
 *     <li>{@code referral_views}: one row per referral, pointing to the interview that holds it;</li>
 *     <li>{@code contact_interviews}: per contact, the interviews with them and those in which they were
 *     referred, so that forgetting a contact finds everything to erase without a scan; once forgotten, a
 *     marker that keeps late events about them out.</li>
 * </ul>
 * Times are ISO-8601 texts, exact to the nanosecond as the events hold them.
 */
final class InterviewRows {

    static final String INTERVIEWS = "interview_views";
    static final String REFERRALS = "referral_views";
    static final String CONTACT_INTERVIEWS = "contact_interviews";

    static final String ID = "_id";
    static final String OWNER = "owner";
    static final String CONTACT_ID = "contactId";
    static final String STATUS = "status";
    static final String PURPOSE = "purpose";
    static final String MESSAGE = "message";
    static final String CHANNEL = "channel";
    static final String REQUESTED_MINUTES = "requestedMinutes";
    static final String REQUESTED_AT = "requestedAt";
    static final String RESPONDED_AT = "respondedAt";
    static final String RESPONSE = "response";
    static final String MEETING = "meeting";
    static final String STARTS_AT = "startsAt";
    static final String DURATION_MINUTES = "durationMinutes";
    static final String FORMAT = "format";
    static final String LOCATION = "location";
    static final String TIME_ZONE = "timeZone";
    static final String CHANGED_AT = "changedAt";
    static final String QUESTIONS = "questions";
    static final String NOTES = "notes";
    static final String HELD_AT = "heldAt";
    static final String SUMMARY = "summary";
    static final String ANSWERS = "answers";
    static final String QUESTION = "question";
    static final String ANSWER = "answer";
    static final String ADVICE = "advice";
    static final String NEXT_STEPS = "nextSteps";
    static final String REFERRAL_LIST = "referrals";
    static final String TO_CONTACT_ID = "toContactId";
    static final String MAY_USE_NAME = "mayUseName";
    static final String NOTE = "note";
    static final String THANKS_SENT_AT = "thanksSentAt";
    static final String THANKS_DUE_BY = "thanksDueBy";
    static final String FORGOTTEN = "forgotten";
    static final String VERSION = "version";

    static final String INTERVIEW_ID = "interviewId";
    static final String INTERVIEW_IDS = "interviewIds";
    static final String REFERRED_IN_INTERVIEW_IDS = "referredInInterviewIds";

    private final ViewRows interviews;
    private final ViewRows referrals;
    private final ViewRows contactInterviews;

    InterviewRows(MongoDatabase database) {
        this.interviews = ViewRows.of(database, INTERVIEWS).readAhead(EventIds.ofType(InterviewId.class));
        this.referrals = ViewRows.of(database, REFERRALS).readAhead(EventIds.ofType(ReferralId.class));
        this.contactInterviews = ViewRows.of(database, CONTACT_INTERVIEWS).readAhead(EventIds.ofType(ContactId.class));
    }

    // ---------------------------------------------------------------- interview_views

    Document find(InterviewId id) {
        return id == null ? null : find(id.toString());
    }

    Document find(String key) {
        return interviews.find(key);
    }

    List<Document> findAll(Collection<String> keys) {
        return interviews.findAll(keys);
    }

    void save(Document row) {
        interviews.save(row);
    }

    void update(String key, Bson update) {
        interviews.update(key, update);
    }

    // ---------------------------------------------------------------- referral_views

    Document findReferral(ReferralId id) {
        return id == null ? null : referrals.find(id.toString());
    }

    void saveReferral(String referralKey, String owner, String interviewKey) {
        referrals.save(new Document(ID, referralKey).append(OWNER, owner).append(INTERVIEW_ID, interviewKey));
    }

    void deleteReferrals(Collection<String> referralKeys) {
        referrals.deleteAll(referralKeys);
    }

    // ---------------------------------------------------------------- contact_interviews

    Document findContact(ContactId id) {
        return contactInterviews.find(id.toString());
    }

    void addToContact(ContactId id, String field, String interviewKey) {
        contactInterviews.upsert(id.toString(), Updates.combine(Updates.setOnInsert(OWNER, id.owner().value()),
                                                                Updates.addToSet(field, interviewKey)));
    }

    void removeFromContact(String contactKey, String field, String interviewKey) {
        contactInterviews.update(contactKey, Updates.pull(field, interviewKey));
    }

    void markForgotten(ContactId id) {
        contactInterviews.save(new Document(ID, id.toString()).append(OWNER, id.owner().value()).append(FORGOTTEN, true));
    }

    void deleteAll() {
        interviews.drop();
        referrals.drop();
        contactInterviews.drop();
    }

    // ---------------------------------------------------------------- mapping

    static boolean isForgotten(Document row) {
        return row.getBoolean(FORGOTTEN, false);
    }

    static long version(Document row) {
        return row.get(VERSION, Number.class).longValue();
    }

    static Document tombstone(Document row) {
        return new Document(ID, row.getString(ID)).append(OWNER, row.getString(OWNER))
                                                  .append(FORGOTTEN, true)
                                                  .append(VERSION, version(row));
    }

    static Document meeting(Instant startsAt, int durationMinutes, MeetingFormat format, String location, String timeZone,
                            Instant changedAt) {
        return new Document(STARTS_AT, text(startsAt)).append(DURATION_MINUTES, durationMinutes)
                                                      .append(FORMAT, format == null ? null : format.name())
                                                      .append(LOCATION, location)
                                                      .append(TIME_ZONE, timeZone)
                                                      .append(CHANGED_AT, text(changedAt));
    }

    static Document notes(Instant heldAt, String summary, List<Answer> answers, String advice, String nextSteps) {
        List<Document> answerDocuments = answers == null ? List.of() : answers.stream()
                .filter(answer -> answer != null)
                .map(answer -> new Document(QUESTION, answer.question()).append(ANSWER, answer.answer()))
                .toList();
        return new Document(HELD_AT, text(heldAt)).append(SUMMARY, summary)
                                                  .append(ANSWERS, answerDocuments)
                                                  .append(ADVICE, advice)
                                                  .append(NEXT_STEPS, nextSteps);
    }

    static Document referral(ReferralId id, ContactId toContactId, boolean mayUseName, String note) {
        return new Document(ID, id.toString()).append(TO_CONTACT_ID, toContactId.toString())
                                              .append(MAY_USE_NAME, mayUseName)
                                              .append(NOTE, note);
    }

    static List<Document> referrals(Document row) {
        List<Document> list = row.getList(REFERRAL_LIST, Document.class);
        return list == null ? List.of() : list;
    }

    static InterviewView view(Document row) {
        InterviewId id = Identifiers.fromKey(row.getString(ID), InterviewId::new);
        ContactId contactId = Identifiers.fromKey(row.getString(CONTACT_ID), ContactId::new);
        Document meeting = row.get(MEETING, Document.class);
        Document notes = row.get(NOTES, Document.class);
        return new InterviewView(
                id,
                contactId,
                enumOf(InterviewStatus.class, row.getString(STATUS)),
                row.getString(PURPOSE),
                row.getString(MESSAGE),
                enumOf(Channel.class, row.getString(CHANNEL)),
                row.getInteger(REQUESTED_MINUTES, 0),
                instant(row.getString(REQUESTED_AT)),
                instant(row.getString(RESPONDED_AT)),
                enumOf(Response.class, row.getString(RESPONSE)),
                meeting == null ? null : new InterviewView.Meeting(
                        instant(meeting.getString(STARTS_AT)),
                        meeting.getInteger(DURATION_MINUTES, 0),
                        enumOf(MeetingFormat.class, meeting.getString(FORMAT)),
                        meeting.getString(LOCATION),
                        meeting.getString(TIME_ZONE),
                        instant(meeting.getString(CHANGED_AT))),
                texts(row, QUESTIONS),
                notes == null ? null : new InterviewView.Notes(
                        instant(notes.getString(HELD_AT)),
                        notes.getString(SUMMARY),
                        answers(notes),
                        notes.getString(ADVICE),
                        notes.getString(NEXT_STEPS)),
                referrals(row).stream().map(referral -> referralView(referral, id, contactId)).toList(),
                instant(row.getString(THANKS_SENT_AT)),
                instant(row.getString(THANKS_DUE_BY)),
                version(row));
    }

    static ReferralView referralView(Document referral, InterviewId interviewId, ContactId fromContactId) {
        return new ReferralView(Identifiers.fromKey(referral.getString(ID), ReferralId::new),
                                interviewId,
                                fromContactId,
                                Identifiers.fromKey(referral.getString(TO_CONTACT_ID), ContactId::new),
                                referral.getBoolean(MAY_USE_NAME, false),
                                referral.getString(NOTE));
    }

    static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    static List<String> texts(Document row, String field) {
        List<String> values = row.getList(field, String.class);
        return values == null ? List.of() : values.stream().filter(value -> value != null).toList();
    }

    private static List<Answer> answers(Document notes) {
        List<Document> answers = notes.getList(ANSWERS, Document.class);
        return answers == null ? List.of()
                : answers.stream().map(answer -> new Answer(answer.getString(QUESTION), answer.getString(ANSWER))).toList();
    }

    private static Instant instant(String text) {
        return text == null ? null : Instant.parse(text);
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String name) {
        return name == null ? null : Enum.valueOf(type, name);
    }
}
