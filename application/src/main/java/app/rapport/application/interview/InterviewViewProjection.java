package app.rapport.application.interview;

import app.rapport.application.ViewProcessing;
import app.rapport.application.storage.Store;
import app.rapport.domain.contact.ContactForgotten;
import app.rapport.domain.contact.ContactId;
import app.rapport.domain.interview.InterviewRequested;
import app.rapport.domain.interview.InterviewStatus;
import app.rapport.domain.interview.MeetingCancelled;
import app.rapport.domain.interview.MeetingConfirmed;
import app.rapport.domain.interview.MeetingRescheduled;
import app.rapport.domain.interview.NotesRecorded;
import app.rapport.domain.interview.QuestionsPrepared;
import app.rapport.domain.interview.ReferralRecorded;
import app.rapport.domain.interview.ResponseRecorded;
import app.rapport.domain.interview.ThanksSent;
import app.rapport.domain.shared.InterviewId;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import static app.rapport.application.interview.InterviewRows.*;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.set;

/**
 * The interview and referral views, kept from the interviews' events. Answers {@link FindInterview},
 * {@link FindInterviews} and {@link FindReferral}.
 * <p>
 * Events may arrive twice (after a crash or a replay). An interview's events are applied only when newer than
 * its row's {@code version}; what they change elsewhere is written first and is idempotent, so an event
 * interrupted half-way is applied whole when it comes again.
 */
@Component
@ProcessingGroup(ViewProcessing.INTERVIEW_VIEWS)
class InterviewViewProjection {

    private final InterviewRows rows;

    InterviewViewProjection(Store store) {
        this.rows = new InterviewRows(store.views());
    }

    @EventHandler
    void on(InterviewRequested event, @SequenceNumber long sequence) {
        Document existing = rows.find(event.interviewId());
        if (existing != null && version(existing) >= sequence) {
            return;
        }
        if (isForgottenContact(event.contactId())) {
            return; // requested while the contact was being forgotten: it was erased with them
        }
        String key = event.interviewId().toString();
        rows.addToContact(event.contactId(), INTERVIEW_IDS, key);
        rows.save(new Document(ID, key)
                          .append(OWNER, event.interviewId().owner().value())
                          .append(CONTACT_ID, event.contactId().toString())
                          .append(STATUS, InterviewStatus.after(null, event).name())
                          .append(PURPOSE, event.purpose())
                          .append(MESSAGE, event.message())
                          .append(CHANNEL, event.channel() == null ? null : event.channel().name())
                          .append(REQUESTED_MINUTES, event.requestedMinutes())
                          .append(REQUESTED_AT, text(event.requestedAt()))
                          .append(RESPONDED_AT, null)
                          .append(RESPONSE, null)
                          .append(MEETING, null)
                          .append(QUESTIONS, List.of())
                          .append(NOTES, null)
                          .append(REFERRAL_LIST, List.of())
                          .append(THANKS_SENT_AT, null)
                          .append(THANKS_DUE_BY, null)
                          .append(VERSION, sequence));
    }

    @EventHandler
    void on(ResponseRecorded event, @SequenceNumber long sequence) {
        Document row = rowToChange(event.interviewId(), sequence);
        if (row == null) {
            return;
        }
        applyOwn(row, sequence, statusAfter(row, event),
                 set(RESPONSE, event.response().name()),
                 set(RESPONDED_AT, text(event.at())));
    }

    @EventHandler
    void on(MeetingConfirmed event, @SequenceNumber long sequence, @Timestamp Instant at) {
        Document row = rowToChange(event.interviewId(), sequence);
        if (row == null) {
            return;
        }
        applyOwn(row, sequence, statusAfter(row, event),
                 set(MEETING, meeting(event.startsAt(), event.durationMinutes(), event.format(), event.location(),
                                      event.timeZone(), at)));
    }

    /** The event holds the meeting's time, length and place after the move; format and zone stay. */
    @EventHandler
    void on(MeetingRescheduled event, @SequenceNumber long sequence, @Timestamp Instant at) {
        Document row = rowToChange(event.interviewId(), sequence);
        if (row == null) {
            return;
        }
        Document meeting = row.get(MEETING, Document.class);
        Document moved = (meeting == null ? new Document() : new Document(meeting))
                .append(STARTS_AT, text(event.startsAt()))
                .append(DURATION_MINUTES, event.durationMinutes())
                .append(LOCATION, event.location())
                .append(CHANGED_AT, text(at));
        applyOwn(row, sequence, set(MEETING, moved));
    }

    /** The meeting stays in the view, marked off by the status: it shows what was called off. */
    @EventHandler
    void on(MeetingCancelled event, @SequenceNumber long sequence, @Timestamp Instant at) {
        Document row = rowToChange(event.interviewId(), sequence);
        if (row == null) {
            return;
        }
        if (row.get(MEETING) == null) {
            applyOwn(row, sequence, statusAfter(row, event));
        } else {
            applyOwn(row, sequence, statusAfter(row, event), set(MEETING + "." + CHANGED_AT, text(at)));
        }
    }

    @EventHandler
    void on(QuestionsPrepared event, @SequenceNumber long sequence) {
        Document row = rowToChange(event.interviewId(), sequence);
        if (row == null) {
            return;
        }
        applyOwn(row, sequence, set(QUESTIONS, event.questions() == null ? List.of() : event.questions()));
    }

    /** First notes mark the meeting held; amended ones replace the notes and keep status and deadline. */
    @EventHandler
    void on(NotesRecorded event, @SequenceNumber long sequence) {
        Document row = rowToChange(event.interviewId(), sequence);
        if (row == null) {
            return;
        }
        applyOwn(row, sequence, statusAfter(row, event),
                 set(NOTES, notes(event.heldAt(), event.summary(), event.answers(), event.advice(), event.nextSteps())),
                 set(THANKS_DUE_BY, text(event.thanksDueBy())));
    }

    @EventHandler
    void on(ReferralRecorded event, @SequenceNumber long sequence) {
        Document row = rowToChange(event.interviewId(), sequence);
        if (row == null) {
            return;
        }
        if (isForgottenContact(event.referredContactId())) {
            applyOwn(row, sequence); // the person referred was forgotten meanwhile: nothing about them is kept
            return;
        }
        String interviewKey = row.getString(ID);
        String referralKey = event.referralId().toString();
        rows.addToContact(event.referredContactId(), REFERRED_IN_INTERVIEW_IDS, interviewKey);
        rows.saveReferral(referralKey, row.getString(OWNER), interviewKey);
        List<Document> referrals = new ArrayList<>(referrals(row));
        referrals.removeIf(referral -> referralKey.equals(referral.getString(ID)));
        referrals.add(referral(event.referralId(), event.referredContactId(), event.mayUseName(), event.note()));
        applyOwn(row, sequence, set(REFERRAL_LIST, referrals));
    }

    @EventHandler
    void on(ThanksSent event, @SequenceNumber long sequence) {
        Document row = rowToChange(event.interviewId(), sequence);
        if (row == null) {
            return;
        }
        applyOwn(row, sequence, statusAfter(row, event),
                 set(THANKS_SENT_AT, text(event.sentAt())));
    }

    /**
     * Erases what the interviews say about a forgotten contact: their own interviews become tombstones (with the
     * referrals given in them), and referrals naming them are removed from other contacts' interviews. Written
     * in an order that a redelivery after a crash completes.
     */
    @EventHandler
    void on(ContactForgotten event) {
        Document contact = rows.findContact(event.contactId());
        if (contact != null && isForgotten(contact)) {
            return;
        }
        if (contact != null) {
            for (Document interview : rows.findAll(texts(contact, INTERVIEW_IDS))) {
                if (isForgotten(interview)) {
                    continue;
                }
                List<Document> referrals = referrals(interview);
                rows.deleteReferrals(referrals.stream().map(referral -> referral.getString(ID)).toList());
                for (Document referral : referrals) {
                    rows.removeFromContact(referral.getString(TO_CONTACT_ID), REFERRED_IN_INTERVIEW_IDS,
                                           interview.getString(ID));
                }
                rows.save(tombstone(interview));
            }
            String forgotten = event.contactId().toString();
            for (Document interview : rows.findAll(texts(contact, REFERRED_IN_INTERVIEW_IDS))) {
                if (isForgotten(interview)) {
                    continue;
                }
                List<Document> kept = new ArrayList<>();
                List<String> erased = new ArrayList<>();
                for (Document referral : referrals(interview)) {
                    if (forgotten.equals(referral.getString(TO_CONTACT_ID))) {
                        erased.add(referral.getString(ID));
                    } else {
                        kept.add(referral);
                    }
                }
                rows.deleteReferrals(erased);
                rows.update(interview.getString(ID), set(REFERRAL_LIST, kept));
            }
        }
        rows.markForgotten(event.contactId());
    }

    @ResetHandler
    void onReset() {
        rows.deleteAll(); // a replay rebuilds every row from the first event
    }

    // ---------------------------------------------------------------- queries

    @QueryHandler
    Optional<InterviewView> handle(FindInterview query) {
        return Optional.ofNullable(activeRow(query.id())).map(InterviewRows::view);
    }

    @QueryHandler
    List<InterviewView> handle(FindInterviews query) {
        List<String> keys = query.ids().stream().filter(Objects::nonNull).map(InterviewId::toString).distinct().toList();
        Map<String, Document> found = rows.findAll(keys).stream()
                                          .filter(row -> !isForgotten(row))
                                          .collect(Collectors.toMap(row -> row.getString(ID), Function.identity(),
                                                                    (first, second) -> first));
        return keys.stream().map(found::get).filter(Objects::nonNull).map(InterviewRows::view).toList();
    }

    @QueryHandler
    Optional<ReferralView> handle(FindReferral query) {
        Document referral = rows.findReferral(query.id());
        if (referral == null) {
            return Optional.empty();
        }
        Document interview = rows.find(referral.getString(INTERVIEW_ID));
        if (interview == null || isForgotten(interview)) {
            return Optional.empty();
        }
        InterviewView view = view(interview);
        return view.referrals().stream().filter(found -> found.id().equals(query.id())).findFirst();
    }

    // ---------------------------------------------------------------- helpers

    private Document activeRow(InterviewId id) {
        Document row = rows.find(id);
        return row == null || isForgotten(row) ? null : row;
    }

    /** The row an interview's own event changes: present, not erased, and not already past this event. */
    private Document rowToChange(InterviewId id, long sequence) {
        Document row = activeRow(id);
        return row == null || version(row) >= sequence ? null : row;
    }

    private boolean isForgottenContact(ContactId id) {
        Document contact = rows.findContact(id);
        return contact != null && isForgotten(contact);
    }

    private void applyOwn(Document row, long sequence, Bson... changes) {
        List<Bson> all = new ArrayList<>(List.of(changes));
        all.add(set(VERSION, sequence));
        rows.update(row.getString(ID), combine(all));
    }

    /** The row's status after the event, by the interview's one set of transitions. */
    private static Bson statusAfter(Document row, Object event) {
        String current = row.getString(STATUS);
        return set(STATUS, InterviewStatus.after(current == null ? null : InterviewStatus.valueOf(current), event).name());
    }
}
