package app.rapport.application.eventstore;

import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventStream;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;

import java.util.Iterator;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * One reader's stream of the event store: from the {@link RecentEvents} shared by all streams once it stands
 * where they are, and until then in batches straight from the storage engine. {@link #eventsAppended()} wakes
 * whoever waits for more: a thread in {@link #hasNextAvailable(int, TimeUnit)}, or the processor's
 * availability callback.
 * <p>
 * Used by one processor thread at a time, as Axon's streams are; only {@link #eventsAppended()} comes from
 * other threads.
 */
final class LiveEventStream implements TrackingEventStream {

    private final EventStorageEngine storage;
    private final RecentEvents recent;
    private final Consumer<LiveEventStream> onClose;
    private final AtomicLong appends = new AtomicLong();
    private final Object appended = new Object();
    private volatile Runnable onAvailable = () -> {
    };

    private TrackingToken lastToken;
    private Stream<? extends TrackedEventMessage<?>> batch;
    private Iterator<? extends TrackedEventMessage<?>> batchIterator;
    private TrackedEventMessage<?> peeked;

    private RecentEvents.Node place;

    LiveEventStream(EventStorageEngine storage, RecentEvents recent, TrackingToken from,
                    Consumer<LiveEventStream> onClose) {
        this.storage = storage;
        this.recent = recent;
        this.lastToken = from;
        this.onClose = onClose;
    }

    void eventsAppended() {
        appends.incrementAndGet();
        synchronized (appended) {
            appended.notifyAll();
        }
        onAvailable.run();
    }

    @Override
    public boolean setOnAvailableCallback(Runnable callback) {
        this.onAvailable = callback;
        return true;
    }

    @Override
    public Optional<TrackedEventMessage<?>> peek() {
        if (peeked == null) {
            peeked = readNext();
        }
        return Optional.ofNullable(peeked);
    }

    @Override
    public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        while (true) {
            long appendsBefore = appends.get();
            if (peek().isPresent()) {
                return true;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            synchronized (appended) {
                if (appends.get() == appendsBefore) {
                    TimeUnit.NANOSECONDS.timedWait(appended, left);
                }
            }
        }
    }

    @Override
    public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
        boolean available;
        do {
            available = hasNextAvailable(Integer.MAX_VALUE, TimeUnit.MILLISECONDS);
        } while (!available);
        TrackedEventMessage<?> next = peeked;
        peeked = null;
        return next;
    }

    private TrackedEventMessage<?> readNext() {
        if (place != null && recent.leftBehind(place)) {
            place = null;
        }
        if (place != null) {
            return stepAlongRecent();
        }
        TrackedEventMessage<?> stored = readStored();
        if (stored != null) {
            return stored;
        }
        // Everything stored is read: from here on, follow the events read once for all streams.
        place = recent.find(lastToken);
        return place == null ? null : stepAlongRecent();
    }

    private TrackedEventMessage<?> stepAlongRecent() {
        RecentEvents.Node next = place.next;
        if (next == null) {
            return null;
        }
        place = next;
        lastToken = next.token;
        return next.event;
    }

    private TrackedEventMessage<?> readStored() {
        if (batchIterator == null) {
            batch = storage.readEvents(lastToken, false);
            batchIterator = batch.iterator();
        }
        if (!batchIterator.hasNext()) {
            closeBatch();
            return null;
        }
        TrackedEventMessage<?> next = batchIterator.next();
        lastToken = next.trackingToken();
        return next;
    }

    private void closeBatch() {
        if (batch != null) {
            batch.close();
        }
        batch = null;
        batchIterator = null;
    }

    @Override
    public void close() {
        closeBatch();
        onClose.accept(this);
    }
}
