package app.rapport.application.graph;

import app.rapport.application.graph.OwnerGraph.Person;
import app.rapport.application.graph.OwnerGraph.Referral;
import app.rapport.application.storage.Store;
import app.rapport.domain.contact.ContactAdded;
import app.rapport.domain.contact.ContactForgotten;
import app.rapport.domain.contact.ContactId;
import app.rapport.domain.contact.ContactMergedInto;
import app.rapport.domain.contact.ContactUpdated;
import app.rapport.domain.contact.ContactsMerged;
import app.rapport.domain.contact.IntroductionRecorded;
import app.rapport.domain.interview.NotesRecorded;
import app.rapport.domain.interview.ReferralRecorded;
import app.rapport.domain.shared.OwnerId;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The contact graphs: who introduced whom, who works where, whom you met. Answers {@link FindContactGraph},
 * {@link FindReferralChain} and {@link FindWarmPaths}.
 * <p>
 * <b>Rows.</b> Collection {@value #COLLECTION}, one document per owner ({@code _id} = the owner id, plus
 * {@code owner}) holding that owner's whole graph ({@link OwnerGraph}): each contact's name, organization,
 * primary introducer, merge link and version; the introductions and referrals between contacts; the contacts
 * met. Every query is one exact lookup on {@code _id}, then a walk in memory over that owner's graph alone
 * (breadth-first, linear in the owner's contacts and links): its cost does not grow with other owners' data. Every
 * event costs one lookup and one replacement of its owner's document, so a write costs in proportion to the size
 * of that owner's graph. The document must stay under MongoDB's 16 MiB: about 550 bytes per contact with a generated
 * id, names, an organization, two links and a meeting, so the limit is <b>10 000 contacts per owner</b>, which fit
 * in half of it ({@code OwnerGraphSizeTest}); beyond that the row must be split.
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
 * only records the survivor, and the graph is read with every duplicate standing for its survivor, so the
 * duplicate's edges move to it. {@code ContactForgotten} removes every link to and from the contact, clears it as
 * anyone's introducer, and leaves a tombstone (id and version, no name or organization), so its node, label and
 * edges disappear, as does an organization nobody else works at; later events cannot bring it back.
 * <p>
 * <b>Walks.</b> Referral chains follow each contact's primary introducer (the first one, as the contact view's
 * {@code referredBy}). Warm paths: from you, a walk goes to a contact you met (an interview with them was held);
 * from a contact, to a contact it introduced or referred, or one that introduced or referred it, whether or not
 * you met them. A path lists the people to go through nearest first, then the target at the organization; a
 * target you met yourself is a path with no hops. See {@code docs/graph.md}.
 * <p>
 * <b>Idempotence.</b> A contact's own events apply only when newer than its version; interview events only add
 * to sets, and never for a forgotten contact. One segment applies events in order, and each event replaces the
 * whole document at once, so a redelivered event leaves the row as it was, and a replay gives the same row.
 */
@Component
@ProcessingGroup(GraphProcessing.GRAPH_VIEWS)
class ContactGraphProjection {

    static final String COLLECTION = "contact_graph_views";

    private final MongoCollection<Document> graphs;

    ContactGraphProjection(Store store) {
        this.graphs = store.database().getCollection(COLLECTION);
    }

    // ---------------------------------------------------------------- the contacts' own events

    @EventHandler
    void on(ContactAdded event, @SequenceNumber long sequence, @Timestamp Instant at) {
        OwnerGraph graph = load(event.contactId().owner());
        if (graph.person(event.contactId().value()) != null) {
            return; // added before, or forgotten since
        }
        Person person = new Person(event.contactId().value());
        person.givenName = event.givenName();
        person.familyName = event.familyName();
        graph.writeOrganization(person, event.organization(), at);
        String introducer = sameOwner(event.contactId(), event.referredBy());
        if (graph.known(introducer)) {
            person.referredBy = introducer;
            graph.referrals.add(new Referral(introducer, person.id));
        }
        person.version = sequence;
        graph.contacts.put(person.id, person);
        save(graph);
    }

    /** Only what changed: null leaves a field, "" clears it. */
    @EventHandler
    void on(ContactUpdated event, @SequenceNumber long sequence, @Timestamp Instant at) {
        change(event.contactId(), sequence, (graph, person) -> {
            if (event.givenName() != null && !event.givenName().isEmpty()) {
                person.givenName = event.givenName();
            }
            if (event.familyName() != null) {
                person.familyName = event.familyName().isEmpty() ? null : event.familyName();
            }
            if (event.organization() != null) {
                graph.writeOrganization(person, event.organization(), at);
            }
        });
    }

    @EventHandler
    void on(IntroductionRecorded event, @SequenceNumber long sequence) {
        change(event.contactId(), sequence, (graph, person) -> {
            String introducer = sameOwner(event.contactId(), event.introducer());
            if (graph.known(introducer)) {
                graph.referrals.add(new Referral(introducer, person.id));
                if (event.primary()) {
                    person.referredBy = introducer;
                }
            }
        });
    }

    /** The survivor's side: an organization it lacked, and its introducer after the merge. */
    @EventHandler
    void on(ContactsMerged event, @SequenceNumber long sequence, @Timestamp Instant at) {
        change(event.contactId(), sequence, (graph, person) -> {
            if (event.familyName() != null && !event.familyName().isEmpty()) {
                person.familyName = event.familyName();
            }
            if (event.organization() != null && !event.organization().isEmpty()) {
                graph.writeOrganization(person, event.organization(), at);
            }
            String introducer = sameOwner(event.contactId(), event.referredBy());
            person.referredBy = graph.known(introducer) ? introducer : null;
            if (person.referredBy != null) {
                graph.referrals.add(new Referral(introducer, person.id));
            }
        });
    }

    /** The duplicate's side: from now on it stands for its survivor, with all its links. */
    @EventHandler
    void on(ContactMergedInto event, @SequenceNumber long sequence) {
        change(event.contactId(), sequence, (graph, person) -> person.mergedInto = sameOwner(event.contactId(), event.survivorId()));
    }

    @EventHandler
    void on(ContactForgotten event, @SequenceNumber long sequence) {
        OwnerGraph graph = load(event.contactId().owner());
        Person person = graph.person(event.contactId().value());
        if (person != null && person.version >= sequence) {
            return;
        }
        graph.forget(event.contactId().value(), sequence);
        save(graph);
    }

    // ---------------------------------------------------------------- interview events that link contacts

    /** A held interview (first notes or amended): you met the contact. */
    @EventHandler
    void on(NotesRecorded event) {
        OwnerGraph graph = load(event.contactId().owner());
        if (graph.known(event.contactId().value()) && graph.met.add(event.contactId().value())) {
            save(graph);
        }
    }

    @EventHandler
    void on(ReferralRecorded event) {
        OwnerGraph graph = load(event.contactId().owner());
        String from = event.fromContactId().value();
        String to = sameOwner(event.contactId(), event.referredContactId());
        if (graph.known(from) && graph.known(to) && graph.referrals.add(new Referral(from, to))) {
            save(graph);
        }
    }

    @ResetHandler
    void onReset() {
        graphs.deleteMany(new Document()); // a replay rebuilds every graph from the first event
    }

    // ---------------------------------------------------------------- queries

    @QueryHandler
    Optional<ContactGraphView> handle(FindContactGraph query) {
        ContactNetwork network = ContactNetwork.of(load(query.owner()));
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
        return ContactNetwork.of(load(owner)).referralChain(query.contactId().value()).stream()
                             .map(id -> new ContactId(owner, id))
                             .toList();
    }

    @QueryHandler
    List<WarmPathView> handle(FindWarmPaths query) {
        OwnerId owner = query.owner();
        String organization = OwnerGraph.normalizedOrganization(query.organization());
        return ContactNetwork.of(load(owner)).warmPaths(organization, query.maxHops(), query.first()).stream()
                             .map(path -> path.stream().map(id -> new ContactId(owner, id)).toList())
                             .map(path -> new WarmPathView(path.subList(0, path.size() - 1), path.get(path.size() - 1)))
                             .toList();
    }

    // ---------------------------------------------------------------- helpers

    /** Applies a contact's own event to its entry: present, not forgotten, and not already past this event. */
    private void change(ContactId id, long sequence, Change change) {
        OwnerGraph graph = load(id.owner());
        Person person = graph.person(id.value());
        if (person == null || person.forgotten || person.version >= sequence) {
            return;
        }
        change.apply(graph, person);
        person.version = sequence;
        save(graph);
    }

    private interface Change {
        void apply(OwnerGraph graph, Person person);
    }

    private OwnerGraph load(OwnerId owner) {
        Document row = graphs.find(Filters.eq(OwnerGraph.ID, owner.value())).first();
        return row == null ? new OwnerGraph(owner.value()) : OwnerGraph.of(row);
    }

    private void save(OwnerGraph graph) {
        graphs.replaceOne(Filters.eq(OwnerGraph.ID, graph.owner), graph.toDocument(), new ReplaceOptions().upsert(true));
    }

    /** The other contact's client id, when it is the same owner's (the domain guarantees it; a row never mixes owners). */
    private static String sameOwner(ContactId contact, ContactId other) {
        return other != null && other.owner().equals(contact.owner()) ? other.value() : null;
    }
}
