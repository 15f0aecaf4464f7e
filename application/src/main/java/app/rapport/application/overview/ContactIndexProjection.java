package app.rapport.application.overview;

import app.rapport.domain.contact.ContactAdded;
import app.rapport.domain.contact.ContactForgotten;
import app.rapport.domain.contact.ContactId;
import app.rapport.domain.contact.ContactMergedInto;
import app.rapport.domain.contact.ContactProfile;
import app.rapport.domain.contact.ContactUpdated;
import app.rapport.domain.contact.ContactsMerged;
import app.rapport.domain.contact.FollowUpBecameDue;
import app.rapport.domain.contact.FollowUpCadenceSet;
import app.rapport.domain.contact.TouchLogged;
import app.rapport.domain.shared.OwnerId;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static app.rapport.application.overview.OwnerIndexRows.*;

/**
 * The contacts' side of the owner index: a row per contact ({@link OwnerIndexRows}) with what the lists and the
 * dashboard need of it. Each event reads and writes the contact's row (and, when forgetting, the rows of the
 * interviews that concern it): its cost does not depend on how many contacts the owner has.
 * <p>
 * <b>Idempotence.</b> A row keeps the sequence number of its contact's last event applied and ignores older
 * ones; a forgotten contact's row becomes a marker (id and version) that keeps late or repeated events about it
 * and its interviews out. Forgetting writes the interviews' rows first and the marker last, so a redelivery after
 * a crash completes it.
 */
@Component
@ProcessingGroup(OwnerIndexProcessing.OWNER_INDEX_VIEWS)
class ContactIndexProjection {

    private final OwnerIndexStore store;
    private final OwnerIndexRows rows;

    ContactIndexProjection(OwnerIndexStore store) {
        this.store = store;
        this.rows = store.rows();
    }

    @EventHandler
    void on(ContactAdded event, @SequenceNumber long sequence) {
        ContactId id = event.contactId();
        store.change(id.owner(), () -> {
            Document existing = rows.contact(id);
            if (existing != null && (forgotten(existing) || version(existing) >= sequence)) {
                return null;
            }
            Document row = new Document(ID, id.toString())
                    .append(GIVEN_NAME, event.givenName())
                    .append(FAMILY_NAME, event.familyName())
                    .append(TITLE, event.title())
                    .append(ORGANIZATION, event.organization())
                    .append(TAGS, event.tags() == null ? List.of() : event.tags())
                    .append(ADDED_AT, text(event.addedAt()))
                    .append(LAST_TOUCH_AT, null)
                    .append(NEXT_FOLLOW_UP_DUE, null)
                    .append(MERGED_INTO, null)
                    .append(INTERVIEW_IDS, List.of())
                    .append(REFERRED_IN, List.of())
                    .append(VERSION, sequence);
            rows.saveContact(id.owner(), row, existing == null);
            IndexedContact entry = contact(row);
            return index -> index.putContact(entry);
        });
    }

    /** The contact's own fields change by {@link ContactProfile}'s rules. */
    @EventHandler
    void on(ContactUpdated event, @SequenceNumber long sequence) {
        change(event.contactId(), sequence, row -> write(row, profile(row).updatedBy(event)));
    }

    @EventHandler
    void on(TouchLogged event, @SequenceNumber long sequence) {
        change(event.contactId(), sequence, row -> {
            row.put(LAST_TOUCH_AT, text(event.lastTouchAt()));
            row.put(NEXT_FOLLOW_UP_DUE, text(event.nextFollowUpDue()));
        });
    }

    @EventHandler
    void on(FollowUpCadenceSet event, @SequenceNumber long sequence) {
        change(event.contactId(), sequence, row -> row.put(NEXT_FOLLOW_UP_DUE, text(event.nextFollowUpDue())));
    }

    /** The survivor's side of a merge: texts it lacked, the united tags, the later touch and its follow-up. */
    @EventHandler
    void on(ContactsMerged event, @SequenceNumber long sequence) {
        change(event.contactId(), sequence, row -> {
            write(row, profile(row).mergedWith(event));
            row.put(LAST_TOUCH_AT, text(event.lastTouchAt()));
            row.put(NEXT_FOLLOW_UP_DUE, text(event.nextFollowUpDue()));
        });
    }

    /** The duplicate is archived: no longer listed; its interviews count for the survivor. */
    @EventHandler
    void on(ContactMergedInto event, @SequenceNumber long sequence) {
        change(event.contactId(), sequence, row -> row.put(MERGED_INTO, event.survivorId().toString()));
    }

    /** The contact's row becomes a marker; its interviews and the referrals that named it go. */
    @EventHandler
    void on(ContactForgotten event, @SequenceNumber long sequence) {
        ContactId id = event.contactId();
        OwnerId owner = id.owner();
        store.change(owner, () -> {
            Document row = rows.contact(id);
            if (forgotten(row)) {
                return null;
            }
            List<String> own = row == null ? List.of() : texts(row, INTERVIEW_IDS);
            own.forEach(interview -> rows.deleteInterview(owner, interview));
            List<IndexedInterview> stillGiven = new ArrayList<>();
            for (Document interview : rows.interviews(row == null ? List.of() : texts(row, REFERRED_IN))) {
                List<Document> referrals = new ArrayList<>(interview.getList(REFERRALS, Document.class, List.of()));
                if (referrals.removeIf(referral -> id.toString().equals(referral.getString(TO_CONTACT_ID)))) {
                    interview.put(REFERRALS, referrals);
                    rows.saveInterview(owner, interview, false);
                    stillGiven.add(interview(interview));
                }
            }
            rows.saveContact(owner, new Document(ID, id.toString()).append(FORGOTTEN, true).append(VERSION, sequence), false);
            return index -> {
                own.forEach(interview -> index.removeInterview(interviewId(interview)));
                stillGiven.forEach(index::putInterview);
                index.removeContact(id);
            };
        });
    }

    /** A follow-up came due with time alone: the dashboard moved on. */
    @EventHandler
    void on(FollowUpBecameDue event) {
        store.timePassed(event.contactId().owner());
    }

    /** One reset for the whole index: the interviews' side is in the same processor and replays with it. */
    @ResetHandler
    void onReset() {
        store.deleteAll();
    }

    private void change(ContactId id, long sequence, Consumer<Document> change) {
        store.change(id.owner(), () -> {
            Document row = rows.contact(id);
            if (row == null || forgotten(row) || version(row) >= sequence) {
                return null;
            }
            change.accept(row);
            row.put(VERSION, sequence);
            rows.saveContact(id.owner(), row, false);
            IndexedContact entry = contact(row);
            return index -> index.putContact(entry);
        });
    }

    /** The part of the contact's profile the index keeps; the rest stays unknown here. */
    private static ContactProfile profile(Document row) {
        return new ContactProfile(row.getString(GIVEN_NAME), row.getString(FAMILY_NAME), null, null, row.getString(TITLE),
                                  row.getString(ORGANIZATION), null, null, null, null, null, row.getList(TAGS, String.class));
    }

    private static void write(Document row, ContactProfile profile) {
        row.put(GIVEN_NAME, profile.givenName());
        row.put(FAMILY_NAME, profile.familyName());
        row.put(TITLE, profile.title());
        row.put(ORGANIZATION, profile.organization());
        row.put(TAGS, profile.tags());
    }
}
