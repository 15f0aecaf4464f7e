package app.rapport.application.contact;

import app.rapport.application.storage.Store;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Answers {@link FindContactAsOf} from the event store, not from a view: the contact's events (one exact-match
 * read of its aggregate's events, which grows with that contact's own history only) up to the instant, folded by
 * {@link ContactFold}, plus the contact's current row (one lookup by {@code _id}) for whether it is forgotten and
 * for the lists other aggregates fill.
 */
@Component
class ContactAsOfQueries {

    private final EventStore events;
    private final ContactRows rows;

    ContactAsOfQueries(EventStore events, Store store) {
        this.events = events;
        this.rows = new ContactRows(store.views());
    }

    @QueryHandler
    Optional<ContactView> handle(FindContactAsOf query) {
        Document now = rows.find(query.id());
        if (now == null || ContactRows.isForgotten(now)) {
            return Optional.empty();
        }
        // An introducer forgotten since is not shown, as the view no longer shows them either.
        ContactFold fold = new ContactFold(introducer -> rows.findActive(introducer) != null);
        DomainEventStream stream = events.readEvents(query.id().toString());
        while (stream.hasNext()) {
            DomainEventMessage<?> event = stream.next();
            if (event.getTimestamp().isAfter(query.asOf())) {
                break; // an aggregate's events are stored in time order
            }
            fold.apply(event.getPayload(), event.getSequenceNumber());
        }
        ContactView then = fold.view();
        if (then == null) {
            return Optional.empty();
        }
        ContactView current = ContactRows.view(now);
        return Optional.of(new ContactView(
                then.id(), then.givenName(), then.familyName(), then.pronunciation(), then.salutation(), then.title(),
                then.organization(), then.emails(), then.phones(), then.linkedinUrl(), then.source(), then.sourceDetail(),
                then.tags(), then.referredBy(), then.mayUseIntroducerName(), then.introducerIds(), then.addedAt(),
                then.lastTouchAt(), then.nextFollowUpDue(), then.followUpEveryDays(), then.mergedInto(),
                then.absorbedContactIds(), current.interviewIds(), current.referredContactIds(), then.version()));
    }
}
