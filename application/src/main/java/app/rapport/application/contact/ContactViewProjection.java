package app.rapport.application.contact;

import app.rapport.application.ViewProcessing;
import app.rapport.application.storage.Store;
import app.rapport.domain.contact.ContactAdded;
import app.rapport.domain.contact.ContactForgotten;
import app.rapport.domain.contact.ContactId;
import app.rapport.domain.contact.ContactMergedInto;
import app.rapport.domain.contact.ContactUpdated;
import app.rapport.domain.contact.ContactsMerged;
import app.rapport.domain.contact.FollowUpCadenceSet;
import app.rapport.domain.contact.IntroductionRecorded;
import app.rapport.domain.contact.TouchLogged;
import app.rapport.domain.interview.InterviewRequested;
import app.rapport.domain.interview.ReferralRecorded;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import static app.rapport.application.contact.ContactRows.*;
import static com.mongodb.client.model.Updates.addEachToSet;
import static com.mongodb.client.model.Updates.addToSet;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.pull;
import static com.mongodb.client.model.Updates.pullAll;
import static com.mongodb.client.model.Updates.set;

/**
 * The contact views: kept from the contacts' events, and from the interview events that link contacts
 * (an interview requested, a referral given). Answers {@link FindContact} and {@link FindContacts}.
 * <p>
 * Events may arrive twice (after a crash or a replay). A contact's own events are applied only when newer
 * than the row's {@code version}; changes they make to other rows are written first and are idempotent
 * ({@code $addToSet}, {@code $pull}), so an event interrupted half-way is applied whole when it comes again.
 * Events of other aggregates only add or remove ids, and never touch a forgotten contact's tombstone.
 */
@Component
@ProcessingGroup(ViewProcessing.CONTACT_VIEWS)
class ContactViewProjection {

    private final ContactRows rows;

    ContactViewProjection(Store store) {
        this.rows = new ContactRows(store.views());
    }

    // ---------------------------------------------------------------- the contact's own events

    @EventHandler
    void on(ContactAdded event, @SequenceNumber long sequence) {
        Document existing = rows.find(event.contactId());
        if (existing != null && version(existing) >= sequence) {
            return;
        }
        String key = key(event.contactId());
        // An introducer forgotten in the meantime is not named: the view keeps nothing that points to them.
        ContactId introducer = rows.findActive(event.referredBy()) == null ? null : event.referredBy();
        if (introducer != null) {
            addToContactAndSurvivors(introducer, REFERRED_CONTACT_IDS, key);
        }
        rows.save(new Document(ID, key)
                          .append(OWNER, event.contactId().owner().value())
                          .append(GIVEN_NAME, event.givenName())
                          .append(FAMILY_NAME, event.familyName())
                          .append(PRONUNCIATION, event.pronunciation())
                          .append(SALUTATION, event.salutation())
                          .append(TITLE, event.title())
                          .append(ORGANIZATION, event.organization())
                          .append(EMAILS, orEmpty(event.emails()))
                          .append(PHONES, orEmpty(event.phones()))
                          .append(LINKEDIN_URL, event.linkedinUrl())
                          .append(SOURCE, event.source() == null ? null : event.source().name())
                          .append(SOURCE_DETAIL, event.sourceDetail())
                          .append(TAGS, orEmpty(event.tags()))
                          .append(REFERRED_BY, key(introducer))
                          .append(MAY_USE_INTRODUCER_NAME, introducer != null && event.mayUseIntroducerName())
                          .append(INTRODUCER_IDS, introducer == null ? List.of() : List.of(key(introducer)))
                          .append(ADDED_AT, text(event.addedAt()))
                          .append(LAST_TOUCH_AT, null)
                          .append(NEXT_FOLLOW_UP_DUE, null)
                          .append(FOLLOW_UP_EVERY_DAYS, null)
                          .append(MERGED_INTO, null)
                          .append(ABSORBED_CONTACT_IDS, List.of())
                          .append(INTERVIEW_IDS, List.of())
                          .append(REFERRED_CONTACT_IDS, List.of())
                          .append(VERSION, sequence));
    }

    /** Only what changed: null leaves a field, "" clears a text, a list replaces the field's list. */
    @EventHandler
    void on(ContactUpdated event, @SequenceNumber long sequence) {
        Document row = rowToChange(event.contactId(), sequence);
        if (row == null) {
            return;
        }
        applyOwn(row, ContactRows.writing(ContactRows.profile(row).updatedBy(event)), sequence);
    }

    @EventHandler
    void on(TouchLogged event, @SequenceNumber long sequence) {
        Document row = rowToChange(event.contactId(), sequence);
        if (row == null) {
            return;
        }
        applyOwn(row, List.of(set(LAST_TOUCH_AT, text(event.lastTouchAt())),
                              set(NEXT_FOLLOW_UP_DUE, text(event.nextFollowUpDue()))), sequence);
    }

    @EventHandler
    void on(FollowUpCadenceSet event, @SequenceNumber long sequence) {
        Document row = rowToChange(event.contactId(), sequence);
        if (row == null) {
            return;
        }
        applyOwn(row, List.of(set(FOLLOW_UP_EVERY_DAYS, event.everyDays()),
                              set(NEXT_FOLLOW_UP_DUE, text(event.nextFollowUpDue()))), sequence);
    }

    /** Every introducer is listed; only the primary one becomes {@code referredBy}, which chains follow. */
    @EventHandler
    void on(IntroductionRecorded event, @SequenceNumber long sequence) {
        Document row = rowToChange(event.contactId(), sequence);
        if (row == null) {
            return;
        }
        List<Bson> changes = new ArrayList<>();
        if (rows.findActive(event.introducer()) != null) {
            String introducer = key(event.introducer());
            addToContactAndSurvivors(event.introducer(), REFERRED_CONTACT_IDS, key(event.contactId()));
            changes.add(addToSet(INTRODUCER_IDS, introducer));
            if (event.primary()) {
                changes.add(set(REFERRED_BY, introducer));
                changes.add(set(MAY_USE_INTRODUCER_NAME, event.mayUseIntroducerName()));
            }
        }
        applyOwn(row, changes, sequence);
    }

    /** The survivor's side of a merge: texts it lacked, and its complete lists, introducer and follow-up. */
    @EventHandler
    void on(ContactsMerged event, @SequenceNumber long sequence) {
        Document row = rowToChange(event.contactId(), sequence);
        if (row == null) {
            return;
        }
        String survivor = key(event.contactId());
        List<Bson> changes = new ArrayList<>(ContactRows.writing(ContactRows.profile(row).mergedWith(event)));
        ContactId introducer = rows.findActive(event.referredBy()) == null ? null : event.referredBy();
        if (introducer != null) {
            addToContactAndSurvivors(introducer, REFERRED_CONTACT_IDS, survivor);
            changes.add(addToSet(INTRODUCER_IDS, key(introducer)));
        }
        changes.add(set(REFERRED_BY, key(introducer)));
        changes.add(set(MAY_USE_INTRODUCER_NAME, introducer != null && event.mayUseIntroducerName()));
        changes.add(set(FOLLOW_UP_EVERY_DAYS, event.followUpEveryDays()));
        changes.add(set(LAST_TOUCH_AT, text(event.lastTouchAt())));
        changes.add(set(NEXT_FOLLOW_UP_DUE, text(event.nextFollowUpDue())));
        changes.add(addToSet(ABSORBED_CONTACT_IDS, key(event.duplicateId())));
        applyOwn(row, changes, sequence);
    }

    /**
     * The duplicate's side of a merge: it is archived, and its survivor lists its interviews and referrals
     * too, so the person's whole relationship shows under the survivor.
     */
    @EventHandler
    void on(ContactMergedInto event, @SequenceNumber long sequence) {
        Document row = rowToChange(event.contactId(), sequence);
        if (row == null) {
            return;
        }
        Document survivor = rows.findActive(event.survivorId());
        if (survivor != null) {
            List<Bson> additions = new ArrayList<>();
            addAll(additions, INTERVIEW_IDS, texts(row, INTERVIEW_IDS));
            addAll(additions, REFERRED_CONTACT_IDS, texts(row, REFERRED_CONTACT_IDS));
            if (!additions.isEmpty()) {
                rows.updateAll(rows.withSurvivors(survivor), combine(additions));
            }
        }
        applyOwn(row, List.of(set(MERGED_INTO, key(event.survivorId()))), sequence);
    }

    /**
     * The contact's row becomes a tombstone, and no other row points to it any more: its introducers no longer
     * list it among their referrals, the contacts it introduced no longer name it, and a survivor it was merged
     * into drops it and its interviews (whose views the interview projection erases). A duplicate merged into
     * it keeps {@code mergedInto}: it is the same person, and the application forgets it too.
     */
    @EventHandler
    void on(ContactForgotten event, @SequenceNumber long sequence) {
        Document row = rows.find(event.contactId());
        if (row != null && version(row) >= sequence) {
            return;
        }
        if (row != null && !isForgotten(row)) {
            String key = key(event.contactId());
            for (Document introducer : rows.findAll(texts(row, INTRODUCER_IDS))) {
                if (!isForgotten(introducer)) {
                    rows.updateAll(rows.withSurvivors(introducer), pull(REFERRED_CONTACT_IDS, key));
                }
            }
            for (Document referred : rows.findAll(texts(row, REFERRED_CONTACT_IDS))) {
                if (isForgotten(referred)) {
                    continue;
                }
                List<Bson> changes = new ArrayList<>(List.of(pull(INTRODUCER_IDS, key)));
                if (key.equals(referred.getString(REFERRED_BY))) {
                    changes.add(set(REFERRED_BY, null));
                    changes.add(set(MAY_USE_INTRODUCER_NAME, false));
                }
                rows.update(referred.getString(ID), combine(changes));
            }
            List<String> survivors = rows.withSurvivors(row).stream().filter(survivor -> !survivor.equals(key)).toList();
            List<Bson> survivorChanges = new ArrayList<>(List.of(pull(ABSORBED_CONTACT_IDS, key)));
            List<String> interviews = texts(row, INTERVIEW_IDS);
            if (!interviews.isEmpty()) {
                survivorChanges.add(pullAll(INTERVIEW_IDS, interviews));
            }
            rows.updateAll(survivors, combine(survivorChanges));
        }
        rows.save(tombstone(event.contactId(), sequence)); // last: until it is written, a redelivery redoes the above
    }

    // ---------------------------------------------------------------- interview events that link contacts

    @EventHandler
    void on(InterviewRequested event) {
        addToContactAndSurvivors(event.contactId(), INTERVIEW_IDS, key(event.interviewId()));
    }

    @EventHandler
    void on(ReferralRecorded event) {
        Document from = rows.findActive(event.fromContactId());
        Document to = rows.findActive(event.referredContactId());
        if (from == null || to == null) {
            return; // one of them was forgotten since: no link to either is kept
        }
        rows.updateAll(rows.withSurvivors(from), addToSet(REFERRED_CONTACT_IDS, to.getString(ID)));
        rows.update(to.getString(ID), addToSet(INTRODUCER_IDS, from.getString(ID)));
    }

    @ResetHandler
    void onReset() {
        rows.deleteAll(); // a replay rebuilds every row from the first event
    }

    // ---------------------------------------------------------------- queries

    @QueryHandler
    Optional<ContactView> handle(FindContact query) {
        return Optional.ofNullable(rows.findActive(query.id())).map(ContactRows::view);
    }

    @QueryHandler
    List<ContactView> handle(FindContacts query) {
        List<String> keys = query.ids().stream().filter(Objects::nonNull).map(ContactRows::key).distinct().toList();
        Map<String, Document> found = rows.findAll(keys).stream()
                                          .filter(row -> !isForgotten(row))
                                          .collect(Collectors.toMap(row -> row.getString(ID), Function.identity(),
                                                                    (first, second) -> first));
        return keys.stream().map(found::get).filter(Objects::nonNull).map(ContactRows::view).toList();
    }

    // ---------------------------------------------------------------- helpers

    /** The row a contact's own event changes: present, not forgotten, and not already past this event. */
    private Document rowToChange(ContactId id, long sequence) {
        Document row = rows.find(id);
        return row == null || isForgotten(row) || version(row) >= sequence ? null : row;
    }

    private void applyOwn(Document row, List<Bson> changes, long sequence) {
        List<Bson> all = new ArrayList<>(changes);
        all.add(set(VERSION, sequence));
        rows.update(row.getString(ID), combine(all));
    }

    /** Adds to a list of a contact that is not forgotten, and of the survivors it was merged into. */
    private void addToContactAndSurvivors(ContactId contact, String field, String value) {
        Document row = rows.findActive(contact);
        if (row != null) {
            rows.updateAll(rows.withSurvivors(row), addToSet(field, value));
        }
    }

    private static void addAll(List<Bson> changes, String field, List<String> values) {
        if (!values.isEmpty()) {
            changes.add(addEachToSet(field, values));
        }
    }

    private static List<String> orEmpty(List<String> values) {
        return values == null ? List.of() : values;
    }
}
