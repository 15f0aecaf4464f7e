package app.rapport.application.contact;

import app.rapport.domain.contact.ContactAdded;
import app.rapport.domain.contact.ContactForgotten;
import app.rapport.domain.contact.ContactId;
import app.rapport.domain.contact.ContactMergedInto;
import app.rapport.domain.contact.ContactProfile;
import app.rapport.domain.contact.ContactSource;
import app.rapport.domain.contact.ContactUpdated;
import app.rapport.domain.contact.ContactsMerged;
import app.rapport.domain.contact.FollowUpCadenceSet;
import app.rapport.domain.contact.IntroductionRecorded;
import app.rapport.domain.contact.TouchLogged;
import app.rapport.domain.shared.InterviewId;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A contact folded from its own events, in memory: what {@link ContactViewProjection} writes to a contact's row
 * from the same events, for showing the contact as it stood at an earlier instant. The contact's own fields change
 * by {@link ContactProfile}'s rules, as in the aggregate and the views; the links between contacts (introducers,
 * merges) are kept here as the projection keeps them on its rows, and {@code ContactFoldTest} keeps the two equal.
 * <p>
 * Only the contact's own events are folded: the lists that other aggregates' events fill ({@code interviewIds},
 * {@code referredContactIds}) stay empty here, and introducers reached through a referral given in an interview
 * are not listed. Whether an introducer counts is asked of {@code introducerKnown}, as the projection asks its
 * rows whether that contact is still there.
 */
final class ContactFold {

    private final Predicate<ContactId> introducerKnown;

    private ContactId id;
    private ContactProfile profile = ContactProfile.EMPTY;
    private ContactId referredBy;
    private boolean mayUseIntroducerName;
    private final Set<ContactId> introducerIds = new LinkedHashSet<>();
    private Instant addedAt;
    private Instant lastTouchAt;
    private Instant nextFollowUpDue;
    private Integer followUpEveryDays;
    private ContactId mergedInto;
    private final Set<ContactId> absorbedContactIds = new LinkedHashSet<>();
    private boolean forgotten;
    private long version = -1;

    ContactFold(Predicate<ContactId> introducerKnown) {
        this.introducerKnown = introducerKnown;
    }

    /** Applies one event of the contact, with its sequence number; events of other types change nothing. */
    ContactFold apply(Object event, long sequence) {
        if (event instanceof ContactAdded added) {
            add(added);
        } else if (id == null || forgotten) {
            return this; // nothing to change before the contact exists, nothing to show after it was forgotten
        } else if (event instanceof ContactUpdated updated) {
            profile = profile.updatedBy(updated);
        } else if (event instanceof TouchLogged touch) {
            lastTouchAt = touch.lastTouchAt();
            nextFollowUpDue = touch.nextFollowUpDue();
        } else if (event instanceof FollowUpCadenceSet cadence) {
            followUpEveryDays = cadence.everyDays();
            nextFollowUpDue = cadence.nextFollowUpDue();
        } else if (event instanceof IntroductionRecorded introduction) {
            if (known(introduction.introducer())) {
                introducerIds.add(introduction.introducer());
                if (introduction.primary()) {
                    referredBy = introduction.introducer();
                    mayUseIntroducerName = introduction.mayUseIntroducerName();
                }
            }
        } else if (event instanceof ContactsMerged merged) {
            merge(merged);
        } else if (event instanceof ContactMergedInto mergedInto) {
            this.mergedInto = mergedInto.survivorId();
        } else if (event instanceof ContactForgotten) {
            forgotten = true;
        } else {
            return this;
        }
        version = sequence;
        return this;
    }

    /** The contact as folded so far; null before it was added and after it was forgotten. */
    ContactView view() {
        if (id == null || forgotten) {
            return null;
        }
        return new ContactView(id, profile.givenName(), profile.familyName(), profile.pronunciation(), profile.salutation(),
                               profile.title(), profile.organization(), profile.emails(), profile.phones(),
                               profile.linkedinUrl(), profile.source(), profile.sourceDetail(), profile.tags(),
                               referredBy, mayUseIntroducerName,
                               List.copyOf(introducerIds), addedAt, lastTouchAt, nextFollowUpDue, followUpEveryDays,
                               mergedInto, List.copyOf(absorbedContactIds), List.<InterviewId>of(), List.<ContactId>of(),
                               version);
    }

    private void add(ContactAdded added) {
        if (id != null) {
            return;
        }
        ContactId introducer = known(added.referredBy()) ? added.referredBy() : null;
        id = added.contactId();
        profile = ContactProfile.of(added);
        referredBy = introducer;
        mayUseIntroducerName = introducer != null && added.mayUseIntroducerName();
        if (introducer != null) {
            introducerIds.add(introducer);
        }
        addedAt = added.addedAt();
    }

    private void merge(ContactsMerged merged) {
        profile = profile.mergedWith(merged);
        ContactId introducer = known(merged.referredBy()) ? merged.referredBy() : null;
        if (introducer != null) {
            introducerIds.add(introducer);
        }
        referredBy = introducer;
        mayUseIntroducerName = introducer != null && merged.mayUseIntroducerName();
        followUpEveryDays = merged.followUpEveryDays();
        lastTouchAt = merged.lastTouchAt();
        nextFollowUpDue = merged.nextFollowUpDue();
        absorbedContactIds.add(merged.duplicateId());
    }

    private boolean known(ContactId introducer) {
        return introducer != null && introducerKnown.test(introducer);
    }
}
