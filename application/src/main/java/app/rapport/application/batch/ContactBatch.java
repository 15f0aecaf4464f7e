package app.rapport.application.batch;

import app.rapport.application.contact.ContactView;
import app.rapport.application.contact.FindContacts;
import app.rapport.application.messaging.ConsistentCommandGateway;
import app.rapport.application.privacy.NewContactKeys;
import app.rapport.domain.contact.AddContact;
import app.rapport.domain.contact.ContactId;
import app.rapport.domain.shared.DomainException;
import app.rapport.domain.shared.InvalidInput;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Adds many contacts of one owner at once, as an import does: the new ones in one write (one commit of the event
 * store, one wait for the views), so a network of 30,000 people costs some sixty writes, not 30,000. A contact
 * introduced by another of the same batch is added in a second write, after its introducer. Ids are the client's,
 * so sending a batch again adds nothing twice: contacts that exist already are reported as such.
 */
@Component
public class ContactBatch {

    private static final Logger log = LoggerFactory.getLogger(ContactBatch.class);

    /** The most contacts in one batch: about a megabyte of events in one commit. */
    public static final int MOST = 500;

    /** What became of one contact of the batch. */
    public enum Result { ADDED, ALREADY_THERE, REFUSED }

    /**
     * @param field  for a refusal, the input field at fault (as the command names it), or null
     * @param reason for a refusal, what is wrong, for the person who sent it
     */
    public record Outcome(ContactId id, Result result, String field, String reason) {
    }

    private final ConsistentCommandGateway commands;
    private final QueryGateway queries;
    private final NewContactKeys keys;

    ContactBatch(ConsistentCommandGateway commands, QueryGateway queries, NewContactKeys keys) {
        this.commands = commands;
        this.queries = queries;
        this.keys = keys;
    }

    /**
     * @param actor    who adds them ({@code user:<id>}, {@code plugin:<id>})
     * @param contacts all of one owner's, at most {@value #MOST}
     * @return one outcome per contact, in order
     */
    public List<Outcome> add(String actor, List<AddContact> contacts) {
        if (contacts.size() > MOST) {
            throw new InvalidInput("contacts", "at most " + MOST + " contacts at once, not " + contacts.size());
        }
        if (contacts.stream().map(command -> command.contactId().owner()).distinct().count() > 1) {
            throw new InvalidInput("contacts", "a batch holds the contacts of one owner");
        }
        Set<ContactId> existing = existing(contacts);
        List<Outcome> outcomes = new ArrayList<>();
        List<AddContact> fresh = new ArrayList<>();
        Set<ContactId> seen = new HashSet<>();
        for (AddContact command : contacts) {
            if (existing.contains(command.contactId()) || !seen.add(command.contactId())) {
                outcomes.add(new Outcome(command.contactId(), Result.ALREADY_THERE, null, null));
            } else {
                outcomes.add(null);
                fresh.add(command);
            }
        }
        keys.prepare(fresh.stream().map(AddContact::contactId).toList());
        Map<ContactId, RuntimeException> refusals = new HashMap<>();
        for (List<AddContact> wave : waves(fresh)) {
            List<RuntimeException> refused;
            try {
                refused = commands.sendAll(wave, actor);
            } catch (AggregateStreamCreationException | ConcurrencyException taken) {
                // An id of a contact forgotten earlier (no view shows it) fails the whole commit: one by one, only it is refused.
                refused = wave.stream().map(command -> oneByOne(command, actor)).toList();
            }
            for (int i = 0; i < wave.size(); i++) {
                if (refused.get(i) != null) {
                    refusals.put(wave.get(i).contactId(), refused.get(i));
                }
            }
        }
        for (int at = 0; at < outcomes.size(); at++) {
            if (outcomes.get(at) == null) {
                ContactId id = contacts.get(at).contactId();
                outcomes.set(at, outcome(id, refusals.get(id)));
            }
        }
        return outcomes;
    }

    /**
     * The contacts in the order they can be added: a contact introduced by another of the batch comes in a later
     * write than its introducer, which must exist when it is added.
     */
    private static List<List<AddContact>> waves(List<AddContact> fresh) {
        List<List<AddContact>> waves = new ArrayList<>();
        List<AddContact> pending = new ArrayList<>(fresh);
        while (!pending.isEmpty()) {
            Set<ContactId> waiting = new HashSet<>(pending.stream().map(AddContact::contactId).toList());
            List<AddContact> wave = pending.stream()
                                           .filter(command -> command.referredBy() == null || !waiting.contains(command.referredBy()))
                                           .toList();
            if (wave.isEmpty()) {
                wave = List.copyOf(pending); // introducers in a circle: each is refused, naming its introducer
            }
            waves.add(wave);
            pending.removeAll(wave);
        }
        return waves;
    }

    private RuntimeException oneByOne(AddContact command, String actor) {
        try {
            commands.send(command, actor);
            return null;
        } catch (DomainException | AggregateStreamCreationException | ConcurrencyException refused) {
            return refused;
        }
    }

    private static Outcome outcome(ContactId id, RuntimeException refusal) {
        if (refusal == null) {
            return new Outcome(id, Result.ADDED, null, null);
        }
        if (refusal instanceof DomainException refused) {
            return new Outcome(id, Result.REFUSED, refused.field(), refused.getMessage());
        }
        if (refusal instanceof AggregateStreamCreationException || refusal instanceof ConcurrencyException) {
            return new Outcome(id, Result.REFUSED, "id", "this id was used for a contact that was forgotten; choose another id");
        }
        log.warn("Contact {} of a batch could not be added", id, refusal);
        return new Outcome(id, Result.REFUSED, null, "this contact could not be added; the server's log says why");
    }

    private Set<ContactId> existing(List<AddContact> contacts) {
        List<ContactId> ids = contacts.stream().map(AddContact::contactId).distinct().toList();
        return new HashSet<>(queries.query(new FindContacts(ids), ResponseTypes.multipleInstancesOf(ContactView.class)).join()
                                    .stream().map(ContactView::id).toList());
    }
}
