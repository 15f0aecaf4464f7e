package app.rapport.application.history;

import app.rapport.application.contact.ContactNames;
import app.rapport.application.messaging.ConsistentCommandGateway;
import app.rapport.application.storage.Store;
import app.rapport.application.views.Watchers;
import app.rapport.domain.contact.ContactForgotten;
import app.rapport.domain.contact.ContactId;
import app.rapport.domain.contact.RelationshipEvent;
import app.rapport.domain.interview.MeetingConfirmed;
import app.rapport.domain.shared.InterviewId;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static app.rapport.application.history.HistoryRows.*;

/**
 * The relationship history: every event that touched a contact or its interviews (every
 * {@link RelationshipEvent}), numbered 1, 2, 3… per relationship in the order of the event stream, with a
 * sentence, the actor and the payload. Answers {@link FindRelationshipHistory} and pushes each new entry to the
 * {@link WatchRelationshipHistory} subscriptions of its owner.
 * <p>
 * Idempotent: the head remembers, per aggregate, the sequence number of its last event taken in, and an older
 * or equal one is ignored; an entry is written into its numbered slot before the head moves, so an event
 * interrupted half-way is written again to the same slot. Forgetting: {@code ContactForgotten} replaces every
 * entry by its version without personal data (kept beside it from the start), and later events of that
 * relationship are stored without it.
 * <p>
 * Merged contacts: a history belongs to the contact id its events name. The survivor's history shows its own
 * steps, the merge among them ({@code ContactsMerged}, naming the duplicate); the duplicate's steps and the
 * interviews held under its id stay in the duplicate's history, which ends with {@code ContactMergedInto}.
 */
@Component
@ProcessingGroup(HistoryProcessing.HISTORY_VIEWS)
class RelationshipHistoryProjection {

    static final String SYSTEM = "system";

    private final HistoryRows rows;
    private final QueryUpdateEmitter updates;
    private final ContactNames names;

    RelationshipHistoryProjection(Store store, QueryUpdateEmitter updates, ContactNames names) {
        this.rows = new HistoryRows(store.views());
        this.updates = updates;
        this.names = names;
    }

    @EventHandler
    void on(RelationshipEvent event, EventMessage<?> message, ReplayStatus replay) {
        ContactId contact = event.contactId();
        if (contact == null) {
            return;
        }
        Document head = rows.head(contact);
        if (head == null) {
            head = newHead(contact);
        }
        String aggregate = message instanceof DomainEventMessage<?> domain ? domain.getAggregateIdentifier()
                : "event:" + message.getIdentifier();
        long aggregateSequence = message instanceof DomainEventMessage<?> domain ? domain.getSequenceNumber() : 0;
        List<Document> applied = new ArrayList<>(head.getList(APPLIED, Document.class, List.of()));
        Document lastApplied = find(applied, AGGREGATE, aggregate);
        if (lastApplied != null && lastApplied.get(SEQUENCE, Number.class).longValue() >= aggregateSequence) {
            return;
        }

        InterviewId interview = event.interviewId();
        List<Document> zones = new ArrayList<>(head.getList(ZONES, Document.class, List.of()));
        if (event instanceof MeetingConfirmed meeting && interview != null && meeting.timeZone() != null) {
            zones.removeIf(zone -> interview.toString().equals(zone.getString(INTERVIEW)));
            zones.add(new Document(INTERVIEW, interview.toString()).append(ZONE, meeting.timeZone()));
        }
        ZoneId zone = interview == null ? null : zoneOf(find(zones, INTERVIEW, interview.toString()));

        long sequence = count(head) + 1;
        boolean forgotten = head.getBoolean(FORGOTTEN, false) || event instanceof ContactForgotten;
        Document entry = entry(event, message, sequence, interview, zone);
        rows.putEntry(contact, sequence, forgotten ? erased(entry) : entry);
        if (event instanceof ContactForgotten) {
            rows.eraseAll(contact, sequence - 1);
        }

        if (lastApplied == null) {
            applied.add(new Document(AGGREGATE, aggregate).append(SEQUENCE, aggregateSequence));
        } else {
            lastApplied.put(SEQUENCE, aggregateSequence);
        }
        rows.saveHead(head.append(COUNT, sequence).append(FORGOTTEN, forgotten).append(APPLIED, applied).append(ZONES, zones));

        if (!replay.isReplay() && Watchers.anyWatching(updates, WatchRelationshipHistory.class, watch -> watch.owner().equals(contact.owner()))) {
            // Looked up only if the sentence mentions another contact.
            HistoryEntryView view = view(contact, read(contact, forgotten ? erased(entry) : entry),
                                         other -> names.of(List.of(other)).get(other));
            updates.emit(WatchRelationshipHistory.class, watch -> watch.wants(view), view);
        }
    }

    @ResetHandler
    void onReset() {
        rows.deleteAll(); // a replay rebuilds every history from the first event
    }

    @QueryHandler
    HistoryPage handle(FindRelationshipHistory query) {
        Document head = rows.head(query.contactId());
        long count = count(head);
        if (query.afterSequence() >= count) {
            return new HistoryPage(List.of(), false); // past the end, however far (a cursor near Long.MAX_VALUE too)
        }
        long from = query.afterSequence() + 1;
        long to = Math.min(count, query.afterSequence() + query.first());
        List<Document> page = new ArrayList<>();
        for (Document bucket : rows.buckets(query.contactId(), from, to)) {
            for (Document entry : entries(bucket)) {
                long sequence = entry.get(SEQUENCE, Number.class).longValue();
                if (sequence >= from && sequence <= to) {
                    page.add(entry);
                }
            }
        }
        List<ReadEntry> read = page.stream().map(entry -> read(query.contactId(), entry)).toList();
        // The other contacts the page mentions, named in one lookup.
        Map<ContactId, String> named = names.of(read.stream().flatMap(entry -> otherContacts(query.contactId(), entry).stream()).toList());
        return new HistoryPage(read.stream().map(entry -> view(query.contactId(), entry, named::get)).toList(), count > to);
    }

    /** The initial result of a subscription: nothing; what it is for are the entries that follow. */
    @QueryHandler
    List<HistoryEntryView> handle(WatchRelationshipHistory query) {
        return List.of();
    }

    private static Document entry(RelationshipEvent event, EventMessage<?> message, long sequence,
                                  InterviewId interview, ZoneId zone) {
        String actor = message.getMetaData().get(ConsistentCommandGateway.ACTOR) instanceof String text && !text.isBlank()
                ? text : SYSTEM;
        Object withoutPersonalData = EventData.withoutPersonalData(event);
        Document erased = new Document(DATA, withoutPersonalData == null ? new Document() : new Document(EventData.of(withoutPersonalData)));
        // Facts only: the sentence is rendered when read, so rewording one needs no rebuild.
        return new Document(SEQUENCE, sequence)
                .append(AT, message.getTimestamp().toString())
                .append(HAPPENED_AT, event.happenedAt() == null ? null : event.happenedAt().toString())
                .append(TYPE, event.getClass().getSimpleName())
                .append(ZONE, zone == null ? null : zone.getId())
                .append(ACTOR, actor)
                .append(INTERVIEW_ID, interview == null ? null : interview.toString())
                .append(DATA, new Document(EventData.of(event)))
                .append(ERASED, erased);
    }

    private static ZoneId zoneOf(Document zone) {
        try {
            return zone == null ? null : ZoneId.of(zone.getString(ZONE));
        } catch (RuntimeException unknownZone) {
            return null;
        }
    }

    private static Document find(List<Document> documents, String field, String value) {
        return documents.stream().filter(document -> value.equals(document.getString(field))).findFirst().orElse(null);
    }
}
