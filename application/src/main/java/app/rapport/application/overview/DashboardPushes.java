package app.rapport.application.overview;

import app.rapport.application.views.Watchers;
import app.rapport.domain.shared.OwnerId;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Live dashboards for {@code dashboardChanged}: after a change of an owner's index, if someone follows that
 * owner's dashboard, it is computed and emitted to that owner's subscriptions — on a thread of its own, so the
 * processor never waits for it, and at most once per {@link #INTERVAL} per owner: changes that come quicker (an
 * import) are gathered, and the last state is always sent, with the position of the last change.
 */
final class DashboardPushes implements AutoCloseable {

    /** The shortest time between two pushes of one owner's dashboard. */
    static final Duration INTERVAL = Duration.ofMillis(250);

    private static final Logger log = LoggerFactory.getLogger(DashboardPushes.class);

    private final QueryUpdateEmitter updates;
    private final Function<OwnerId, DashboardView> dashboards;
    private final ScheduledExecutorService pusher = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "dashboard-pushes");
        thread.setDaemon(true);
        return thread;
    });
    /** Owners with a push scheduled, and the position of their latest change. */
    private final Map<OwnerId, Long> pending = new ConcurrentHashMap<>();
    private final Map<OwnerId, Long> lastPushed = new ConcurrentHashMap<>();

    DashboardPushes(QueryUpdateEmitter updates, Function<OwnerId, DashboardView> dashboards) {
        this.updates = updates;
        this.dashboards = dashboards;
    }

    /** The owner's index changed, at the event being handled. */
    void changed(OwnerId owner) {
        if (!Watchers.anyWatching(updates, FindDashboard.class, dashboard -> dashboard.owner().equals(owner))) {
            return;
        }
        long position = position();
        if (pending.put(owner, position) == null) {
            long sinceLast = System.nanoTime() - lastPushed.getOrDefault(owner, System.nanoTime() - INTERVAL.toNanos());
            long delay = Math.max(0, INTERVAL.toNanos() - sinceLast);
            pusher.schedule(() -> push(owner), delay, TimeUnit.NANOSECONDS);
        }
    }

    private void push(OwnerId owner) {
        Long position = pending.remove(owner);
        if (position == null) {
            return;
        }
        lastPushed.put(owner, System.nanoTime());
        try {
            DashboardView dashboard = dashboards.apply(owner);
            updates.emit(FindDashboard.class, query -> query.owner().equals(owner), new DashboardChanged(owner, dashboard, position));
        } catch (RuntimeException failed) {
            log.warn("The dashboard of {} could not be pushed: {}", owner, failed.toString());
        }
    }

    /** The global index of the event being handled, when it comes from the event stream. */
    private static long position() {
        if (!CurrentUnitOfWork.isStarted()
                || !(CurrentUnitOfWork.get().getMessage() instanceof TrackedEventMessage<?> tracked)) {
            return -1;
        }
        return WrappedToken.unwrapLowerBound(tracked.trackingToken()).position().orElse(-1);
    }

    @Override
    public void close() {
        pusher.shutdownNow();
    }
}
