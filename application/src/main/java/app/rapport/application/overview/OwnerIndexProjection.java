package app.rapport.application.overview;

import app.rapport.application.overview.OwnerIndexRows.Bucket;
import app.rapport.application.storage.Store;
import app.rapport.domain.contact.ContactAdded;
import app.rapport.domain.contact.ContactForgotten;
import app.rapport.domain.contact.ContactId;
import app.rapport.domain.contact.ContactMergedInto;
import app.rapport.domain.contact.ContactUpdated;
import app.rapport.domain.contact.ContactsMerged;
import app.rapport.domain.contact.FollowUpBecameDue;
import app.rapport.domain.contact.FollowUpCadenceSet;
import app.rapport.domain.contact.TouchLogged;
import app.rapport.domain.interview.InterviewRequested;
import app.rapport.domain.interview.InterviewStatus;
import app.rapport.domain.interview.MeetingCancelled;
import app.rapport.domain.interview.MeetingConfirmed;
import app.rapport.domain.interview.MeetingRescheduled;
import app.rapport.domain.interview.NotesRecorded;
import app.rapport.domain.interview.NudgeBecameDue;
import app.rapport.domain.interview.ReferralRecorded;
import app.rapport.domain.interview.ResponseRecorded;
import app.rapport.domain.interview.ThanksBecameOverdue;
import app.rapport.domain.interview.ThanksSent;
import app.rapport.domain.shared.InterviewId;
import app.rapport.domain.shared.OwnerId;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static app.rapport.application.overview.OwnerIndexRows.*;

/**
 * Keeps the owner index ({@link OwnerIndexRows}) from contact and interview events, and answers the owner's lists
 * and dashboard from it: {@link FindContactPage}, {@link FindInterviewPage}, {@link FindDashboard}.
 * <p>
 * <b>Costs.</b> An event reads and rewrites one bucket (an exact lookup); forgetting a contact also reads the
 * owner's interview buckets (one {@code $in} of 64 ids). A page of contacts or the dashboard reads the owner's
 * contact and interview buckets (two {@code $in} of 64 ids), a page of interviews its interview buckets (one);
 * the page's or the dashboard's contacts and interviews are then loaded by id ({@code FindContacts},
 * {@code FindInterviews}). Nothing scans, so an owner's reads do not slow down as other owners' data grows; the
 * filtering, sorting and stage derivation happen in memory over the owner's own entries.
 * <p>
 * <b>Idempotence.</b> Each entry keeps the sequence number of its aggregate's last event applied and ignores
 * older ones; a forgotten contact leaves a marker (its id and the sequence number of the forgetting) that keeps
 * late or repeated events about it and its interviews out. A forgetting writes the interview buckets first and
 * the marker last, so a redelivery after a crash completes it.
 * <p>
 * <b>Live updates.</b> After each change of an owner's index, if someone follows that owner's dashboard
 * ({@code FindDashboard} as a subscription query), the dashboard is recomputed and emitted to the subscriptions
 * of that owner only. Changes that come with time alone (thanks becoming overdue) are not pushed.
 */
@Component
@ProcessingGroup(OwnerIndexProcessing.OWNER_INDEX_VIEWS)
class OwnerIndexProjection {

    private final OwnerIndexRows rows;
    private final QueryUpdateEmitter updates;

    OwnerIndexProjection(Store store, QueryUpdateEmitter updates) {
        this.rows = new OwnerIndexRows(store.database());
        this.updates = updates;
    }

    // ---------------------------------------------------------------- contact events

    @EventHandler
    void on(ContactAdded event, @SequenceNumber long sequence) {
        Bucket bucket = rows.contactBucket(event.contactId());
        String key = event.contactId().toString();
        Document existing = bucket.entries.get(key);
        if (bucket.forgotten.containsKey(key) || existing != null && version(existing) >= sequence) {
            return;
        }
        bucket.entries.put(key, new Document(ENTRY_ID, key)
                .append(GIVEN_NAME, event.givenName())
                .append(FAMILY_NAME, event.familyName())
                .append(TITLE, event.title())
                .append(ORGANIZATION, event.organization())
                .append(TAGS, event.tags() == null ? List.of() : event.tags())
                .append(ADDED_AT, text(event.addedAt()))
                .append(LAST_TOUCH_AT, null)
                .append(NEXT_FOLLOW_UP_DUE, null)
                .append(MERGED_INTO, null)
                .append(VERSION, sequence));
        rows.saveContacts(bucket);
        changed(event.contactId().owner());
    }

    /** Only what changed: null leaves a field, "" clears a text, a list replaces the tags. */
    @EventHandler
    void on(ContactUpdated event, @SequenceNumber long sequence) {
        changeContact(event.contactId(), sequence, entry -> {
            if (event.givenName() != null && !event.givenName().isEmpty()) {
                entry.put(GIVEN_NAME, event.givenName());
            }
            changeText(entry, FAMILY_NAME, event.familyName());
            changeText(entry, TITLE, event.title());
            changeText(entry, ORGANIZATION, event.organization());
            if (event.tags() != null) {
                entry.put(TAGS, event.tags());
            }
        });
    }

    @EventHandler
    void on(TouchLogged event, @SequenceNumber long sequence) {
        changeContact(event.contactId(), sequence, entry -> {
            entry.put(LAST_TOUCH_AT, text(event.lastTouchAt()));
            entry.put(NEXT_FOLLOW_UP_DUE, text(event.nextFollowUpDue()));
        });
    }

    @EventHandler
    void on(FollowUpCadenceSet event, @SequenceNumber long sequence) {
        changeContact(event.contactId(), sequence, entry -> entry.put(NEXT_FOLLOW_UP_DUE, text(event.nextFollowUpDue())));
    }

    /** The survivor's side of a merge: texts it lacked, the united tags, the later touch and its follow-up. */
    @EventHandler
    void on(ContactsMerged event, @SequenceNumber long sequence) {
        changeContact(event.contactId(), sequence, entry -> {
            fillText(entry, FAMILY_NAME, event.familyName());
            fillText(entry, TITLE, event.title());
            fillText(entry, ORGANIZATION, event.organization());
            if (event.tags() != null) {
                entry.put(TAGS, event.tags());
            }
            entry.put(LAST_TOUCH_AT, text(event.lastTouchAt()));
            entry.put(NEXT_FOLLOW_UP_DUE, text(event.nextFollowUpDue()));
        });
    }

    /** The duplicate is archived: no longer listed; its interviews count for the survivor. */
    @EventHandler
    void on(ContactMergedInto event, @SequenceNumber long sequence) {
        changeContact(event.contactId(), sequence, entry -> entry.put(MERGED_INTO, event.survivorId().toString()));
    }

    /**
     * The contact's entry goes, with its interviews and the referrals that named it, and a marker keeps it out.
     * The interview buckets are written first, the marker last, so a redelivery after a crash redoes the rest.
     */
    @EventHandler
    void on(ContactForgotten event, @SequenceNumber long sequence) {
        ContactId contact = event.contactId();
        String key = contact.toString();
        Bucket bucket = rows.contactBucket(contact);
        if (bucket.forgotten.containsKey(key)) {
            return;
        }
        for (Bucket interviews : rows.interviewBuckets(contact.owner())) {
            boolean changed = interviews.entries.values().removeIf(entry -> key.equals(entry.getString(CONTACT_ID)));
            for (Document entry : interviews.entries.values()) {
                List<Document> referrals = new ArrayList<>(entry.getList(REFERRALS, Document.class, List.of()));
                if (referrals.removeIf(referral -> key.equals(referral.getString(TO_CONTACT_ID)))) {
                    entry.put(REFERRALS, referrals);
                    changed = true;
                }
            }
            if (changed) {
                rows.saveInterviews(interviews);
            }
        }
        bucket.entries.remove(key);
        bucket.forgotten.put(key, sequence);
        rows.saveContacts(bucket);
        changed(contact.owner());
    }

    // ---------------------------------------------------------------- interview events

    @EventHandler
    void on(InterviewRequested event, @SequenceNumber long sequence) {
        if (isForgotten(event.contactId())) {
            return; // requested while the contact was being forgotten: erased with them
        }
        Bucket bucket = rows.interviewBucket(event.interviewId());
        String key = event.interviewId().toString();
        Document existing = bucket.entries.get(key);
        if (existing != null && version(existing) >= sequence) {
            return;
        }
        bucket.entries.put(key, new Document(ENTRY_ID, key)
                .append(CONTACT_ID, event.contactId().toString())
                .append(STATUS, InterviewStatus.REQUESTED.name())
                .append(RESPONSE, null)
                .append(REQUESTED_AT, text(event.requestedAt()))
                .append(RESPONDED_AT, null)
                .append(MEETING_STARTS_AT, null)
                .append(HELD_AT, null)
                .append(THANKS_DUE_BY, null)
                .append(THANKS_SENT_AT, null)
                .append(REFERRALS, List.of())
                .append(VERSION, sequence));
        rows.saveInterviews(bucket);
        changed(event.interviewId().owner());
    }

    @EventHandler
    void on(ResponseRecorded event, @SequenceNumber long sequence) {
        InterviewStatus status = switch (event.response()) {
            case ACCEPTED -> InterviewStatus.ACCEPTED;
            case DECLINED -> InterviewStatus.DECLINED;
            case NO_RESPONSE -> InterviewStatus.NO_RESPONSE;
        };
        changeInterview(event.interviewId(), sequence, entry -> {
            entry.put(STATUS, status.name());
            entry.put(RESPONSE, event.response().name());
            entry.put(RESPONDED_AT, text(event.at()));
        });
    }

    @EventHandler
    void on(MeetingConfirmed event, @SequenceNumber long sequence) {
        changeInterview(event.interviewId(), sequence, entry -> {
            entry.put(STATUS, InterviewStatus.SCHEDULED.name());
            entry.put(MEETING_STARTS_AT, text(event.startsAt()));
        });
    }

    @EventHandler
    void on(MeetingRescheduled event, @SequenceNumber long sequence) {
        changeInterview(event.interviewId(), sequence, entry -> entry.put(MEETING_STARTS_AT, text(event.startsAt())));
    }

    @EventHandler
    void on(MeetingCancelled event, @SequenceNumber long sequence) {
        changeInterview(event.interviewId(), sequence, entry -> entry.put(STATUS, InterviewStatus.CANCELLED.name()));
    }

    /** First notes mark the meeting held; amended ones keep the status and the deadline the event carries. */
    @EventHandler
    void on(NotesRecorded event, @SequenceNumber long sequence) {
        changeInterview(event.interviewId(), sequence, entry -> {
            if (InterviewStatus.SCHEDULED.name().equals(entry.getString(STATUS))) {
                entry.put(STATUS, InterviewStatus.HELD.name());
            }
            entry.put(HELD_AT, text(event.heldAt()));
            entry.put(THANKS_DUE_BY, text(event.thanksDueBy()));
        });
    }

    /** One entry per referral id (a retry replaces it); none for a person forgotten meanwhile. */
    @EventHandler
    void on(ReferralRecorded event, @SequenceNumber long sequence) {
        boolean referredForgotten = isForgotten(event.referredContactId());
        changeInterview(event.interviewId(), sequence, entry -> {
            if (referredForgotten) {
                return;
            }
            String referral = event.referralId().toString();
            List<Document> referrals = new ArrayList<>(entry.getList(REFERRALS, Document.class, List.of()));
            referrals.removeIf(existing -> referral.equals(existing.getString(ENTRY_ID)));
            referrals.add(new Document(ENTRY_ID, referral).append(TO_CONTACT_ID, event.referredContactId().toString()));
            entry.put(REFERRALS, referrals);
        });
    }

    @EventHandler
    void on(ThanksSent event, @SequenceNumber long sequence) {
        changeInterview(event.interviewId(), sequence, entry -> {
            entry.put(STATUS, InterviewStatus.THANKED.name());
            entry.put(THANKS_SENT_AT, text(event.sentAt()));
        });
    }

    /**
     * Reminders change nothing in the index, but time has passed: the dashboard's due and overdue lists moved,
     * so whoever follows it gets it again.
     */
    @EventHandler
    void on(ThanksBecameOverdue event) {
        changed(event.interviewId().owner());
    }

    @EventHandler
    void on(NudgeBecameDue event) {
        changed(event.interviewId().owner());
    }

    @EventHandler
    void on(FollowUpBecameDue event) {
        changed(event.contactId().owner());
    }

    @ResetHandler
    void onReset() {
        rows.deleteAll(); // a replay rebuilds every bucket from the first event
    }

    // ---------------------------------------------------------------- queries

    @QueryHandler
    ContactPage handle(FindContactPage query) {
        return rows.index(query.owner()).contactPage(query, now());
    }

    @QueryHandler
    InterviewPage handle(FindInterviewPage query) {
        return rows.interviewIndex(query.owner()).interviewPage(query);
    }

    @QueryHandler
    DashboardView handle(FindDashboard query) {
        return Dashboards.of(rows.index(query.owner()), now());
    }

    // ---------------------------------------------------------------- helpers

    private void changeContact(ContactId id, long sequence, Consumer<Document> change) {
        Bucket bucket = rows.contactBucket(id);
        Document entry = bucket.entries.get(id.toString());
        if (entry == null || version(entry) >= sequence) {
            return;
        }
        change.accept(entry);
        entry.put(VERSION, sequence);
        rows.saveContacts(bucket);
        changed(id.owner());
    }

    private void changeInterview(InterviewId id, long sequence, Consumer<Document> change) {
        Bucket bucket = rows.interviewBucket(id);
        Document entry = bucket.entries.get(id.toString());
        if (entry == null || version(entry) >= sequence) {
            return;
        }
        change.accept(entry);
        entry.put(VERSION, sequence);
        rows.saveInterviews(bucket);
        changed(id.owner());
    }

    private boolean isForgotten(ContactId id) {
        return rows.contactBucket(id).forgotten.containsKey(id.toString());
    }

    /** Recomputes and pushes the owner's dashboard, only when someone follows it. */
    private void changed(OwnerId owner) {
        boolean followed = updates.activeSubscriptions().stream()
                                  .anyMatch(subscription -> subscription.getPayload() instanceof FindDashboard dashboard
                                                            && dashboard.owner().equals(owner));
        if (!followed) {
            return;
        }
        DashboardView dashboard = Dashboards.of(rows.index(owner), now());
        updates.emit(FindDashboard.class, query -> query.owner().equals(owner), new DashboardChanged(owner, dashboard, position()));
    }

    /** The global index of the event being handled, when it comes from the event stream. */
    private static long position() {
        if (!CurrentUnitOfWork.isStarted()
                || !(CurrentUnitOfWork.get().getMessage() instanceof TrackedEventMessage<?> tracked)) {
            return -1;
        }
        return WrappedToken.unwrapLowerBound(tracked.trackingToken()).position().orElse(-1);
    }

    private static Instant now() {
        return GenericEventMessage.clock.instant();
    }

    private static void changeText(Document entry, String field, String change) {
        if (change != null) {
            entry.put(field, change.isEmpty() ? null : change);
        }
    }

    private static void fillText(Document entry, String field, String filler) {
        if (filler != null && !filler.isEmpty()) {
            entry.put(field, filler);
        }
    }
}
