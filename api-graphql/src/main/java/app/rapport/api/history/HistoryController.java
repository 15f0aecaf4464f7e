package app.rapport.api.history;

import app.rapport.application.history.HistoryProcessing;
import app.rapport.api.account.Caller;
import app.rapport.api.history.HistoryConnection.HistoryEdge;
import app.rapport.api.history.HistoryConnection.PageInfo;
import app.rapport.api.shared.Gateways;
import app.rapport.api.shared.Ids;
import app.rapport.application.history.FindRelationshipHistory;
import app.rapport.application.history.HistoryEntryView;
import app.rapport.application.history.HistoryPage;
import app.rapport.application.history.WatchRelationshipHistory;
import app.rapport.domain.contact.ContactId;
import app.rapport.domain.shared.InvalidInput;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;

import java.util.List;

/**
 * The history of each relationship: pages of it, oldest first, with the entry's sequence number as the cursor,
 * and each new entry pushed over WebSocket to its owner's subscriptions.
 */
@Controller
class HistoryController {

    private final Gateways gateways;
    private final QueryGateway queries;

    HistoryController(Gateways gateways, QueryGateway queries) {
        this.gateways = gateways;
        this.queries = queries;
    }

    @QueryMapping
    HistoryConnection relationshipHistory(@Argument String contactId, @Argument Integer first, @Argument String after,
                                          Caller caller) {
        ContactId contact = Ids.contact(caller.owner(), contactId, "contactId");
        HistoryPage page = gateways.askAfterOwnWrites(caller, HistoryProcessing.HISTORY_VIEWS, new FindRelationshipHistory(contact, first == null ? 100 : first, sequenceOf(after)),
                                        ResponseTypes.instanceOf(HistoryPage.class));
        List<HistoryEdge> edges = page.entries().stream().map(entry -> new HistoryEdge(entry, cursor(entry))).toList();
        String endCursor = edges.isEmpty() ? after : edges.get(edges.size() - 1).cursor();
        return new HistoryConnection(edges, new PageInfo(page.hasNextPage(), endCursor));
    }

    /** Ends when the client unsubscribes or disconnects; the Axon subscription is closed with it. */
    @SubscriptionMapping
    Flux<HistoryEntryView> historyAppended(@Argument String contactId, Caller caller) {
        ContactId contact = contactId == null ? null : Ids.contact(caller.owner(), contactId, "contactId");
        WatchRelationshipHistory watch = new WatchRelationshipHistory(caller.owner(), contact);
        return Flux.defer(() -> {
            SubscriptionQueryResult<List<HistoryEntryView>, HistoryEntryView> result = queries.subscriptionQuery(
                    watch, ResponseTypes.multipleInstancesOf(HistoryEntryView.class),
                    ResponseTypes.instanceOf(HistoryEntryView.class));
            return result.updates()
                         .doFinally(signal -> result.close());
        });
    }

    @SchemaMapping(typeName = "HistoryEntry")
    long sequence(HistoryEntryView entry) {
        return entry.sequence();
    }

    @SchemaMapping(typeName = "HistoryEntry")
    String contactId(HistoryEntryView entry) {
        return entry.contactId().value();
    }

    @SchemaMapping(typeName = "HistoryEntry")
    String interviewId(HistoryEntryView entry) {
        return entry.interviewId() == null ? null : entry.interviewId().value();
    }

    private static String cursor(HistoryEntryView entry) {
        return Long.toString(entry.sequence());
    }

    private static long sequenceOf(String after) {
        if (after == null || after.isEmpty()) {
            return 0;
        }
        try {
            long sequence = Long.parseLong(after);
            if (sequence >= 0) {
                return sequence;
            }
        } catch (NumberFormatException notANumber) {
            // refused below
        }
        throw new InvalidInput("after", "after must be a cursor from an earlier page");
    }
}
