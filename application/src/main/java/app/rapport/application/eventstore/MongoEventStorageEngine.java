package app.rapport.application.eventstore;

import app.rapport.application.storage.AppendDurability;

import com.mongodb.MongoWriteException;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import org.axonframework.common.AxonConfigurationException;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.BatchingEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.bson.Document;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import static app.rapport.application.eventstore.CommitDocuments.*;

/**
 * Rapport's Axon event store on the MongoDB driver.
 *
 * <h2>Layout</h2>
 * One document per commit (one {@code appendEvents} call), so a commit is stored all or nothing without
 * transactions. Its {@code _id} is the global index of its first event; the commit's events take the
 * following indexes. Its {@code keys} array holds {@code aggregateId#sequence} for every event and carries a
 * unique multikey index, so two commits that claim the same aggregate version conflict, however many events
 * each one holds.
 *
 * <h2>Cost</h2>
 * Every hot path is an exact-match lookup on a unique index ({@code _id} or {@code keys}, both with
 * {@code $in}), the only kind of query the embedded backend serves without scanning the collection:
 * <ul>
 * <li>append: one counter increment and one insert;</li>
 * <li>aggregate load: one snapshot lookup, then {@code $in} over the next sequence numbers;</li>
 * <li>tracking: {@code $in} over the token's gaps, the commit behind each run of gaps and the next window
 * of global indexes; a reader resuming inside a commit also probes back for that commit's start.</li>
 * </ul>
 *
 * <h2>Gaps</h2>
 * Global indexes are taken from a counter before the insert, so writers may commit out of order. Readers
 * carry the indexes they have not seen yet as gaps in a {@link GapAwareTrackingToken} and look for them
 * again on every fetch. A writer that fails after taking its indexes stores an empty "abandoned" commit
 * in their place, so readers stop waiting at once. A writer that is too slow to insert within
 * {@code writeDeadline} abandons its commit. Once a later commit is older than {@code gapTimeout}, a reader
 * fences the gaps before it: it stores an empty commit at each of those indexes, so that a writer slower still
 * (stalled, paused, cut off and back) finds its index taken and stores nothing, and never lands behind a reader
 * that has moved on.
 */
public class MongoEventStorageEngine extends BatchingEventStorageEngine {

    // Its parts: CommitAppender appends, StreamTracker reads the stream with gaps, CommitDocuments maps the
    // documents; this class reads aggregates and snapshots and holds the configuration.

    static final String EVENTS = CommitDocuments.EVENTS;
    static final String SEQUENCES = CommitDocuments.SEQUENCES;

    private static final int FIRST_AGGREGATE_WINDOW = 32;

    private final MongoCollection<Document> events;
    private final MongoCollection<Document> snapshots;
    private final MongoCollection<Document> sequences;
    private final CommitAppender appender;
    private final StreamTracker tracker;
    private final FetchedEvents fetched;

    protected MongoEventStorageEngine(Builder builder) {
        super(builder);
        WriteConcern durable = WriteConcern.MAJORITY.withJournal(true);
        this.events = builder.database.getCollection(EVENTS).withWriteConcern(durable);
        this.snapshots = builder.database.getCollection(SNAPSHOTS);
        this.sequences = builder.database.getCollection(SEQUENCES).withWriteConcern(durable);
        this.appender = new CommitAppender(events, sequences, builder.durability, builder.clock, builder.writeDeadline,
                                           builder.appendedPositions, this::handlePersistenceException);
        this.tracker = new StreamTracker(events, sequences, builder.clock, builder.maxGapOffset, builder.gapTimeout);
        this.fetched = builder.fetched;
        createSchema();
    }

    public static Builder builder() {
        return new Builder();
    }

    private void createSchema() {
        events.createIndex(Indexes.ascending("keys"), new IndexOptions().unique(true).name(KEYS_INDEX));
        if (sequences.find(Filters.eq("_id", EVENT_COUNTER)).first() != null) {
            return;
        }
        try {
            // A missing counter over stored events (a partial restore) must continue after them, or new
            // commits would collide with old ones. Sorting scans on the embedded store, but only happens here.
            Document last = events.find().sort(new Document("_id", -1)).limit(1).first();
            long lastIndex = last == null ? FIRST_GLOBAL_INDEX - 1 : lastIndexOf(last);
            sequences.insertOne(new Document("_id", EVENT_COUNTER).append("value", lastIndex));
        } catch (MongoWriteException e) {
            if (!isDuplicateKey(e)) {
                throw e;
            }
        }
    }

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> eventMessages, Serializer serializer) {
        appender.append(eventMessages, serializer);
    }

    @Override
    protected List<? extends TrackedEventData<?>> fetchTrackedEvents(TrackingToken lastToken, int batchSize) {
        return fetch(lastToken, batchSize).events();
    }

    private StreamTracker.Window fetch(TrackingToken lastToken, int batchSize) {
        StreamTracker.Window window = tracker.fetch(lastToken, batchSize);
        if (!window.events().isEmpty()) {
            fetched.fetched(window.events());
        }
        return window;
    }

    /**
     * The stream from a token, a window at a time, ending with the window that reaches the head the reader found:
     * what is stored later is its next read's (every commit wakes the readers). Axon's own stream asks once more,
     * and finds nothing, after each read: a second read of the head for every commit and reader.
     */
    @Override
    protected Stream<? extends TrackedEventData<?>> readEventData(TrackingToken trackingToken, boolean mayBlock) {
        return StreamSupport.stream(new Windows(trackingToken), false);
    }

    private final class Windows extends Spliterators.AbstractSpliterator<TrackedEventData<?>> {

        private TrackingToken last;
        private Iterator<? extends TrackedEventData<?>> window = Collections.emptyIterator();
        private boolean reachedTheHead;

        Windows(TrackingToken from) {
            super(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL);
            this.last = from;
        }

        @Override
        public boolean tryAdvance(Consumer<? super TrackedEventData<?>> action) {
            if (!window.hasNext()) {
                if (reachedTheHead) {
                    return false;
                }
                StreamTracker.Window next = fetch(last, batchSize());
                if (next.events().isEmpty()) {
                    return false;
                }
                window = next.events().iterator();
                reachedTheHead = next.reachesTheHead();
            }
            TrackedEventData<?> event = window.next();
            last = event.trackingToken();
            action.accept(event);
            return true;
        }
    }

    @Override
    public TrackingToken createTailToken() {
        return null;
    }

    @Override
    public TrackingToken createHeadToken() {
        return tracker.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant at) {
        return tracker.createTokenAt(at);
    }

    // ---------------------------------------------------------------- snapshots

    @Override
    protected void storeSnapshot(DomainEventMessage<?> snapshot, Serializer serializer) {
        String aggregateId = snapshot.getAggregateIdentifier();
        Document stored = snapshots.find(Filters.eq("_id", aggregateId)).projection(new Document("sequence", 1)).first();
        if (stored != null && stored.get("sequence", Number.class).longValue() >= snapshot.getSequenceNumber()) {
            return;
        }
        Document document = toEntry(snapshot, serializer).append("_id", aggregateId);
        snapshots.replaceOne(Filters.eq("_id", aggregateId), document, new ReplaceOptions().upsert(true));
    }

    @Override
    protected Stream<? extends DomainEventData<?>> readSnapshotData(String aggregateIdentifier) {
        Document snapshot = snapshots.find(Filters.eq("_id", aggregateIdentifier)).first();
        return snapshot == null ? Stream.empty() : Stream.of(toDomainEventData(snapshot));
    }

    // ---------------------------------------------------------------- aggregates

    @Override
    protected List<? extends DomainEventData<?>> fetchDomainEvents(String aggregateIdentifier,
                                                                   long firstSequenceNumber,
                                                                   int batchSize) {
        List<DomainEventData<?>> result = new ArrayList<>();
        long next = firstSequenceNumber;
        int window = Math.min(FIRST_AGGREGATE_WINDOW, batchSize);
        while (result.size() < batchSize) {
            List<String> keys = new ArrayList<>(window);
            for (long sequence = next; sequence < next + window; sequence++) {
                keys.add(aggregateKey(aggregateIdentifier, sequence));
            }
            List<Document> found = new ArrayList<>();
            Set<Long> commitsSeen = new HashSet<>();
            for (Document commit : events.find(Filters.in("keys", keys))) {
                // The embedded server returns a commit once for every key it matched, MongoDB only once.
                if (!commitsSeen.add(indexOf(commit))) {
                    continue;
                }
                for (Document entry : commit.getList("events", Document.class)) {
                    if (aggregateIdentifier.equals(entry.getString("aggregateId"))
                            && entry.getString("aggregateType") != null
                            && sequenceOf(entry) >= next) {
                        found.add(entry);
                    }
                }
            }
            found.sort(Comparator.comparingLong(CommitDocuments::sequenceOf));
            long expected = next;
            for (Document entry : found) {
                if (sequenceOf(entry) != expected) {
                    break;
                }
                result.add(toDomainEventData(entry));
                expected++;
            }
            boolean windowFilled = expected >= next + window;
            next = expected;
            if (!windowFilled) {
                break;
            }
            window = Math.min(window * 2, batchSize);
        }
        return result;
    }

    @Override
    public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
        Optional<Long> last = readSnapshotData(aggregateIdentifier).findFirst().map(DomainEventData::getSequenceNumber);
        long next = last.map(sequence -> sequence + 1).orElse(0L);
        while (true) {
            List<? extends DomainEventData<?>> batch = fetchDomainEvents(aggregateIdentifier, next, batchSize());
            if (batch.isEmpty()) {
                return last;
            }
            long lastInBatch = batch.get(batch.size() - 1).getSequenceNumber();
            last = Optional.of(lastInBatch);
            next = lastInBatch + 1;
        }
    }

    // ---------------------------------------------------------------- builder

    public static class Builder extends BatchingEventStorageEngine.Builder {

        private MongoDatabase database;
        private AppendDurability durability = AppendDurability.WRITE_CONCERN;
        private Clock clock = Clock.systemUTC();
        private int maxGapOffset = 10_000;
        private Duration gapTimeout = Duration.ofSeconds(60);
        private Duration writeDeadline = Duration.ofSeconds(10);
        private AppendedPositions appendedPositions = new AppendedPositions();
        private FetchedEvents fetched = FetchedEvents.NONE;

        protected Builder() {
            persistenceExceptionResolver(CommitDocuments::isDuplicateKey);
        }

        public Builder database(MongoDatabase database) {
            this.database = database;
            return this;
        }

        public Builder durability(AppendDurability durability) {
            this.durability = durability;
            return this;
        }

        /** Where the engine tells senders of commands where their events landed. */
        public Builder appendedPositions(AppendedPositions appendedPositions) {
            this.appendedPositions = appendedPositions;
            return this;
        }

        /** Told of each window of events a tracking reader fetched, before they are opened. */
        public Builder fetchedEvents(FetchedEvents fetched) {
            this.fetched = fetched;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /** How far behind the newest index a gap may lie before readers stop looking for it. */
        public Builder maxGapOffset(int maxGapOffset) {
            this.maxGapOffset = maxGapOffset;
            return this;
        }

        /** How old a later commit must be before readers stop waiting for a gap before it. */
        public Builder gapTimeout(Duration gapTimeout) {
            this.gapTimeout = gapTimeout;
            return this;
        }

        /** How long a writer may take between taking its indexes and storing its commit. */
        public Builder writeDeadline(Duration writeDeadline) {
            this.writeDeadline = writeDeadline;
            return this;
        }

        @Override
        public Builder eventSerializer(Serializer eventSerializer) {
            super.eventSerializer(eventSerializer);
            return this;
        }

        @Override
        public Builder snapshotSerializer(Serializer snapshotSerializer) {
            super.snapshotSerializer(snapshotSerializer);
            return this;
        }

        @Override
        public Builder upcasterChain(EventUpcaster upcasterChain) {
            super.upcasterChain(upcasterChain);
            return this;
        }

        @Override
        public Builder batchSize(int batchSize) {
            super.batchSize(batchSize);
            return this;
        }

        @Override
        protected void validate() throws AxonConfigurationException {
            super.validate();
            if (database == null) {
                throw new AxonConfigurationException("The event store needs a MongoDatabase");
            }
            if (durability == null || clock == null || appendedPositions == null || fetched == null) {
                throw new AxonConfigurationException("The event store needs a durability policy, a clock, appended positions and a listener of fetched events");
            }
            if (maxGapOffset <= 0) {
                throw new AxonConfigurationException("maxGapOffset must be positive");
            }
            if (writeDeadline.compareTo(gapTimeout) >= 0) {
                throw new AxonConfigurationException("writeDeadline must be shorter than gapTimeout, or readers could skip a late write");
            }
        }

        public MongoEventStorageEngine build() {
            validate();
            return new MongoEventStorageEngine(this);
        }
    }
}
