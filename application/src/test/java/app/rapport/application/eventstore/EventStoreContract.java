package app.rapport.application.eventstore;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.client.MongoDatabase;
import org.axonframework.common.IdentifierFactory;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.FixedValueRevisionResolver;
import org.axonframework.serialization.Revision;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * What Rapport relies on from its event store, run unchanged against every backend: the embedded server
 * always, real MongoDB wherever one is available. A subclass only says where a test's data lives.
 */
abstract class EventStoreContract {

    static final String CONTACT = "Contact";
    static final Serializer SERIALIZER = JacksonSerializer.defaultSerializer();

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final Duration WRITE_DEADLINE = Duration.ofSeconds(10);
    private static final Duration GAP_TIMEOUT = Duration.ofSeconds(60);
    private static final Instant MORNING = Instant.parse("2025-03-03T09:00:00Z");
    private static final String PROCESSOR = "contract-projection";
    private static final String NODE = "rapport-node-1";
    private static final Duration LONG_CLAIM = Duration.ofHours(1);

    record NoteTaken(String text) {
    }

    @Revision("2")
    record ContactRenamed(String fullName) {
    }

    /** A snapshot's payload: the state of a contact after some notes. */
    record ContactSummary(String contactId, long notes) {
    }

    private final ExecutorService background = Executors.newCachedThreadPool();
    private final List<Configuration> configurations = new CopyOnWriteArrayList<>();
    private TestStore store;
    private TestStore.Connection connection;

    /** A store holding nothing yet, for one test. */
    abstract TestStore newStore();

    @BeforeEach
    void openNewStore() {
        store = newStore();
        connection = store.open();
    }

    @AfterEach
    void discardStore() throws InterruptedException {
        configurations.forEach(this::stop);
        background.shutdownNow();
        background.awaitTermination(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        closeConnection();
        store.discard();
    }

    // ================================================================ ordering

    @Test
    void aggregateEventsComeBackInSequenceOrder() {
        MongoEventStorageEngine engine = newEngine();
        List<DomainEventMessage<?>> ada = notes("ada", 0, 7);
        ada.set(2, ada.get(2).andMetaData(Map.of("causedBy", "user:ada")));
        List<DomainEventMessage<?>> bob = notes("bob", 0, 3);

        engine.appendEvents(ada.subList(0, 3));
        engine.appendEvents(bob.subList(0, 2));
        engine.appendEvents(ada.subList(3, 4));
        engine.appendEvents(List.of(bob.get(2), ada.get(4)));
        engine.appendEvents(ada.subList(5, 7));

        List<DomainEventMessage<?>> read = aggregateEvents(engine, "ada", 0);
        assertThat(ids(read)).containsExactlyElementsOf(ids(ada));
        assertThat(read).extracting(DomainEventMessage::getSequenceNumber).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(payloads(read)).containsExactlyElementsOf(payloads(ada));
        assertThat(read).extracting(DomainEventMessage::getType).containsOnly(CONTACT);
        assertThat(read).extracting(DomainEventMessage::getAggregateIdentifier).containsOnly("ada");
        assertThat(read.get(2).getMetaData()).containsEntry("causedBy", "user:ada");
        assertThat(ids(aggregateEvents(engine, "bob", 0))).containsExactlyElementsOf(ids(bob));
    }

    @Test
    void aggregateStreamsLongerThanOneBatchAreReadInFull() {
        MongoEventStorageEngine engine = newEngine();
        List<DomainEventMessage<?>> ada = notes("ada", 0, 260);
        for (int first = 0; first < ada.size(); first += 13) {
            engine.appendEvents(ada.subList(first, first + 13));
            engine.appendEvents(note("bob", first / 13));
        }

        List<DomainEventMessage<?>> read = aggregateEvents(engine, "ada", 0);

        assertThat(read).extracting(DomainEventMessage::getSequenceNumber)
                        .containsExactlyElementsOf(LongStream.range(0, 260).boxed().toList());
        assertThat(ids(read)).containsExactlyElementsOf(ids(ada));
    }

    @Test
    void aggregateReadsStartAtTheRequestedSequenceNumber() {
        MongoEventStorageEngine engine = newEngine();
        List<DomainEventMessage<?>> ada = notes("ada", 0, 8);
        engine.appendEvents(ada.subList(0, 3));
        engine.appendEvents(ada.subList(3, 7));
        engine.appendEvents(ada.subList(7, 8));

        assertThat(ids(aggregateEvents(engine, "ada", 3))).containsExactlyElementsOf(ids(ada.subList(3, 8)));
        // Sequence 5 lies in the middle of a commit of four events.
        assertThat(ids(aggregateEvents(engine, "ada", 5))).containsExactlyElementsOf(ids(ada.subList(5, 8)));
        assertThat(aggregateEvents(engine, "ada", 8)).isEmpty();
        assertThat(aggregateEvents(engine, "nobody", 0)).isEmpty();
    }

    @Test
    void trackingReadsDeliverEveryEventInGlobalOrder() {
        MongoEventStorageEngine engine = newEngine();
        List<List<DomainEventMessage<?>>> commits = List.of(
                notes("ada", 0, 1), notes("bob", 0, 3), notes("ada", 1, 2), notes("cyd", 0, 1), notes("bob", 3, 2));
        commits.forEach(engine::appendEvents);

        List<TrackedEventMessage<?>> read = readFrom(engine, null);

        assertThat(ids(read)).containsExactlyElementsOf(ids(commits.stream().flatMap(List::stream).toList()));
        assertThat(payloads(read)).containsExactlyElementsOf(payloads(commits.stream().flatMap(List::stream).toList()));
        List<Long> positions = read.stream().map(event -> tokenOf(event).getIndex()).toList();
        assertThat(positions).isSorted();
        assertThat(tokenOf(read.get(read.size() - 1)).hasGaps()).isFalse();
    }

    /** A processor stores the token of the last event it handled, which may lie inside a commit. */
    @Test
    void readersResumeAfterAnyEventEvenInsideACommit() {
        MongoEventStorageEngine engine = newEngine();
        List<List<DomainEventMessage<?>>> commits = List.of(
                notes("ada", 0, 1), notes("bob", 0, 3), notes("ada", 1, 2), notes("cyd", 0, 1));
        commits.forEach(engine::appendEvents);
        List<String> all = ids(commits.stream().flatMap(List::stream).toList());
        List<TrackedEventMessage<?>> read = readFrom(engine, null);

        for (int position = 0; position < read.size(); position++) {
            assertThat(ids(readFrom(engine, read.get(position).trackingToken())))
                    .as("after event %d", position)
                    .containsExactlyElementsOf(all.subList(position + 1, all.size()));
        }
    }

    // ================================================================ concurrency

    @Test
    void concurrentWritersLoseNoEventAndDuplicateNone() throws Exception {
        MongoEventStorageEngine engine = newEngine();

        List<DomainEventMessage<?>> acknowledged = appendConcurrently(engine);

        assertAggregatesHoldExactly(engine, acknowledged);
        List<TrackedEventMessage<?>> read = readFrom(engine, null);
        assertReceivedEachOnce(read, acknowledged);
        assertThat(read.stream().map(event -> tokenOf(event).getIndex()).toList()).isSorted();
        assertThat(tokenOf(read.get(read.size() - 1)).hasGaps()).isFalse();
    }

    @Test
    void readersSeeEveryEventOnceInGlobalOrder() throws Exception {
        MongoEventStorageEngine engine = newEngine();
        AtomicBoolean writing = new AtomicBoolean(true);
        List<Reader> readers = List.of(new Reader(engine), new Reader(engine), new Reader(engine));
        List<DomainEventMessage<?>> acknowledged = new CopyOnWriteArrayList<>();
        List<Future<?>> reading = new ArrayList<>();
        for (Reader reader : readers) {
            // Each reader follows the stream while the writers race, then catches up once they are done.
            reading.add(background.submit(() -> {
                long deadline = System.nanoTime() + PATIENCE.toNanos();
                while (writing.get() || reader.received.size() < acknowledged.size()) {
                    if (reader.readNew().isEmpty()) {
                        if (System.nanoTime() > deadline) {
                            throw new AssertionError("Reader stuck at " + reader.received.size() + " events");
                        }
                        Thread.sleep(2);
                    }
                }
                return null;
            }));
        }

        try {
            acknowledged.addAll(appendConcurrently(engine));
        } finally {
            writing.set(false);
        }
        for (Future<?> reader : reading) {
            reader.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        }

        for (Reader reader : readers) {
            assertThat(reader.readNew()).isEmpty();
            assertReceivedEachOnce(reader.received, acknowledged);
        }
        Reader lateReader = new Reader(engine);
        lateReader.readNew();
        assertReceivedEachOnce(lateReader.received, acknowledged);
        assertThat(lateReader.received.stream().map(event -> tokenOf(event).getIndex()).toList()).isSorted();
    }

    @Test
    void racingWritersOnTheSameVersionLetExactlyOneWin() throws Exception {
        MongoEventStorageEngine engine = newEngine();
        List<DomainEventMessage<?>> stored = new ArrayList<>();
        for (int round = 0; round < 20; round++) {
            String aggregateId = "race-" + round;
            // Even rounds race to create the aggregate, odd rounds to extend it.
            long version = round % 2;
            if (version == 1) {
                DomainEventMessage<?> created = note(aggregateId, 0);
                engine.appendEvents(created);
                stored.add(created);
            }
            List<DomainEventMessage<?>> single = notes(aggregateId, version, 1);
            List<DomainEventMessage<?>> triple = notes(aggregateId, version, 3);
            CyclicBarrier start = new CyclicBarrier(2);
            Future<Throwable> singleWriter = background.submit(() -> attemptAfter(start, engine, single));
            Future<Throwable> tripleWriter = background.submit(() -> attemptAfter(start, engine, triple));
            Throwable singleFailure = singleWriter.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
            Throwable tripleFailure = tripleWriter.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);

            assertThat(singleFailure == null ^ tripleFailure == null)
                    .as("exactly one writer wins, got %s and %s", singleFailure, tripleFailure).isTrue();
            Throwable loss = singleFailure != null ? singleFailure : tripleFailure;
            Class<?> expectedLoss = version == 0 ? AggregateStreamCreationException.class : ConcurrencyException.class;
            assertThat(loss).isInstanceOf(expectedLoss);
            List<DomainEventMessage<?>> winner = singleFailure == null ? single : triple;
            assertThat(ids(aggregateEvents(engine, aggregateId, version))).containsExactlyElementsOf(ids(winner));
            stored.addAll(winner);
        }
        assertReceivedEachOnce(readFrom(engine, null), stored);
    }

    @Test
    void aCommitThatLostTheRaceStoresNoneOfItsEvents() throws Exception {
        MongoEventStorageEngine engine = newEngine();
        DomainEventMessage<?> created = note("ada", 0);
        engine.appendEvents(created);
        StalledWriter slow = new StalledWriter(StalledWriter.Stage.BEFORE_INSERT);
        MongoEventStorageEngine slowEngine = engineBuilder().database(slow.wrap(database())).build();

        // Only the first of the slow writer's three events clashes with the winner.
        Future<Throwable> losing = background.submit(() -> attempt(slowEngine, notes("ada", 1, 3)));
        slow.awaitStalled();
        DomainEventMessage<?> winning = note("ada", 1);
        engine.appendEvents(winning);
        slow.resume();

        assertThat(losing.get(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isInstanceOf(ConcurrencyException.class);
        // Version 2 is still free: the losing commit left none of its events behind.
        DomainEventMessage<?> next = note("ada", 2);
        engine.appendEvents(next);
        assertThat(ids(aggregateEvents(engine, "ada", 0))).containsExactlyElementsOf(ids(List.of(created, winning, next)));
        Reader reader = new Reader(engine);
        assertThat(ids(reader.readNew())).containsExactlyElementsOf(ids(List.of(created, winning, next)));
        assertThat(reader.token().hasGaps()).isFalse();
    }

    // ================================================================ gaps

    @Test
    void stalledWriterDoesNotMakeReadersSkipItsEvents() throws Exception {
        MongoEventStorageEngine engine = newEngine();
        DomainEventMessage<?> first = note("ada", 0);
        engine.appendEvents(first);
        StalledWriter slow = new StalledWriter(StalledWriter.Stage.BEFORE_INSERT);
        MongoEventStorageEngine slowEngine = engineBuilder().database(slow.wrap(database())).build();
        List<DomainEventMessage<?>> late = notes("late", 0, 2);
        Future<Throwable> lateWrite = background.submit(() -> attempt(slowEngine, late));
        slow.awaitStalled();
        List<DomainEventMessage<?>> later = notes("bob", 0, 2);
        engine.appendEvents(later);

        Reader reader = new Reader(engine);
        assertThat(ids(reader.readNew())).containsExactlyElementsOf(ids(List.of(first, later.get(0), later.get(1))));
        assertThat(reader.token().getGaps()).hasSize(late.size());
        assertThat(reader.readNew()).isEmpty();

        slow.resume();
        assertThat(lateWrite.get(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isNull();
        assertThat(ids(reader.readNew())).containsExactlyElementsOf(ids(late));
        assertThat(reader.readNew()).isEmpty();
        assertThat(reader.token().hasGaps()).isFalse();
        // A reader starting now finds the late events where their indexes put them.
        assertThat(ids(readFrom(engine, null)))
                .containsExactlyElementsOf(ids(List.of(first, late.get(0), late.get(1), later.get(0), later.get(1))));
    }

    @Test
    void aTrackingReaderTellsOfEachWindowItFetchedBeforeTheEventsInItAreOpened() {
        List<List<String>> windows = new CopyOnWriteArrayList<>();
        List<String> opened = new CopyOnWriteArrayList<>();
        MongoEventStorageEngine engine = engineBuilder()
                .batchSize(4)
                .fetchedEvents(window -> windows.add(window.stream()
                                                           .map(event -> ((DomainEventData<?>) event).getEventIdentifier())
                                                           .toList()))
                .build();
        List<DomainEventMessage<?>> stored = concat(notes("ada", 0, 6), notes("bob", 0, 3));
        engine.appendEvents(stored.subList(0, 6));
        engine.appendEvents(stored.subList(6, 9));

        try (Stream<? extends TrackedEventMessage<?>> events = engine.readEvents(null, false)) {
            events.forEach(event -> {
                assertThat(windows.stream().flatMap(List::stream)).as("told of before it is read").contains(event.getIdentifier());
                opened.add(event.getIdentifier());
            });
        }

        assertThat(opened).containsExactlyElementsOf(ids(stored));
        assertThat(windows.stream().flatMap(List::stream).toList()).containsExactlyElementsOf(ids(stored));
        assertThat(windows).as("read in several windows, each told of").hasSizeGreaterThan(1);
    }

    @Test
    void aReadersStreamEndsAtTheHeadItFoundAndLeavesWhatIsStoredMeanwhileToItsNextRead() {
        MongoEventStorageEngine engine = engineBuilder().batchSize(2).build();
        List<DomainEventMessage<?>> first = notes("ada", 0, 5);
        engine.appendEvents(first);
        DomainEventMessage<?> meanwhile = note("bob", 0);
        List<TrackedEventMessage<?>> read = new ArrayList<>();

        try (Stream<? extends TrackedEventMessage<?>> events = engine.readEvents(null, false)) {
            events.forEach(event -> {
                read.add(event);
                if (read.size() == first.size()) {
                    engine.appendEvents(meanwhile);
                }
            });
        }

        assertThat(ids(read)).as("one commit, one window, whatever the batch size").containsExactlyElementsOf(ids(first));
        assertThat(ids(readFrom(engine, read.get(read.size() - 1).trackingToken()))).containsExactly(meanwhile.getIdentifier());
    }

    @Test
    void abandonedCommitsDoNotHoldReadersBack() {
        // A small batch, so that the abandoned commits fill several of the reader's windows.
        MongoEventStorageEngine engine = engineBuilder().batchSize(4).build();
        engine.appendEvents(note("ada", 0));
        Reader reader = new Reader(engine);
        reader.readNew();

        for (int attempt = 0; attempt < 10; attempt++) {
            assertThatThrownBy(() -> engine.appendEvents(notes("ada", 0, 2)))
                    .isInstanceOf(AggregateStreamCreationException.class);
        }
        DomainEventMessage<?> next = note("bob", 0);
        engine.appendEvents(next);

        assertThat(ids(reader.readNew())).containsExactly(next.getIdentifier());
        assertThat(reader.token().hasGaps()).isFalse();
    }

    @Test
    void writerPastItsDeadlineStoresNothingAndFreesItsIndexes() throws Exception {
        MutableClock clock = new MutableClock(MORNING);
        MongoEventStorageEngine engine = timedEngine(clock, database());
        StalledWriter slow = new StalledWriter(StalledWriter.Stage.AFTER_ALLOCATION);
        MongoEventStorageEngine slowEngine = timedEngine(clock, slow.wrap(database()));
        Future<Throwable> lateWrite = background.submit(() -> attempt(slowEngine, notes("late", 0, 2)));
        slow.awaitStalled();
        engine.appendEvents(note("ada", 0));
        Reader reader = new Reader(engine);
        reader.readNew();
        assertThat(reader.token().getGaps()).hasSize(2);

        clock.advance(WRITE_DEADLINE.plusMillis(1));
        slow.resume();

        assertThat(lateWrite.get(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isInstanceOf(EventStoreException.class);
        assertThat(aggregateEvents(engine, "late", 0)).isEmpty();
        List<DomainEventMessage<?>> retried = notes("late", 0, 2);
        engine.appendEvents(retried);
        assertThat(ids(reader.readNew())).containsExactlyElementsOf(ids(retried));
        assertThat(reader.token().hasGaps()).isFalse();
    }

    @Test
    void aWriterStalledPastTheGapTimeoutCannotLandBehindReadersThatMovedOn() throws Exception {
        MutableClock clock = new MutableClock(MORNING);
        MongoEventStorageEngine engine = timedEngine(clock, database());
        // Stalled right before its insert, after its deadline was checked: only the store can stop it now.
        StalledWriter slow = new StalledWriter(StalledWriter.Stage.BEFORE_INSERT);
        MongoEventStorageEngine slowEngine = timedEngine(clock, slow.wrap(database()));
        Future<Throwable> lateWrite = background.submit(() -> attempt(slowEngine, notes("late", 0, 2)));
        slow.awaitStalled();
        DomainEventMessage<?> later = note("ada", 0);
        engine.appendEvents(later);
        Reader reader = new Reader(engine);
        assertThat(ids(reader.readNew())).containsExactly(later.getIdentifier());
        assertThat(reader.token().getGaps()).hasSize(2);

        clock.advance(GAP_TIMEOUT.plusMillis(1));
        // The reader finds the commit behind the gaps stale and fences them.
        assertThat(reader.readNew()).isEmpty();

        slow.resume();
        assertThat(lateWrite.get(PATIENCE.toSeconds(), TimeUnit.SECONDS))
                .isInstanceOf(EventStoreException.class)
                .hasMessageContaining("nothing was stored");
        assertThat(aggregateEvents(engine, "late", 0)).as("the late commit was refused, not stored").isEmpty();
        assertThat(ids(readFrom(engine, null))).containsExactly(later.getIdentifier());
        List<DomainEventMessage<?>> retried = notes("late", 0, 2);
        engine.appendEvents(retried);
        assertThat(ids(reader.readNew())).containsExactlyElementsOf(ids(retried));
        assertThat(reader.token().hasGaps()).as("moved past the fenced gaps").isFalse();
    }

    @Test
    void gapBehindAStaleCommitIsDroppedAfterGapTimeout() throws Exception {
        MutableClock clock = new MutableClock(MORNING);
        MongoEventStorageEngine engine = timedEngine(clock, database());
        StalledWriter dead = new StalledWriter(StalledWriter.Stage.BEFORE_INSERT);
        MongoEventStorageEngine deadEngine = timedEngine(clock, dead.wrap(database()));
        Future<Throwable> lostWrite = background.submit(() -> attempt(deadEngine, notes("lost", 0, 1)));
        dead.awaitStalled();
        // Its node loses the database for good: nothing will ever fill the writer's index.
        dead.cutOff();
        assertThat(lostWrite.get(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isInstanceOf(EventStoreException.class);

        engine.appendEvents(note("ada", 0));
        Reader reader = new Reader(engine);
        reader.readNew();
        assertThat(reader.token().getGaps()).hasSize(1);

        clock.advance(GAP_TIMEOUT.dividedBy(2));
        engine.appendEvents(note("ada", 1));
        reader.readNew();
        assertThat(reader.token().getGaps()).as("the commit behind the gap is not stale yet").hasSize(1);

        clock.advance(GAP_TIMEOUT.dividedBy(2).plusSeconds(1));
        DomainEventMessage<?> last = note("ada", 2);
        engine.appendEvents(last);
        assertThat(ids(reader.readNew())).containsExactly(last.getIdentifier());
        assertThat(reader.token().hasGaps()).isFalse();
    }

    // ================================================================ snapshots

    @Test
    void storedSnapshotIsReadBack() {
        MongoEventStorageEngine engine = newEngine();
        engine.appendEvents(notes("ada", 0, 5));

        engine.storeSnapshot(snapshot("ada", 4));

        DomainEventMessage<?> snapshot = engine.readSnapshot("ada").orElseThrow();
        assertThat(snapshot.getPayload()).isEqualTo(new ContactSummary("ada", 5));
        assertThat(snapshot.getSequenceNumber()).isEqualTo(4);
        assertThat(snapshot.getAggregateIdentifier()).isEqualTo("ada");
        assertThat(snapshot.getType()).isEqualTo(CONTACT);
        assertThat(engine.readSnapshot("bob")).isEmpty();
    }

    @Test
    void loadingAnAggregateWithASnapshotReadsOnlyTheEventsAfterIt() {
        MongoEventStorageEngine engine = newEngine();
        List<DomainEventMessage<?>> ada = notes("ada", 0, 10);
        engine.appendEvents(ada.subList(0, 6));
        engine.appendEvents(ada.subList(6, 10));
        // Taken in the middle of the second commit.
        engine.storeSnapshot(snapshot("ada", 7));
        EmbeddedEventStore eventStore = EmbeddedEventStore.builder().storageEngine(engine).build();
        try {
            List<? extends DomainEventMessage<?>> loaded = eventStore.readEvents("ada").asStream().toList();

            assertThat(loaded.get(0).getPayload()).isEqualTo(new ContactSummary("ada", 8));
            assertThat(ids(loaded.subList(1, loaded.size()))).containsExactlyElementsOf(ids(ada.subList(8, 10)));
        } finally {
            eventStore.shutDown();
        }
    }

    @Test
    void anOlderSnapshotDoesNotReplaceANewerOne() {
        MongoEventStorageEngine engine = newEngine();
        engine.appendEvents(notes("ada", 0, 10));

        engine.storeSnapshot(snapshot("ada", 7));
        engine.storeSnapshot(snapshot("ada", 3));
        assertThat(engine.readSnapshot("ada").orElseThrow().getSequenceNumber()).isEqualTo(7);

        engine.storeSnapshot(snapshot("ada", 9));
        assertThat(engine.readSnapshot("ada").orElseThrow().getPayload()).isEqualTo(new ContactSummary("ada", 10));
    }

    // ================================================================ upcasting

    @Test
    void oldRevisionsAreUpcastOnAggregateReads() {
        List<DomainEventMessage<?>> renames = appendRenamesAtBothRevisions();
        NameBecameFullName upcaster = new NameBecameFullName();
        MongoEventStorageEngine engine = engineBuilder().upcasterChain(upcaster).build();

        List<DomainEventMessage<?>> read = aggregateEvents(engine, "ada", 0);

        assertThat(payloads(read)).containsExactlyElementsOf(payloads(renames));
        assertThat(ids(read)).containsExactlyElementsOf(ids(renames));
        assertThat(upcaster.upcasts()).as("only the event stored at revision 1 needs upcasting").isEqualTo(1);
    }

    @Test
    void oldRevisionsAreUpcastOnTrackingReads() {
        List<DomainEventMessage<?>> renames = appendRenamesAtBothRevisions();
        NameBecameFullName upcaster = new NameBecameFullName();
        MongoEventStorageEngine engine = engineBuilder().upcasterChain(upcaster).build();

        List<TrackedEventMessage<?>> read = readFrom(engine, null);

        assertThat(payloads(read)).containsExactlyElementsOf(payloads(renames));
        assertThat(ids(read)).containsExactlyElementsOf(ids(renames));
        assertThat(upcaster.upcasts()).isEqualTo(1);
    }

    // ================================================================ restarts and processors

    @Test
    void storeSurvivesARestartAndKeepsCounting() {
        List<DomainEventMessage<?>> before = notes("ada", 0, 4);
        newEngine().appendEvents(before);
        newEngine().storeSnapshot(snapshot("ada", 3));

        restart();
        MongoEventStorageEngine engine = newEngine();
        List<DomainEventMessage<?>> after = notes("bob", 0, 2);
        engine.appendEvents(after);

        assertThat(ids(aggregateEvents(engine, "ada", 0))).containsExactlyElementsOf(ids(before));
        assertThat(engine.readSnapshot("ada").orElseThrow().getSequenceNumber()).isEqualTo(3);
        assertThat(ids(readFrom(engine, null))).containsExactlyElementsOf(ids(concat(before, after)));
    }

    @Test
    void aMissingCounterContinuesAfterTheStoredEvents() {
        List<DomainEventMessage<?>> before = notes("ada", 0, 3);
        newEngine().appendEvents(before);
        database().getCollection(MongoEventStorageEngine.SEQUENCES).deleteMany(new org.bson.Document());

        MongoEventStorageEngine engine = newEngine();
        List<DomainEventMessage<?>> after = notes("bob", 0, 1);
        engine.appendEvents(after);

        assertThat(ids(readFrom(engine, null))).containsExactlyElementsOf(ids(concat(before, after)));
    }

    @Test
    void aCounterBehindTheStoredEventsRefusesAppendsInsteadOfLosingThem() {
        MongoEventStorageEngine engine = newEngine();
        engine.appendEvents(notes("ada", 0, 2));
        database().getCollection(MongoEventStorageEngine.SEQUENCES)
                  .updateOne(new org.bson.Document("_id", "events"), new org.bson.Document("$set", new org.bson.Document("value", 0L)));

        assertThatThrownBy(() -> engine.appendEvents(notes("bob", 0, 1)))
                .isInstanceOf(EventStoreException.class)
                .hasMessageContaining("counter");
        assertThat(aggregateEvents(engine, "bob", 0)).isEmpty();
    }

    @Test
    void theSenderOfACommandLearnsWhereItsEventsLanded() {
        AppendedPositions positions = new AppendedPositions();
        MongoEventStorageEngine engine = engineBuilder().appendedPositions(positions).build();
        engine.appendEvents(notes("ada", 0, 2));
        positions.expect("command-1");

        engine.appendEvents(causedBy("command-1", notes("bob", 0, 3)));
        engine.appendEvents(causedBy("command-2", notes("cy", 0, 1)));

        long lastIndex = positions.take("command-1").orElseThrow();
        List<? extends TrackedEventMessage<?>> all = readFrom(engine, null);
        assertThat(((GapAwareTrackingToken) all.get(4).trackingToken()).getIndex()).isEqualTo(lastIndex);
        assertThat(positions.take("command-1")).as("taken once").isEmpty();
        assertThat(positions.take("command-2")).as("nobody expected it").isEmpty();
    }

    private static List<DomainEventMessage<?>> causedBy(String commandId, List<DomainEventMessage<?>> events) {
        return events.stream()
                     .<DomainEventMessage<?>>map(event -> event.andMetaData(Map.of(AppendedPositions.CORRELATION_ID, commandId)))
                     .toList();
    }

    @Test
    void trackingProcessorResumesFromItsStoredTokenAfterRestart() throws Exception {
        List<DomainEventMessage<?>> before = concat(notes("ada", 0, 3), notes("bob", 0, 1), notes("ada", 3, 2));
        appendOneCommitPerAggregateRun(before);
        Projection first = new Projection();
        Configuration node = startProjection(tokenStore(NODE), first);
        await("the first run handled every event", () -> first.handled.size() >= before.size());
        stop(node);
        assertThat(first.handled).containsExactlyElementsOf(ids(before));

        restart();
        List<DomainEventMessage<?>> after = concat(notes("cyd", 0, 2), notes("ada", 5, 1));
        appendOneCommitPerAggregateRun(after);
        Projection second = new Projection();
        Configuration restarted = startProjection(tokenStore(NODE), second);
        await("the restarted node handled the new events", () -> second.handled.size() >= after.size());
        stop(restarted);

        assertThat(second.handled).containsExactlyElementsOf(ids(after));
    }

    @Test
    void restartedNodeReclaimsItsSegmentAtOnce() throws Exception {
        List<DomainEventMessage<?>> before = notes("ada", 0, 3);
        newEngine().appendEvents(before);
        Projection first = new Projection();
        Configuration node = startProjection(new ClaimsLeftBehind(tokenStore(NODE)), first);
        await("the first run handled every event", () -> first.handled.size() >= before.size());
        stop(node);

        restart();
        assertThatThrownBy(() -> tokenStore("rapport-node-2").fetchToken(PROCESSOR, 0))
                .as("the claim is still held, so another node would wait for the claim timeout")
                .isInstanceOf(UnableToClaimTokenException.class);
        List<DomainEventMessage<?>> after = notes("bob", 0, 2);
        newEngine().appendEvents(after);
        Projection second = new Projection();
        Configuration restarted = startProjection(tokenStore(NODE), second);
        await("the restarted node handled the new events", () -> second.handled.size() >= after.size());
        stop(restarted);

        assertThat(first.handled).containsExactlyElementsOf(ids(before));
        assertThat(second.handled).containsExactlyElementsOf(ids(after));
    }

    @Test
    void processorStoppedInsideACommitLosesNoneOfItsEvents() throws Exception {
        List<DomainEventMessage<?>> commit = notes("ada", 0, 3);
        List<DomainEventMessage<?>> all = concat(notes("bob", 0, 1), commit, notes("cyd", 0, 1));
        MongoEventStorageEngine engine = newEngine();
        engine.appendEvents(all.subList(0, 1));
        engine.appendEvents(commit);
        engine.appendEvents(all.subList(4, 5));
        Projection first = new Projection().pausingAt(commit.get(0).getIdentifier());
        Configuration node = startProjection(tokenStore(NODE), first);
        first.awaitPaused();

        Future<?> stopping = background.submit(() -> stop(node));
        TrackingEventProcessor processor = node.eventProcessingConfiguration()
                                               .eventProcessor(PROCESSOR, TrackingEventProcessor.class).orElseThrow();
        await("the processor is stopping", () -> !processor.isRunning());
        first.resumeHandling();
        stopping.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);

        restart();
        Projection second = new Projection();
        Configuration restarted = startProjection(tokenStore(NODE), second);
        await("both runs together handled every event",
              () -> first.handled.size() + second.handled.size() >= all.size());
        stop(restarted);

        assertThat(concat(first.handled, second.handled)).containsExactlyElementsOf(ids(all));
    }

    // ================================================================ crash durability

    @Test
    void acknowledgedAppendsSurviveAKilledProcess() throws Exception {
        // While the child runs it owns the store: the embedded server lets only one process open its file.
        closeConnection();
        Path childErrors = Files.createTempFile("rapport-append-until-killed", ".log");
        try {
            Map<String, Long> lastAcknowledged = runChildUntilKilled(childErrors, 200);

            connection = store.open();
            MongoEventStorageEngine engine = newEngine();
            assertThat(lastAcknowledged).hasSize(AppendUntilKilled.AGGREGATES);
            lastAcknowledged.forEach((aggregateId, lastSequence) -> assertThat(aggregateEvents(engine, aggregateId, 0))
                    .as("events of %s up to its acknowledged sequence %d", aggregateId, lastSequence)
                    .extracting(DomainEventMessage::getSequenceNumber)
                    .startsWith(LongStream.rangeClosed(0, lastSequence).boxed().toArray(Long[]::new)));
        } finally {
            Files.deleteIfExists(childErrors);
        }
    }

    // ================================================================ tokens and positions

    @Test
    void headTokenMarksTheEndOfTheStream() {
        MongoEventStorageEngine engine = newEngine();
        assertThat(readFrom(engine, engine.createHeadToken())).isEmpty();
        engine.appendEvents(notes("ada", 0, 3));
        assertThatThrownBy(() -> engine.appendEvents(note("ada", 0))).isInstanceOf(AggregateStreamCreationException.class);

        TrackingToken head = engine.createHeadToken();
        assertThat(readFrom(engine, head)).isEmpty();

        List<DomainEventMessage<?>> later = notes("bob", 0, 2);
        engine.appendEvents(later);
        assertThat(ids(readFrom(engine, head))).containsExactlyElementsOf(ids(later));
    }

    @Test
    void tokenAtAnInstantStartsWithTheFirstEventFromThatInstant() {
        MongoEventStorageEngine engine = newEngine();
        List<List<DomainEventMessage<?>>> commits = List.of(
                notesAt("ada", 0, 1, MORNING),
                // Longer than the engine's probes, so that a probe may land inside it.
                notesAt("bob", 0, 100, MORNING.plusSeconds(10)),
                notesAt("ada", 1, 1, MORNING.plusSeconds(20)),
                notesAt("cyd", 0, 3, MORNING.plusSeconds(30)));
        commits.forEach(engine::appendEvents);
        List<DomainEventMessage<?>> all = commits.stream().flatMap(List::stream).toList();

        for (long second : new long[]{-3600, 0, 5, 10, 15, 20, 25, 30, 3600}) {
            Instant at = MORNING.plusSeconds(second);
            List<String> expected = ids(all.stream().filter(event -> !event.getTimestamp().isBefore(at)).toList());

            assertThat(ids(readFrom(engine, engine.createTokenAt(at)))).as("from %s", at)
                                                                       .containsExactlyElementsOf(expected);
        }
    }

    @Test
    void lastSequenceNumberIsTheHighestStoredForTheAggregate() {
        MongoEventStorageEngine engine = newEngine();
        assertThat(engine.lastSequenceNumberFor("ada")).isEmpty();

        engine.appendEvents(note("ada", 0));
        assertThat(engine.lastSequenceNumberFor("ada")).contains(0L);

        List<DomainEventMessage<?>> more = notes("ada", 1, 149);
        for (int first = 0; first < more.size(); first += 10) {
            engine.appendEvents(more.subList(first, Math.min(first + 10, more.size())));
        }
        engine.appendEvents(notes("ada-2", 0, 200));
        assertThat(engine.lastSequenceNumberFor("ada")).contains(149L);

        engine.appendEvents(notes("bob", 0, 6));
        engine.storeSnapshot(snapshot("bob", 5));
        assertThat(engine.lastSequenceNumberFor("bob")).contains(5L);
        engine.appendEvents(notes("bob", 6, 2));
        assertThat(engine.lastSequenceNumberFor("bob")).contains(7L);
    }

    // ================================================================ the store under test

    MongoDatabase database() {
        return connection.database();
    }

    /** Closes everything over the data and opens it again, as a restarted server would. */
    void restart() {
        closeConnection();
        connection = store.open();
    }

    private void closeConnection() {
        if (connection != null) {
            connection.close();
            connection = null;
        }
    }

    static MongoEventStorageEngine.Builder engineBuilder(TestStore.Connection connection) {
        return MongoEventStorageEngine.builder()
                                      .database(connection.database())
                                      .durability(connection.durability())
                                      .eventSerializer(SERIALIZER)
                                      .snapshotSerializer(SERIALIZER);
    }

    MongoEventStorageEngine.Builder engineBuilder() {
        return engineBuilder(connection);
    }

    MongoEventStorageEngine newEngine() {
        return engineBuilder().build();
    }

    private MongoEventStorageEngine timedEngine(MutableClock clock, MongoDatabase database) {
        return engineBuilder().database(database)
                              .clock(clock)
                              .writeDeadline(WRITE_DEADLINE)
                              .gapTimeout(GAP_TIMEOUT)
                              .build();
    }

    // ================================================================ events

    static DomainEventMessage<NoteTaken> note(String aggregateId, long sequence) {
        return new GenericDomainEventMessage<>(CONTACT, aggregateId, sequence, noteText(aggregateId, sequence));
    }

    private static NoteTaken noteText(String aggregateId, long sequence) {
        return new NoteTaken(aggregateId + " note " + sequence);
    }

    static List<DomainEventMessage<?>> notes(String aggregateId, long firstSequence, int count) {
        List<DomainEventMessage<?>> notes = new ArrayList<>(count);
        for (long sequence = firstSequence; sequence < firstSequence + count; sequence++) {
            notes.add(note(aggregateId, sequence));
        }
        return notes;
    }

    /** Notes written at the given instant, as if their command had run then. */
    private static List<DomainEventMessage<?>> notesAt(String aggregateId, long firstSequence, int count,
                                                       Instant timestamp) {
        List<DomainEventMessage<?>> notes = new ArrayList<>(count);
        for (long sequence = firstSequence; sequence < firstSequence + count; sequence++) {
            notes.add(new GenericDomainEventMessage<>(CONTACT, aggregateId, sequence, noteText(aggregateId, sequence),
                                                      MetaData.emptyInstance(),
                                                      IdentifierFactory.getInstance().generateIdentifier(), timestamp));
        }
        return notes;
    }

    private static DomainEventMessage<ContactSummary> snapshot(String aggregateId, long sequence) {
        ContactSummary summary = new ContactSummary(aggregateId, sequence + 1);
        return new GenericDomainEventMessage<>(CONTACT, aggregateId, sequence, summary);
    }

    /** Appends each run of events of one aggregate as one commit. */
    private void appendOneCommitPerAggregateRun(List<DomainEventMessage<?>> events) {
        MongoEventStorageEngine engine = newEngine();
        int start = 0;
        for (int end = 1; end <= events.size(); end++) {
            String aggregateId = events.get(start).getAggregateIdentifier();
            if (end == events.size() || !events.get(end).getAggregateIdentifier().equals(aggregateId)) {
                engine.appendEvents(events.subList(start, end));
                start = end;
            }
        }
    }

    // ================================================================ reading

    static List<DomainEventMessage<?>> aggregateEvents(EventStorageEngine engine, String aggregateId, long firstSequence) {
        return new ArrayList<>(engine.readEvents(aggregateId, firstSequence).asStream().toList());
    }

    static List<TrackedEventMessage<?>> readFrom(EventStorageEngine engine, TrackingToken token) {
        try (Stream<? extends TrackedEventMessage<?>> events = engine.readEvents(token, false)) {
            return new ArrayList<>(events.toList());
        }
    }

    private static GapAwareTrackingToken tokenOf(TrackedEventMessage<?> event) {
        return (GapAwareTrackingToken) event.trackingToken();
    }

    static List<String> ids(List<? extends Message<?>> messages) {
        return messages.stream().map(Message::getIdentifier).toList();
    }

    private static List<Object> payloads(List<? extends Message<?>> messages) {
        return messages.stream().<Object>map(Message::getPayload).toList();
    }

    @SafeVarargs
    private static <T> List<T> concat(List<? extends T>... lists) {
        return Stream.of(lists).<T>flatMap(List::stream).toList();
    }

    /** Reads the stream as a processor does: each time from the token of the last event it received. */
    private static final class Reader {

        private final EventStorageEngine engine;
        private final List<TrackedEventMessage<?>> received = new CopyOnWriteArrayList<>();
        private volatile TrackingToken token;

        private Reader(EventStorageEngine engine) {
            this.engine = engine;
        }

        List<TrackedEventMessage<?>> readNew() {
            List<TrackedEventMessage<?>> batch = readFrom(engine, token);
            if (!batch.isEmpty()) {
                token = batch.get(batch.size() - 1).trackingToken();
            }
            received.addAll(batch);
            return batch;
        }

        GapAwareTrackingToken token() {
            return (GapAwareTrackingToken) token;
        }
    }

    // ================================================================ concurrency helpers

    private static final int WRITER_THREADS = 8;
    private static final int COMMITS_PER_WRITER = 40;
    private static final int SHARED_AGGREGATES = 50;

    /**
     * Appends from many threads to shared aggregates as command handlers do: read the aggregate's version,
     * append after it, and try again on the new version when another writer got there first.
     */
    private List<DomainEventMessage<?>> appendConcurrently(MongoEventStorageEngine engine) throws Exception {
        List<DomainEventMessage<?>> acknowledged = Collections.synchronizedList(new ArrayList<>());
        CyclicBarrier start = new CyclicBarrier(WRITER_THREADS);
        List<Future<?>> writers = new ArrayList<>();
        for (int writer = 0; writer < WRITER_THREADS; writer++) {
            Random random = new Random(writer);
            writers.add(background.submit(() -> {
                start.await();
                for (int commit = 0; commit < COMMITS_PER_WRITER; commit++) {
                    String aggregateId = "contact-" + random.nextInt(SHARED_AGGREGATES);
                    int count = 1 + random.nextInt(3);
                    while (true) {
                        long next = engine.lastSequenceNumberFor(aggregateId).map(last -> last + 1).orElse(0L);
                        List<DomainEventMessage<?>> events = notes(aggregateId, next, count);
                        try {
                            engine.appendEvents(events);
                            acknowledged.addAll(events);
                            break;
                        } catch (ConcurrencyException | AggregateStreamCreationException lostTheRace) {
                            // Another writer took this version; the command runs again on the new one.
                        }
                    }
                }
                return null;
            }));
        }
        for (Future<?> writer : writers) {
            writer.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        }
        return new ArrayList<>(acknowledged);
    }

    private static void assertAggregatesHoldExactly(EventStorageEngine engine, List<DomainEventMessage<?>> acknowledged) {
        Map<String, List<DomainEventMessage<?>>> byAggregate = new LinkedHashMap<>();
        for (DomainEventMessage<?> event : acknowledged) {
            byAggregate.computeIfAbsent(event.getAggregateIdentifier(), id -> new ArrayList<>()).add(event);
        }
        byAggregate.forEach((aggregateId, events) -> {
            events.sort((left, right) -> Long.compare(left.getSequenceNumber(), right.getSequenceNumber()));
            List<DomainEventMessage<?>> stored = aggregateEvents(engine, aggregateId, 0);
            assertThat(stored).extracting(DomainEventMessage::getSequenceNumber)
                              .as("sequence numbers of %s", aggregateId)
                              .containsExactlyElementsOf(LongStream.range(0, events.size()).boxed().toList());
            assertThat(ids(stored)).containsExactlyElementsOf(ids(events));
        });
    }

    /** Every acknowledged event exactly once, and each aggregate's events in their sequence order. */
    private static void assertReceivedEachOnce(List<? extends TrackedEventMessage<?>> received,
                                               List<DomainEventMessage<?>> acknowledged) {
        assertThat(ids(received)).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(ids(acknowledged));
        Map<String, Long> lastSequence = new HashMap<>();
        for (TrackedEventMessage<?> event : received) {
            DomainEventMessage<?> domainEvent = (DomainEventMessage<?>) event;
            Long previous = lastSequence.put(domainEvent.getAggregateIdentifier(), domainEvent.getSequenceNumber());
            assertThat(domainEvent.getSequenceNumber()).as("sequence of %s", domainEvent.getAggregateIdentifier())
                                                       .isEqualTo(previous == null ? 0 : previous + 1);
        }
    }

    private static Throwable attempt(EventStorageEngine engine, List<? extends EventMessage<?>> events) {
        try {
            engine.appendEvents(events);
            return null;
        } catch (RuntimeException e) {
            return e;
        }
    }

    private static Throwable attemptAfter(CyclicBarrier start, EventStorageEngine engine,
                                          List<? extends EventMessage<?>> events) throws Exception {
        start.await();
        return attempt(engine, events);
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("Gave up waiting until " + what);
            }
            Thread.sleep(10);
        }
    }

    // ================================================================ upcasting helpers

    /** Stores one rename as the serializer wrote it at revision 1, with a field called name, and one at revision 2. */
    private List<DomainEventMessage<?>> appendRenamesAtBothRevisions() {
        ObjectMapper revisionOneMapper = new ObjectMapper()
                .addMixIn(ContactRenamed.class, ContactRenamedAtRevisionOne.class);
        Serializer revisionOne = JacksonSerializer.builder()
                                                  .objectMapper(revisionOneMapper)
                                                  .revisionResolver(new FixedValueRevisionResolver("1"))
                                                  .build();
        DomainEventMessage<?> old = new GenericDomainEventMessage<>(CONTACT, "ada", 0,
                                                                    new ContactRenamed("Ada Byron"));
        DomainEventMessage<?> current = new GenericDomainEventMessage<>(CONTACT, "ada", 1,
                                                                        new ContactRenamed("Ada Lovelace"));
        engineBuilder().eventSerializer(revisionOne).build().appendEvents(old);
        newEngine().appendEvents(current);
        return List.of(old, current);
    }

    private abstract static class ContactRenamedAtRevisionOne {
        @JsonProperty("name")
        abstract String fullName();
    }

    /** Revision 2 of ContactRenamed calls its field fullName; revision 1 called it name. */
    private static final class NameBecameFullName extends SingleEventUpcaster {

        private static final SerializedType REVISION_ONE = new SimpleSerializedType(ContactRenamed.class.getName(), "1");
        private static final SerializedType REVISION_TWO = new SimpleSerializedType(ContactRenamed.class.getName(), "2");

        private final AtomicInteger upcasts = new AtomicInteger();

        @Override
        protected boolean canUpcast(IntermediateEventRepresentation representation) {
            return representation.getType().equals(REVISION_ONE);
        }

        @Override
        protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
            upcasts.incrementAndGet();
            return representation.upcastPayload(REVISION_TWO, ObjectNode.class, payload -> {
                payload.set("fullName", payload.remove("name"));
                return payload;
            });
        }

        int upcasts() {
            return upcasts.get();
        }
    }

    // ================================================================ processor helpers

    private TokenStore tokenStore(String nodeId) {
        return MongoTokenStore.builder()
                              .mongoTemplate(DefaultMongoTemplate.builder().mongoDatabase(database()).build())
                              .serializer(SERIALIZER)
                              .nodeId(nodeId)
                              .claimTimeout(LONG_CLAIM)
                              .build();
    }

    private Configuration startProjection(TokenStore tokenStore, Projection projection) {
        MongoEventStorageEngine engine = newEngine();
        Configuration configuration = DefaultConfigurer.defaultConfiguration()
                                                       .configureSerializer(c -> SERIALIZER)
                                                       .configureEmbeddedEventStore(c -> engine)
                                                       .eventProcessing(processing -> processing
                                                               .registerTrackingEventProcessor(PROCESSOR)
                                                               .registerTokenStore(PROCESSOR, c -> tokenStore)
                                                               .registerEventHandler(c -> projection))
                                                       .start();
        configurations.add(configuration);
        return configuration;
    }

    private void stop(Configuration configuration) {
        configurations.remove(configuration);
        configuration.shutdown();
    }

    /** Remembers which events it handled; can hold one event's handling, to stop the processor around it. */
    @ProcessingGroup(PROCESSOR)
    static final class Projection {

        private final List<String> handled = new CopyOnWriteArrayList<>();
        private final CountDownLatch paused = new CountDownLatch(1);
        private final CountDownLatch resumed = new CountDownLatch(1);
        private String pauseAt;

        Projection pausingAt(String eventIdentifier) {
            this.pauseAt = eventIdentifier;
            return this;
        }

        @EventHandler
        void on(NoteTaken note, EventMessage<?> event) throws InterruptedException {
            handled.add(event.getIdentifier());
            if (event.getIdentifier().equals(pauseAt)) {
                paused.countDown();
                if (!resumed.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)) {
                    throw new IllegalStateException("The test never resumed the projection");
                }
            }
        }

        void awaitPaused() throws InterruptedException {
            if (!paused.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)) {
                fail("The projection never reached the event it should pause at");
            }
        }

        void resumeHandling() {
            resumed.countDown();
        }
    }

    // ================================================================ crash helpers

    /** Starts the child, reads the given number of acknowledgements, then kills it; returns the last per aggregate. */
    private Map<String, Long> runChildUntilKilled(Path childErrors, int acknowledgements) throws Exception {
        Process child = new ProcessBuilder(childCommand(store.childArguments()))
                .redirectError(childErrors.toFile())
                .start();
        Map<String, Long> lastAcknowledged = new HashMap<>();
        try {
            assertTimeoutPreemptively(PATIENCE, () -> readAcknowledgements(child, acknowledgements, lastAcknowledged),
                                      () -> "The child acknowledged too little; its errors:\n" + readQuietly(childErrors));
        } finally {
            // SIGKILL on Linux: nothing in the child gets to flush or close anything.
            child.destroyForcibly();
            child.waitFor();
        }
        return lastAcknowledged;
    }

    private static List<String> childCommand(List<String> storeArguments) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                AppendUntilKilled.class.getName()));
        command.addAll(storeArguments);
        return command;
    }

    private static void readAcknowledgements(Process child, int wanted, Map<String, Long> lastAcknowledged)
            throws IOException {
        BufferedReader output = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        int acknowledgements = 0;
        while (acknowledgements < wanted) {
            String line = output.readLine();
            if (line == null) {
                fail("The child stopped after " + acknowledgements + " acknowledgements");
            }
            String[] fields = line.split(" ");
            if (fields.length == 3 && fields[0].equals(AppendUntilKilled.ACK)) {
                lastAcknowledged.put(fields[1], Long.parseLong(fields[2]));
                acknowledgements++;
            }
        }
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }
}
