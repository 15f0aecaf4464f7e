package app.rapport.domain.contact;

import app.rapport.domain.shared.Conflict;
import app.rapport.domain.shared.DomainClock;
import app.rapport.domain.shared.InvalidInput;
import app.rapport.domain.shared.NotFound;
import app.rapport.domain.shared.Require;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import app.rapport.domain.shared.InterviewId;
import org.axonframework.modelling.command.AggregateIdentifier;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A person in the owner's network: who they are, how they were found and by whom, and when the owner was
 * last in touch with them.
 * <p>
 * Event handlers accept null personal data: once a contact is forgotten its key is gone, and the
 * application may hand its old events back with those fields emptied.
 */
public class Contact {

    @AggregateIdentifier
    private ContactId id;
    private ContactProfile profile = ContactProfile.EMPTY;
    private ContactId introducer;
    private boolean mayUseIntroducerName;
    private final Map<ContactId, Boolean> introductions = new HashMap<>();
    private Integer followUpEveryDays;
    private Instant addedAt;
    private Instant lastTouchAt;
    private Instant nextFollowUpDue;
    /** The follow-up date already marked as due, so that a repeated reminder records nothing. */
    private Instant followUpMarkedDue;
    /** Meetings already logged as touches: the same meeting reported again is not a second touch. */
    private final Set<InterviewId> meetingsLogged = new HashSet<>();
    private ContactId mergedInto;
    private final Set<ContactId> absorbedDuplicates = new HashSet<>();
    private boolean forgotten;

    Contact() {
        // for Axon, which rebuilds the contact from its events
    }

    @CommandHandler
    Contact(AddContact command, ContactDirectory directory) {
        ContactId contactId = Require.present("id", command.contactId());
        String givenName = ContactRules.givenName(command.givenName());
        String familyName = ContactRules.name("familyName", command.familyName());
        String pronunciation = ContactRules.name("pronunciation", command.pronunciation());
        String salutation = ContactRules.salutation(command.salutation());
        String title = ContactRules.name("title", command.title());
        String organization = ContactRules.name("organization", command.organization());
        List<String> emails = ContactRules.emails(command.emails());
        List<String> phones = ContactRules.phones(command.phones());
        String linkedinUrl = ContactRules.linkedinUrl(command.linkedinUrl());
        ContactSource source = Require.present("source", command.source());
        String sourceDetail = ContactRules.sourceDetail(command.sourceDetail());
        List<String> tags = ContactRules.tags(command.tags());
        ContactId referredBy = command.referredBy();
        if (referredBy == null && source == ContactSource.REFERRAL) {
            throw new InvalidInput("referredById",
                                   "referredById is required when source is REFERRAL: a referral names the person who made it");
        }
        if (referredBy != null) {
            requireSomeoneElse("referredById", referredBy, contactId);
            directory.requireKnown("referredById", referredBy, contactId.owner());
        }
        Instant now = DomainClock.now();
        Instant addedAt = command.addedAt() == null ? now : Require.notInFuture("addedAt", command.addedAt(), now);
        apply(new ContactAdded(contactId, givenName, familyName, pronunciation, salutation, title, organization,
                               emails, phones, linkedinUrl, source, sourceDetail, tags, referredBy,
                               referredBy != null && command.mayUseIntroducerName(), addedAt));
    }

    @CommandHandler
    void handle(UpdateContact command) {
        requireActive("id", command.contactId());
        String newGivenName = command.givenName() == null
                ? null : changedOrNull(ContactRules.givenName(command.givenName()), profile.givenName());
        String newFamilyName = textChange(command.familyName(), v -> ContactRules.name("familyName", v), profile.familyName());
        String newPronunciation = textChange(command.pronunciation(), v -> ContactRules.name("pronunciation", v), profile.pronunciation());
        String newSalutation = textChange(command.salutation(), ContactRules::salutation, profile.salutation());
        String newTitle = textChange(command.title(), v -> ContactRules.name("title", v), profile.title());
        String newOrganization = textChange(command.organization(), v -> ContactRules.name("organization", v), profile.organization());
        List<String> newEmails = listChange(command.emails(), ContactRules::emails, profile.emails());
        List<String> newPhones = listChange(command.phones(), ContactRules::phones, profile.phones());
        String newLinkedinUrl = textChange(command.linkedinUrl(), ContactRules::linkedinUrl, profile.linkedinUrl());
        ContactSource newSource = changedOrNull(command.source(), profile.source());
        String newSourceDetail = textChange(command.sourceDetail(), ContactRules::sourceDetail, profile.sourceDetail());
        List<String> newTags = listChange(command.tags(), ContactRules::tags, profile.tags());
        if (newSource == ContactSource.REFERRAL && introducer == null) {
            throw new InvalidInput("source", "source can be REFERRAL only for a contact whose introducer is known;"
                                             + " record who introduced them first");
        }
        if (allNull(newGivenName, newFamilyName, newPronunciation, newSalutation, newTitle, newOrganization,
                    newEmails, newPhones, newLinkedinUrl, newSource, newSourceDetail, newTags)) {
            return; // nothing changed: a retried or redundant update leaves no trace
        }
        apply(new ContactUpdated(id, newGivenName, newFamilyName, newPronunciation, newSalutation, newTitle,
                                 newOrganization, newEmails, newPhones, newLinkedinUrl, newSource, newSourceDetail,
                                 newTags));
    }

    @CommandHandler
    void handle(LogTouch command) {
        requireActive("contactId", command.contactId());
        Instant at = Require.notInFuture("at", command.at(), DomainClock.now());
        Channel channel = Require.present("channel", command.channel());
        String note = ContactRules.note(command.note());
        if (command.interviewId() != null && !command.interviewId().owner().equals(id.owner())) {
            throw new NotFound("interviewId", "interviewId names no interview " + command.interviewId().value() + " of yours");
        }
        if (command.interviewId() != null && meetingsLogged.contains(command.interviewId())) {
            return;
        }
        Instant lastTouch = latest(lastTouchAt, at);
        apply(new TouchLogged(id, at, channel, note, command.interviewId(), lastTouch,
                              nextFollowUpDue(lastTouch, followUpEveryDays)));
    }

    @CommandHandler
    void handle(SetFollowUpCadence command) {
        requireActive("contactId", command.contactId());
        Integer everyDays = ContactRules.cadence(command.everyDays());
        if (Objects.equals(everyDays, followUpEveryDays)) {
            return;
        }
        apply(new FollowUpCadenceSet(id, everyDays, nextFollowUpDue(lastTouchAt, everyDays)));
    }

    @CommandHandler
    void handle(MarkFollowUpDue command) {
        requireActive("contactId", command.contactId());
        Instant dueAt = Require.present("dueAt", command.dueAt());
        if (!dueAt.equals(nextFollowUpDue) || dueAt.equals(followUpMarkedDue) || DomainClock.now().isBefore(dueAt)) {
            return; // moved by a touch or a new cadence, already marked, or not yet due: nothing to record
        }
        apply(new FollowUpBecameDue(id, dueAt));
    }

    @CommandHandler
    void handle(RecordIntroduction command, ContactDirectory directory) {
        requireActive("contactId", command.contactId());
        ContactId introducedBy = Require.present("introducer", command.introducer());
        requireSomeoneElse("introducer", introducedBy, id);
        directory.requireKnown("introducer", introducedBy, id.owner());
        if (Objects.equals(introductions.get(introducedBy), command.mayUseIntroducerName())) {
            return;
        }
        boolean primary = introducer == null || introducer.equals(introducedBy);
        apply(new IntroductionRecorded(id, introducedBy, command.mayUseIntroducerName(), primary));
    }

    @CommandHandler
    void handle(MergeContacts command, ContactDirectory directory) {
        requireActive("survivorId", command.survivorId());
        ContactId duplicateId = Require.present("duplicateId", command.duplicateId());
        if (duplicateId.equals(id)) {
            throw new InvalidInput("duplicateId", "duplicateId must name another contact: a contact cannot be merged into itself");
        }
        if (absorbedDuplicates.contains(duplicateId)) {
            return; // a retried merge: the details are already here
        }
        directory.requireKnown("duplicateId", duplicateId, id.owner());
        ContactDetails duplicate = Require.present("duplicate", command.duplicate());

        ContactId mergedIntroducer = duplicateId.equals(introducer) ? null : introducer;
        boolean mergedMayUseName = mergedIntroducer != null && mayUseIntroducerName;
        if (mergedIntroducer == null && duplicate.referredBy() != null && !duplicate.referredBy().equals(id)) {
            mergedIntroducer = duplicate.referredBy();
            mergedMayUseName = duplicate.mayUseIntroducerName();
        }
        Integer mergedCadence = followUpEveryDays != null ? followUpEveryDays : ContactRules.cadence(duplicate.followUpEveryDays());
        Instant mergedLastTouch = latest(lastTouchAt, duplicate.lastTouchAt());
        apply(new ContactsMerged(
                id, duplicateId,
                fill(profile.familyName(), duplicate.familyName()),
                fill(profile.pronunciation(), duplicate.pronunciation()),
                fill(profile.salutation(), duplicate.salutation()),
                fill(profile.title(), duplicate.title()),
                fill(profile.organization(), duplicate.organization()),
                fill(profile.linkedinUrl(), duplicate.linkedinUrl()),
                fill(profile.sourceDetail(), duplicate.sourceDetail()),
                ContactRules.union(profile.emails(), stripped(duplicate.emails())),
                ContactRules.union(profile.phones(), stripped(duplicate.phones())),
                ContactRules.union(profile.tags(), stripped(duplicate.tags())),
                mergedIntroducer, mergedMayUseName, mergedCadence, mergedLastTouch,
                nextFollowUpDue(mergedLastTouch, mergedCadence)));
    }

    @CommandHandler
    void handle(MarkMergedInto command, ContactDirectory directory) {
        requireOwnAndRemembered("duplicateId", command.contactId());
        ContactId survivorId = Require.present("survivorId", command.survivorId());
        if (survivorId.equals(mergedInto)) {
            return; // a retried merge
        }
        if (mergedInto != null) {
            throw new Conflict("duplicateId", "duplicateId names contact " + id.value() + ", which was already merged into "
                                             + mergedInto.value());
        }
        if (survivorId.equals(id)) {
            throw new InvalidInput("survivorId", "survivorId must name another contact: a contact cannot be merged into itself");
        }
        if (absorbedDuplicates.contains(survivorId)) {
            throw new Conflict("survivorId", "survivorId names contact " + survivorId.value() + ", which was merged into "
                                             + id.value() + "; it cannot be the survivor of its own survivor");
        }
        directory.requireKnown("survivorId", survivorId, id.owner());
        apply(new ContactMergedInto(id, survivorId));
    }

    @CommandHandler
    void handle(ForgetContact command) {
        // a merged-away contact can be forgotten too: erasure must always be possible
        requireOwnAndRemembered("id", command.contactId());
        apply(new ContactForgotten(id.owner(), id, DomainClock.now()));
    }

    @EventSourcingHandler
    void on(ContactAdded event) {
        id = event.contactId();
        profile = ContactProfile.of(event);
        addedAt = event.addedAt();
        if (event.referredBy() != null) {
            introducer = event.referredBy();
            mayUseIntroducerName = event.mayUseIntroducerName();
            introductions.put(introducer, mayUseIntroducerName);
        }
    }

    @EventSourcingHandler
    void on(ContactUpdated event) {
        profile = profile.updatedBy(event);
    }

    @EventSourcingHandler
    void on(TouchLogged event) {
        lastTouchAt = latest(lastTouchAt, event.at());
        nextFollowUpDue = event.nextFollowUpDue();
        if (event.interviewId() != null) {
            meetingsLogged.add(event.interviewId());
        }
    }

    @EventSourcingHandler
    void on(FollowUpCadenceSet event) {
        followUpEveryDays = event.everyDays();
        nextFollowUpDue = event.nextFollowUpDue();
    }

    @EventSourcingHandler
    void on(FollowUpBecameDue event) {
        followUpMarkedDue = event.dueAt();
    }

    @EventSourcingHandler
    void on(IntroductionRecorded event) {
        introductions.put(event.introducer(), event.mayUseIntroducerName());
        if (event.primary()) {
            introducer = event.introducer();
            mayUseIntroducerName = event.mayUseIntroducerName();
        }
    }

    @EventSourcingHandler
    void on(ContactsMerged event) {
        profile = profile.mergedWith(event);
        introducer = event.referredBy();
        mayUseIntroducerName = event.mayUseIntroducerName();
        if (introducer != null) {
            introductions.put(introducer, mayUseIntroducerName);
        }
        followUpEveryDays = event.followUpEveryDays();
        lastTouchAt = event.lastTouchAt();
        nextFollowUpDue = event.nextFollowUpDue();
        absorbedDuplicates.add(event.duplicateId());
    }

    @EventSourcingHandler
    void on(ContactMergedInto event) {
        mergedInto = event.survivorId();
    }

    @EventSourcingHandler
    void on(ContactForgotten event) {
        forgotten = true;
        profile = ContactProfile.EMPTY; // nothing personal stays in memory either
    }

    /** Refuses another owner's command and a forgotten contact alike, so neither can be told from a missing one. */
    private void requireOwnAndRemembered(String field, ContactId addressed) {
        if (forgotten || !id.equals(addressed)) {
            String which = addressed == null ? "" : " " + addressed.value();
            throw new NotFound(field, field + " names no contact" + which + " of yours");
        }
    }

    private void requireActive(String field, ContactId addressed) {
        requireOwnAndRemembered(field, addressed);
        if (mergedInto != null) {
            throw new Conflict(field, field + " names contact " + id.value() + ", which was merged into "
                                      + mergedInto.value() + "; use " + mergedInto.value() + " instead");
        }
    }

    private static void requireSomeoneElse(String field, ContactId introducer, ContactId contact) {
        if (introducer.equals(contact)) {
            throw new InvalidInput(field, field + " must name someone else: a contact cannot introduce themselves");
        }
    }

    private Instant nextFollowUpDue(Instant lastTouch, Integer everyDays) {
        if (everyDays == null) {
            return null;
        }
        Instant from = lastTouch != null ? lastTouch : addedAt;
        return from.plus(Duration.ofDays(everyDays));
    }

    private static Instant latest(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }

    private static <T> T changedOrNull(T requested, T current) {
        return requested == null || requested.equals(current) ? null : requested;
    }

    /** For an update: null when unchanged, "" when cleared, else the new text. */
    private static String textChange(String requested, UnaryOperator<String> rule, String current) {
        if (requested == null) {
            return null;
        }
        String normalized = rule.apply(requested);
        if (Objects.equals(normalized, current)) {
            return null;
        }
        return normalized == null ? "" : normalized;
    }

    private static List<String> listChange(List<String> requested, UnaryOperator<List<String>> rule, List<String> current) {
        if (requested == null) {
            return null;
        }
        List<String> normalized = rule.apply(requested);
        return normalized.equals(current) ? null : normalized;
    }

    /** The duplicate's value for a field the survivor has empty; null when the survivor keeps its own. */
    private static String fill(String survivorValue, String duplicateValue) {
        if (survivorValue != null || duplicateValue == null || duplicateValue.isBlank()) {
            return null;
        }
        return duplicateValue.strip();
    }

    private static List<String> stripped(List<String> values) {
        if (values == null) {
            return List.of();
        }
        return values.stream().filter(v -> v != null && !v.isBlank()).map(String::strip).toList();
    }

    private static boolean allNull(Object... values) {
        for (Object value : values) {
            if (value != null) {
                return false;
            }
        }
        return true;
    }
}
