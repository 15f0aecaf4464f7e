package app.rapport.application.eventstore;

import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackingEventStream;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.AbstractEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.monitoring.MessageMonitor;

import org.axonframework.lifecycle.Lifecycle;
import org.axonframework.lifecycle.Lifecycle.LifecycleRegistry;
import org.axonframework.lifecycle.Phase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Axon's event store over Rapport's storage engine, whose streams are told of new events the moment a commit
 * is durable.
 * <p>
 * Axon's {@code EmbeddedEventStore} cannot register an availability callback, so pooled streaming processors
 * reading it look for new events on a fixed half-second timer, and every mutation that waits for its views
 * waited for that tick. Here every stream accepts the callback and is woken after each local commit, so a
 * view processor starts on a new event at once, reading it from {@link RecentEvents}, where it was read once
 * for all processors. Writes of other servers sharing the database are found by looking at the store every
 * {@code otherWritersInterval}.
 */
public class LiveEventStore extends AbstractEventStore implements Lifecycle {

    private static final Logger log = LoggerFactory.getLogger(LiveEventStore.class);

    private final Set<LiveEventStream> openStreams = ConcurrentHashMap.newKeySet();
    /** Appends of this server so far, and how many of them a read that has begun covers. */
    private final AtomicLong appends = new AtomicLong();
    private final AtomicLong told = new AtomicLong();
    private final RecentEvents recent;
    private final ScheduledExecutorService otherWriters;

    protected LiveEventStore(Builder builder) {
        super(builder);
        this.recent = new RecentEvents(builder.storageEngine(), builder.recentEvents);
        this.otherWriters = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "event-store-follower");
            thread.setDaemon(true);
            return thread;
        });
        long period = builder.otherWritersInterval.toMillis();
        otherWriters.scheduleWithFixedDelay(this::followOtherWriters, period, period, TimeUnit.MILLISECONDS);
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public TrackingEventStream openStream(TrackingToken trackingToken) {
        LiveEventStream stream = new LiveEventStream(storageEngine(), recent, trackingToken, openStreams::remove);
        openStreams.add(stream);
        return stream;
    }

    @Override
    protected void prepareCommit(List<? extends EventMessage<?>> events) {
        super.prepareCommit(events);
        if (!events.isEmpty()) {
            appends.incrementAndGet(); // stored, durable and readable: the engine's append returns after its commit
        }
    }

    /**
     * Runs once the unit of work that appended the events has committed. Reads what is new and wakes the streams,
     * unless a read that began after these events were stored did so already: commands handled in one unit of work
     * (a batch) are stored in one commit, but Axon calls this once per command after it, and each call read the store
     * and woke every processor (a batch of 100 contacts: 100 reads, a third of an import's time).
     */
    @Override
    protected void afterCommit(List<? extends EventMessage<?>> events) {
        long stored = appends.get();
        if (stored <= told.getAndAccumulate(stored, Math::max)) {
            return;
        }
        readNewEvents();
        openStreams.forEach(LiveEventStream::eventsAppended);
    }

    /** Looks for other servers' commits; wakes the streams only when there are some. */
    private void followOtherWriters() {
        if (readNewEvents()) {
            openStreams.forEach(LiveEventStream::eventsAppended);
        }
    }

    private boolean readNewEvents() {
        if (openStreams.isEmpty()) {
            return false;
        }
        try {
            return recent.readNewEvents();
        } catch (RuntimeException e) {
            // Streams then read the store themselves: the events are stored, only this shortcut failed.
            log.warn("Could not read the newest events once for all event processors: {}", e.toString());
            return true;
        }
    }

    /** Stops following other servers' writes. */
    public void shutDown() {
        otherWriters.shutdownNow();
    }

    @Override
    public void registerLifecycleHandlers(LifecycleRegistry lifecycle) {
        lifecycle.onShutdown(Phase.INBOUND_EVENT_CONNECTORS - 10, this::shutDown);
    }

    public static class Builder extends AbstractEventStore.Builder {

        private int recentEvents = 4096;
        private Duration otherWritersInterval = Duration.ofSeconds(1);

        /** How many of the newest events are kept for streams that are caught up. */
        public Builder recentEvents(int recentEvents) {
            this.recentEvents = recentEvents;
            return this;
        }

        /** How often the store is looked at for events other servers appended. */
        public Builder otherWritersInterval(Duration otherWritersInterval) {
            this.otherWritersInterval = otherWritersInterval;
            return this;
        }

        EventStorageEngine storageEngine() {
            return storageEngine;
        }

        @Override
        public Builder storageEngine(EventStorageEngine storageEngine) {
            super.storageEngine(storageEngine);
            return this;
        }

        @Override
        public Builder messageMonitor(MessageMonitor<? super EventMessage<?>> messageMonitor) {
            super.messageMonitor(messageMonitor);
            return this;
        }

        @Override
        public Builder spanFactory(EventBusSpanFactory spanFactory) {
            super.spanFactory(spanFactory);
            return this;
        }

        public LiveEventStore build() {
            validate();
            return new LiveEventStore(this);
        }
    }
}
