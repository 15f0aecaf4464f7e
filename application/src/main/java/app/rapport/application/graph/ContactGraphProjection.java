package app.rapport.application.graph;

import app.rapport.application.storage.Store;
import app.rapport.domain.contact.ContactAdded;
import app.rapport.domain.contact.ContactForgotten;
import app.rapport.domain.contact.ContactId;
import app.rapport.domain.contact.ContactMergedInto;
import app.rapport.domain.contact.ContactProfile;
import app.rapport.domain.contact.ContactUpdated;
import app.rapport.domain.contact.ContactsMerged;
import app.rapport.domain.contact.IntroductionRecorded;
import app.rapport.domain.interview.NotesRecorded;
import app.rapport.domain.interview.ReferralRecorded;
import app.rapport.domain.shared.OwnerId;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Objects;
import java.util.List;
import java.util.Optional;

/**
 * The contact graphs: who introduced whom, who works where, whom you met. Answers {@link FindContactGraph},
 * {@link FindReferralChain} and {@link FindWarmPaths}.
 * <p>
 * <b>Rows</b> ({@link GraphRows}): a row per contact (name, organization, primary introducer, merge link, version,
 * and its introductions and referrals both ways), a row per organization with its members, and per owner the
 * contacts met. An event reads and writes the few rows it touches ({@link GraphChange}); a query reads the rows
 * its walk passes through, one lookup per step ({@link ContactNetwork}). Neither depends on the size of the
 * owner's network, and no row grows with it (an organization's row grows with the people who work there).
 * <p>
 * <b>Edges.</b> REFERRED from an introducer to the contact introduced or referred ({@code ContactAdded.referredBy},
 * {@code IntroductionRecorded}, primary or not, {@code ReferralRecorded}, a survivor's introducer after
 * {@code ContactsMerged}); WORKS_AT from a contact to its organization, which moves when {@code ContactUpdated}
 * or {@code ContactsMerged} writes another; MET from you to a contact whose interview was held
 * ({@code NotesRecorded}). KNOWS is reserved for imported connections: no event produces it yet. Organizations
 * are the same ignoring case and surrounding blanks; a node is labelled with the spelling written last, and
 * exists while a contact works there.
 * <p>
 * <b>Merges and forgetting.</b> Links are stored between the ids the events name; {@code ContactMergedInto}
 * records the survivor (and the duplicate on the survivor's row), and the graph is read with every duplicate
 * standing for its survivor, so the duplicate's edges move to it. {@code ContactForgotten} removes every link to
 * and from the contact, clears it as anyone's introducer, and leaves a tombstone (id and version, no name or
 * organization), so its node, label and edges disappear, as does an organization nobody else works at; later
 * events cannot bring it back.
 * <p>
 * <b>Walks.</b> Referral chains follow each contact's primary introducer (the first one, as the contact view's
 * {@code referredBy}). Warm paths: from you, a walk goes to a contact you met (an interview with them was held);
 * from a contact, to a contact it introduced or referred, or one that introduced or referred it, whether or not
 * you met them. A path lists the people to go through nearest first, then the target at the organization; a
 * target you met yourself is a path with no hops. See {@code docs/graph.md}.
 * <p>
 * <b>Idempotence.</b> A contact's own events apply only when newer than its version; interview events only add
 * to sets, and never for a forgotten contact. One segment applies events in order, rows keep sorted sets, and an
 * event writes its rows whole, so a redelivered event leaves the rows as they were, and a replay gives the same rows.
 */
@Component
@ProcessingGroup(GraphProcessing.GRAPH_VIEWS)
class ContactGraphProjection {

    private final GraphRows rows;

    ContactGraphProjection(Store store) {
        this.rows = new GraphRows(store.views());
    }

    // ---------------------------------------------------------------- the contacts' own events

    @EventHandler
    void on(ContactAdded event, @SequenceNumber long sequence, @Timestamp Instant at) {
        GraphChange graph = new GraphChange(rows, event.contactId().owner());
        String introducer = sameOwner(event.contactId(), event.referredBy());
        graph.load(introducer == null ? List.of(event.contactId().value()) : List.of(event.contactId().value(), introducer));
        if (graph.contact(event.contactId().value()) != null) {
            return; // added before, or forgotten since
        }
        GraphContact contact = graph.add(event.contactId().value());
        contact.givenName = event.givenName();
        contact.familyName = event.familyName();
        contact.writeOrganization(event.organization(), at);
        contact.version = sequence;
        if (graph.known(introducer)) {
            contact.referredBy = introducer;
            graph.link(introducer, contact.id);
        }
        graph.commit();
    }

    /** Names and organization change by {@link ContactProfile}'s rules; an organization written anew counts as written now. */
    @EventHandler
    void on(ContactUpdated event, @SequenceNumber long sequence, @Timestamp Instant at) {
        change(event.contactId(), sequence, (graph, contact) -> {
            ContactProfile after = profile(contact).updatedBy(event);
            contact.givenName = after.givenName();
            contact.familyName = after.familyName();
            if (event.organization() != null) {
                contact.writeOrganization(after.organization(), at);
            }
        });
    }

    @EventHandler
    void on(IntroductionRecorded event, @SequenceNumber long sequence) {
        change(event.contactId(), sequence, (graph, contact) -> {
            String introducer = sameOwner(event.contactId(), event.introducer());
            if (graph.known(introducer)) {
                graph.link(introducer, contact.id);
                if (event.primary()) {
                    contact.referredBy = introducer;
                }
            }
        });
    }

    /** The survivor's side: an organization it lacked, and its introducer after the merge. */
    @EventHandler
    void on(ContactsMerged event, @SequenceNumber long sequence, @Timestamp Instant at) {
        change(event.contactId(), sequence, (graph, contact) -> {
            ContactProfile after = profile(contact).mergedWith(event);
            contact.familyName = after.familyName();
            if (!Objects.equals(after.organization(), contact.organization)) {
                contact.writeOrganization(after.organization(), at);
            }
            String introducer = sameOwner(event.contactId(), event.referredBy());
            contact.referredBy = graph.known(introducer) ? introducer : null;
            if (contact.referredBy != null) {
                graph.link(introducer, contact.id);
            }
        });
    }

    /** The duplicate's side: from now on it stands for its survivor, with all its links. */
    @EventHandler
    void on(ContactMergedInto event, @SequenceNumber long sequence) {
        change(event.contactId(), sequence, (graph, contact) -> {
            contact.mergedInto = sameOwner(event.contactId(), event.survivorId());
            GraphContact survivor = graph.contact(contact.mergedInto);
            if (survivor != null && !survivor.forgotten && survivor.mergedFrom.add(contact.id)) {
                graph.changed(survivor);
            }
        });
    }

    @EventHandler
    void on(ContactForgotten event, @SequenceNumber long sequence) {
        GraphChange graph = new GraphChange(rows, event.contactId().owner());
        GraphContact contact = graph.contact(event.contactId().value());
        if (contact != null && contact.version >= sequence) {
            return;
        }
        graph.forget(contact == null ? graph.add(event.contactId().value()) : contact, sequence);
        graph.commit();
    }

    // ---------------------------------------------------------------- interview events that link contacts

    /** A held interview (first notes or amended): you met the contact. */
    @EventHandler
    void on(NotesRecorded event) {
        GraphChange graph = new GraphChange(rows, event.contactId().owner());
        if (graph.known(event.contactId().value()) && graph.meet(event.contactId().value())) {
            graph.commit();
        }
    }

    @EventHandler
    void on(ReferralRecorded event) {
        GraphChange graph = new GraphChange(rows, event.contactId().owner());
        String from = event.fromContactId().value();
        String to = sameOwner(event.contactId(), event.referredContactId());
        graph.load(to == null ? List.of(from) : List.of(from, to));
        if (graph.known(from) && graph.known(to) && graph.link(from, to)) {
            graph.commit();
        }
    }

    @ResetHandler
    void onReset() {
        rows.deleteAll(); // a replay rebuilds every graph from the first event
    }

    // ---------------------------------------------------------------- queries

    @QueryHandler
    Optional<ContactGraphView> handle(FindContactGraph query) {
        ContactNetwork network = new ContactNetwork(rows.source(query.owner()));
        String center = ContactNetwork.SELF;
        if (query.center() != null) {
            center = network.resolve(query.center().value());
            if (center == null) {
                return Optional.empty();
            }
        }
        return Optional.of(network.neighbourhood(center, query.depth(), FindContactGraph.NODE_LIMIT));
    }

    @QueryHandler
    List<ContactId> handle(FindReferralChain query) {
        OwnerId owner = query.contactId().owner();
        return new ContactNetwork(rows.source(owner)).referralChain(query.contactId().value()).stream()
                                                    .map(id -> new ContactId(owner, id))
                                                    .toList();
    }

    @QueryHandler
    List<WarmPathView> handle(FindWarmPaths query) {
        OwnerId owner = query.owner();
        String organization = GraphContact.normalizedOrganization(query.organization());
        return new ContactNetwork(rows.source(owner)).warmPaths(organization, query.maxHops(), query.first()).stream()
                                                    .map(path -> path.stream().map(id -> new ContactId(owner, id)).toList())
                                                    .map(path -> new WarmPathView(path.subList(0, path.size() - 1), path.get(path.size() - 1)))
                                                    .toList();
    }

    // ---------------------------------------------------------------- helpers

    /** Applies a contact's own event to its row: present, not forgotten, and not already past this event. */
    private void change(ContactId id, long sequence, Change change) {
        GraphChange graph = new GraphChange(rows, id.owner());
        GraphContact contact = graph.contact(id.value());
        if (contact == null || contact.forgotten || contact.version >= sequence) {
            return;
        }
        change.apply(graph, contact);
        contact.version = sequence;
        graph.changed(contact);
        graph.commit();
    }

    private interface Change {
        void apply(GraphChange graph, GraphContact contact);
    }

    /** The other contact's client id, when it is the same owner's (the domain guarantees it; a row never mixes owners). */
    private static String sameOwner(ContactId contact, ContactId other) {
        return other != null && other.owner().equals(contact.owner()) ? other.value() : null;
    }

    /** The part of the contact's profile the graph keeps. */
    private static ContactProfile profile(GraphContact contact) {
        return new ContactProfile(contact.givenName, contact.familyName, null, null, null, contact.organization,
                                  null, null, null, null, null, null);
    }
}
