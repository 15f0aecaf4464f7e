package app.rapport.application.eventstore;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventStream;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The streams of the event store are told of new events once per commit, read once for all of them. */
class LiveEventStoreTest {

    private final ReadCountingEngine engine = new ReadCountingEngine(new InMemoryEventStorageEngine());
    private final LiveEventStore store = LiveEventStore.builder().storageEngine(engine).otherWritersInterval(Duration.ofHours(1)).build();

    @Test
    void aBatchOfCommandsCommittedTogetherIsReadOnceAndWakesEachStreamOnce() throws InterruptedException {
        TrackingEventStream stream = store.openStream(null);
        AtomicInteger wakeUps = new AtomicInteger();
        stream.setOnAvailableCallback(wakeUps::incrementAndGet);
        assertThat(stream.hasNextAvailable(0, TimeUnit.MILLISECONDS)).isFalse(); // caught up: it follows the shared reads now
        int readsBefore = engine.reads.get();

        DefaultUnitOfWork.startAndGet(null).execute(() -> {
            for (int i = 0; i < 50; i++) {
                String payload = "event " + i;
                DefaultUnitOfWork.startAndGet(null).execute(() -> store.publish(GenericEventMessage.asEventMessage(payload)));
            }
        });

        assertThat(engine.reads.get() - readsBefore).isEqualTo(1);
        assertThat(wakeUps).hasValue(1);
        List<Object> delivered = new ArrayList<>();
        while (stream.hasNextAvailable(0, TimeUnit.MILLISECONDS)) {
            delivered.add(stream.nextAvailable().getPayload());
        }
        assertThat(delivered).hasSize(50).startsWith("event 0", "event 1").endsWith("event 49");
    }

    @Test
    void eachSeparateCommitWakesTheStreamsWithItsEvents() throws InterruptedException {
        TrackingEventStream stream = store.openStream(null);
        AtomicInteger wakeUps = new AtomicInteger();
        stream.setOnAvailableCallback(wakeUps::incrementAndGet);
        assertThat(stream.hasNextAvailable(0, TimeUnit.MILLISECONDS)).isFalse();

        for (int i = 0; i < 3; i++) {
            String payload = "event " + i;
            DefaultUnitOfWork.startAndGet(null).execute(() -> store.publish(GenericEventMessage.asEventMessage(payload)));
            assertThat(wakeUps).hasValue(i + 1);
            assertThat(stream.hasNextAvailable(0, TimeUnit.MILLISECONDS)).isTrue();
            assertThat(stream.nextAvailable().getPayload()).isEqualTo(payload);
        }
    }

    /** The engine under the store, counting how often the stream of stored events is read. */
    private static final class ReadCountingEngine implements EventStorageEngine {

        final AtomicInteger reads = new AtomicInteger();
        private final EventStorageEngine stored;

        ReadCountingEngine(EventStorageEngine stored) {
            this.stored = stored;
        }

        @Override
        public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken trackingToken, boolean mayBlock) {
            reads.incrementAndGet();
            return stored.readEvents(trackingToken, mayBlock);
        }

        @Override
        public void appendEvents(List<? extends EventMessage<?>> events) {
            stored.appendEvents(events);
        }

        @Override
        public void storeSnapshot(DomainEventMessage<?> snapshot) {
            stored.storeSnapshot(snapshot);
        }

        @Override
        public DomainEventStream readEvents(String aggregateIdentifier, long firstSequenceNumber) {
            return stored.readEvents(aggregateIdentifier, firstSequenceNumber);
        }

        @Override
        public Optional<DomainEventMessage<?>> readSnapshot(String aggregateIdentifier) {
            return stored.readSnapshot(aggregateIdentifier);
        }
    }
}
