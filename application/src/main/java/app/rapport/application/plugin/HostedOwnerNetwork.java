package app.rapport.application.plugin;

import app.rapport.application.batch.ContactBatch;
import app.rapport.application.contact.ContactView;
import app.rapport.application.contact.FindContacts;
import app.rapport.application.interview.FindInterviews;
import app.rapport.application.interview.InterviewView;
import app.rapport.application.messaging.WriteAdmission;
import app.rapport.application.overview.ContactPage;
import app.rapport.application.overview.DashboardView;
import app.rapport.application.overview.FindDashboard;
import app.rapport.application.overview.FindInterviewPage;
import app.rapport.application.overview.InterviewPage;
import app.rapport.application.overview.FindContactPage;
import app.rapport.application.overview.OwnerIndexProcessing;
import app.rapport.domain.contact.AddContact;
import app.rapport.domain.contact.Channel;
import app.rapport.domain.contact.ContactId;
import app.rapport.domain.contact.ContactSource;
import app.rapport.domain.contact.LogTouch;
import app.rapport.domain.contact.UpdateContact;
import app.rapport.domain.interview.CancelMeeting;
import app.rapport.domain.interview.RescheduleMeeting;
import app.rapport.domain.shared.InterviewId;
import app.rapport.domain.shared.DomainException;
import app.rapport.domain.shared.Identifiers;
import app.rapport.domain.shared.InvalidInput;
import app.rapport.domain.shared.OwnerId;
import app.rapport.plugin.Busy;
import app.rapport.plugin.ContactChanges;
import app.rapport.plugin.ContactOutcome;
import app.rapport.plugin.MeetingMove;
import app.rapport.plugin.NewContact;
import app.rapport.plugin.OwnerNetwork;
import app.rapport.plugin.PluginContact;
import app.rapport.plugin.PluginInterview;
import app.rapport.plugin.Refused;
import app.rapport.plugin.Touch;
import org.axonframework.messaging.responsetypes.ResponseTypes;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * One owner's network as a plugin reads and changes it: every operation is one of the application's use cases,
 * sent as the plugin's actor, and the domain's refusals reach the plugin as {@link Refused}.
 */
final class HostedOwnerNetwork implements OwnerNetwork {

    private static final int PAGE = 200;
    /** Contacts per write of a plugin's batch while other people use the server; see {@link #yieldToPeople}. */
    static final int SHARED_STEP = 25;
    private static final Duration CATCH_UP = Duration.ofMinutes(2);

    private final OwnerId owner;
    private final String actor;
    private final Supplier<PluginServices> services;

    HostedOwnerNetwork(OwnerId owner, String actor, Supplier<PluginServices> services) {
        this.owner = owner;
        this.actor = actor;
        this.services = services;
    }

    @Override
    public String ownerId() {
        return owner.value();
    }

    @Override
    public Optional<PluginContact> contact(String contactId) {
        return refusedAsRefused(() -> services.get().contacts().find(id(contactId, "contactId")).map(HostedOwnerNetwork::contact));
    }

    @Override
    public void eachContact(Consumer<PluginContact> action) {
        PluginServices with = services.get();
        // Everything written before, by the owner too: an import must find the contacts added a moment ago.
        with.awaitEverythingStored(List.of(OwnerIndexProcessing.OWNER_INDEX_VIEWS), CATCH_UP);
        String after = null;
        ContactPage page;
        do {
            page = with.queries().query(new FindContactPage(owner, PAGE, after, null, null, null),
                                        ResponseTypes.instanceOf(ContactPage.class)).join();
            List<ContactId> ids = page.entries().stream().map(ContactPage.Entry::id).toList();
            if (!ids.isEmpty()) {
                Map<ContactId, ContactView> found = with.queries().query(new FindContacts(ids), ResponseTypes.multipleInstancesOf(ContactView.class))
                                                        .join().stream().collect(Collectors.toMap(ContactView::id, Function.identity()));
                ids.stream().map(found::get).filter(view -> view != null && view.mergedInto() == null)
                   .forEach(view -> action.accept(contact(view)));
            }
            after = page.endCursor();
        } while (page.hasNextPage());
    }

    @Override
    public List<PluginInterview> interviewsOf(String contactId) {
        return refusedAsRefused(() -> {
            Optional<ContactView> contact = services.get().contacts().find(id(contactId, "contactId"));
            if (contact.isEmpty() || contact.get().interviewIds().isEmpty()) {
                return List.of();
            }
            return services.get().queries().query(new FindInterviews(contact.get().interviewIds()),
                                                  ResponseTypes.multipleInstancesOf(InterviewView.class))
                           .join().stream().map(HostedOwnerNetwork::interview).toList();
        });
    }

    @Override
    public Optional<PluginInterview> interview(String interviewId) {
        return refusedAsRefused(() -> services.get().interviews().find(interviewId(interviewId)).map(HostedOwnerNetwork::interview));
    }

    @Override
    public void eachInterview(Consumer<PluginInterview> action) {
        PluginServices with = services.get();
        with.awaitEverythingStored(List.of(OwnerIndexProcessing.OWNER_INDEX_VIEWS), CATCH_UP);
        String after = null;
        InterviewPage page;
        do {
            page = with.queries().query(new FindInterviewPage(owner, PAGE, after, null), ResponseTypes.instanceOf(InterviewPage.class)).join();
            List<InterviewId> ids = page.entries().stream().map(InterviewPage.Entry::id).toList();
            if (!ids.isEmpty()) {
                Map<InterviewId, InterviewView> found = with.queries().query(new FindInterviews(ids), ResponseTypes.multipleInstancesOf(InterviewView.class))
                                                            .join().stream().collect(Collectors.toMap(InterviewView::id, Function.identity()));
                ids.stream().map(found::get).filter(view -> view != null).forEach(view -> action.accept(interview(view)));
            }
            after = page.endCursor();
        } while (page.hasNextPage());
    }

    @Override
    public List<PluginContact> followUpsDue() {
        PluginServices with = services.get();
        with.awaitEverythingStored(List.of(OwnerIndexProcessing.OWNER_INDEX_VIEWS), CATCH_UP);
        List<ContactId> due = with.queries().query(new FindDashboard(owner), ResponseTypes.instanceOf(DashboardView.class)).join().followUpDueIds();
        if (due.isEmpty()) {
            return List.of();
        }
        Map<ContactId, ContactView> found = with.queries().query(new FindContacts(due), ResponseTypes.multipleInstancesOf(ContactView.class))
                                                .join().stream().collect(Collectors.toMap(ContactView::id, Function.identity()));
        return due.stream().map(found::get).filter(view -> view != null && view.mergedInto() == null).map(HostedOwnerNetwork::contact).toList();
    }

    @Override
    public PluginInterview rescheduleMeeting(MeetingMove move) {
        return refusedAsRefused(() -> {
            InterviewId id = interviewId(move.interviewId());
            return interview(services.get().interviews().step(actor, id, new RescheduleMeeting(id, move.startsAt(), move.minutes(),
                                                                                               move.location(), move.reason())));
        });
    }

    @Override
    public PluginInterview cancelMeeting(String interviewId, String reason) {
        return refusedAsRefused(() -> {
            InterviewId id = interviewId(interviewId);
            return interview(services.get().interviews().step(actor, id, new CancelMeeting(id, reason, null)));
        });
    }

    @Override
    public List<ContactOutcome> addContacts(List<NewContact> contacts) {
        if (contacts.size() > MOST_AT_ONCE) {
            throw new Refused("contacts", "at most " + MOST_AT_ONCE + " contacts at once, not " + contacts.size());
        }
        List<ContactOutcome> outcomes = new ArrayList<>();
        List<AddContact> commands = new ArrayList<>();
        for (NewContact contact : contacts) {
            try {
                commands.add(command(contact));
                outcomes.add(null);
            } catch (DomainException refused) {
                outcomes.add(new ContactOutcome(contact.id(), ContactOutcome.Result.REFUSED, refused.field(), refused.getMessage()));
            }
        }
        // A plugin's new contacts name no introducer, so the batch may be written in any number of parts.
        boolean shared = services.get().callers().anyoneBut(owner);
        int step = shared ? SHARED_STEP : Math.max(1, commands.size());
        List<ContactBatch.Outcome> added = new ArrayList<>();
        for (int from = 0; from < commands.size(); from += step) {
            List<AddContact> part = commands.subList(from, Math.min(commands.size(), from + step));
            long started = System.nanoTime();
            added.addAll(refusedAsRefused(() -> services.get().batch().add(actor, part)));
            if (shared) {
                yieldToPeople(System.nanoTime() - started);
            }
        }
        var next = added.iterator();
        for (int i = 0; i < outcomes.size(); i++) {
            if (outcomes.get(i) == null) {
                ContactBatch.Outcome outcome = next.next();
                outcomes.set(i, new ContactOutcome(outcome.id().value(), ContactOutcome.Result.valueOf(outcome.result().name()),
                                                   outcome.field(), outcome.reason()));
            }
        }
        return outcomes;
    }

    /**
     * A plugin's batch of contacts is background work that would otherwise take every processor of the server: while
     * anyone but its owner is using the server, it is written {@value #SHARED_STEP} contacts at a time (everyone's
     * views apply a write's events before a later write's, so another user's mutation waits behind at most that many)
     * and the plugin's thread waits half as long as each write took, so they keep their pace (docs/performance.md).
     * Alone, the owner gets it at full speed, in one write.
     */
    private static void yieldToPeople(long tookNanos) {
        try {
            TimeUnit.NANOSECONDS.sleep(tookNanos / 2);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public PluginContact updateContact(ContactChanges changes) {
        return refusedAsRefused(() -> contact(services.get().contacts().update(actor, new UpdateContact(
                id(changes.id(), "id"), changes.givenName(), changes.familyName(), null, null, changes.title(),
                changes.organization(), changes.emails(), null, changes.linkedinUrl(), null, null, changes.tags()))));
    }

    @Override
    public PluginContact logTouch(Touch touch) {
        return refusedAsRefused(() -> contact(services.get().contacts().logTouch(actor, new LogTouch(
                id(touch.contactId(), "contactId"), touch.at(), named(Channel.class, touch.channel(), "channel"), touch.note(), null))));
    }

    private AddContact command(NewContact contact) {
        return new AddContact(id(contact.id(), "id"), contact.givenName(), contact.familyName(), null, null, contact.title(),
                              contact.organization(), contact.emails(), null, contact.linkedinUrl(),
                              named(ContactSource.class, contact.source(), "source"), contact.sourceDetail(),
                              contact.tags(), null, false, contact.addedAt());
    }

    private InterviewId interviewId(String value) {
        return Identifiers.parse(owner, value, "interviewId", InterviewId::new);
    }

    private ContactId id(String value, String field) {
        return Identifiers.parse(owner, value, field, ContactId::new);
    }

    private static <E extends Enum<E>> E named(Class<E> type, String name, String field) {
        try {
            return name == null ? null : Enum.valueOf(type, name);
        } catch (IllegalArgumentException unknown) {
            throw new InvalidInput(field, field + " must be one of " + List.of(type.getEnumConstants()) + ", was " + name);
        }
    }

    private static <T> T refusedAsRefused(Supplier<T> work) {
        try {
            return work.get();
        } catch (DomainException refused) {
            throw new Refused(refused.field(), refused.getMessage());
        } catch (WriteAdmission.TooBusy busy) {
            throw new Busy(busy.getMessage(), busy.retryAfter());
        }
    }

    private static PluginContact contact(ContactView view) {
        return new PluginContact(view.id().value(), view.givenName(), view.familyName(), view.title(), view.organization(),
                                 view.emails(), view.phones(), view.linkedinUrl(),
                                 view.source() == null ? null : view.source().name(), view.sourceDetail(), view.tags(),
                                 view.addedAt(), view.lastTouchAt(), view.nextFollowUpDue(), view.version());
    }

    private static PluginInterview interview(InterviewView view) {
        InterviewView.Meeting meeting = view.meeting();
        return new PluginInterview(view.id().value(), view.contactId().value(), view.status().name(),
                                   meeting == null ? null : meeting.startsAt(),
                                   meeting == null ? null : meeting.durationMinutes(),
                                   meeting == null ? null : meeting.timeZone(),
                                   meeting == null ? null : meeting.location(),
                                   view.purpose(),
                                   meeting == null ? null : meeting.changedAt(),
                                   view.questions(), view.thanksDueBy(), view.thanksSentAt(), view.version());
    }
}
