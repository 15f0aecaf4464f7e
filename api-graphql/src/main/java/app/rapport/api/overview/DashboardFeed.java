package app.rapport.api.overview;

import app.rapport.application.messaging.ViewCatchUp;
import app.rapport.application.overview.DashboardChanged;
import app.rapport.application.overview.DashboardView;
import app.rapport.application.overview.FindDashboard;
import app.rapport.domain.shared.OwnerId;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * One owner's dashboard as it changes: an Axon subscription query for {@link FindDashboard}, whose updates the
 * owner index emits for that owner only. Before an update is passed on, the other views are given the time to
 * show the change (as a mutation waits for them), so the contacts and interviews it lists load as they are now.
 */
@Component
class DashboardFeed {

    private final QueryGateway queries;
    private final ViewCatchUp views;

    DashboardFeed(QueryGateway queries, ViewCatchUp views) {
        this.queries = queries;
        this.views = views;
    }

    /** Ends the Axon subscription when the GraphQL subscription ends. */
    Flux<DashboardView> changes(OwnerId owner) {
        return Flux.using(() -> queries.subscriptionQuery(new FindDashboard(owner),
                                                          ResponseTypes.instanceOf(DashboardView.class),
                                                          ResponseTypes.instanceOf(DashboardChanged.class)),
                          SubscriptionQueryResult::updates,
                          SubscriptionQueryResult::cancel)
                   .filter(changed -> changed.owner().equals(owner))
                   .concatMap(changed -> Mono.fromCallable(() -> caughtUp(changed)).subscribeOn(Schedulers.boundedElastic()));
    }

    private DashboardView caughtUp(DashboardChanged changed) {
        if (changed.position() >= 0) {
            try {
                views.awaitProcessed(changed.position());
            } catch (ViewCatchUp.ViewsLagging lagging) {
                // The figures are right already; only a listed entity may show as it was a moment ago.
            }
        }
        return changed.dashboard();
    }
}
