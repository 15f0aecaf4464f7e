package app.rapport.application.views;

import org.axonframework.queryhandling.QueryUpdateEmitter;

import java.util.function.Predicate;

/** Whether anyone follows a view's live updates, asked before an update is made: most changes have no follower. */
public final class Watchers {

    private Watchers() {
    }

    /** Whether a subscription query of {@code type} that {@code wants} matches is open. */
    public static <Q> boolean anyWatching(QueryUpdateEmitter updates, Class<Q> type, Predicate<? super Q> wants) {
        return updates.activeSubscriptions().stream()
                      .map(subscription -> subscription.getPayload())
                      .anyMatch(query -> type.isInstance(query) && wants.test(type.cast(query)));
    }
}
