package app.rapport.application.eventstore;

import app.rapport.application.storage.AppendDurability;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoException;
import com.mongodb.MongoWriteException;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import org.axonframework.common.AxonConfigurationException;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventUtils;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.BatchingEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.bson.Document;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import java.util.stream.Stream;

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

    static final String EVENTS = "events";
    static final String SNAPSHOTS = "snapshots";
    static final String SEQUENCES = "sequences";
    static final String KEYS_INDEX = "aggregate_sequence";
    static final long FIRST_GLOBAL_INDEX = 1;
    /** Marks an empty commit that a reader put at an index whose writer was too slow. */
    static final String FENCED = "fenced";

    private static final String EVENT_COUNTER = "events";
    private static final int FIRST_AGGREGATE_WINDOW = 32;
    private static final int MAX_TRACKING_WINDOW = 4096;
    private static final int TOKEN_PROBE_WIDTH = 64;

    private final MongoCollection<Document> events;
    private final MongoCollection<Document> snapshots;
    private final MongoCollection<Document> sequences;
    private final AppendDurability durability;
    private final Clock clock;
    private final int maxGapOffset;
    private final Duration gapTimeout;
    private final Duration writeDeadline;
    private final AppendedPositions appendedPositions;

    protected MongoEventStorageEngine(Builder builder) {
        super(builder);
        WriteConcern durable = WriteConcern.MAJORITY.withJournal(true);
        this.events = builder.database.getCollection(EVENTS).withWriteConcern(durable);
        this.snapshots = builder.database.getCollection(SNAPSHOTS);
        this.sequences = builder.database.getCollection(SEQUENCES).withWriteConcern(durable);
        this.durability = builder.durability;
        this.clock = builder.clock;
        this.maxGapOffset = builder.maxGapOffset;
        this.gapTimeout = builder.gapTimeout;
        this.writeDeadline = builder.writeDeadline;
        this.appendedPositions = builder.appendedPositions;
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
            long lastIndex = last == null ? FIRST_GLOBAL_INDEX - 1
                    : indexOf(last) + last.get("count", Number.class).longValue() - 1;
            sequences.insertOne(new Document("_id", EVENT_COUNTER).append("value", lastIndex));
        } catch (MongoWriteException e) {
            if (!isDuplicateKey(e)) {
                throw e;
            }
        }
    }

    // ---------------------------------------------------------------- appending

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> eventMessages, Serializer serializer) {
        if (eventMessages.isEmpty()) {
            return;
        }
        List<DomainEventMessage<?>> messages = new ArrayList<>(eventMessages.size());
        List<Document> entries = new ArrayList<>(eventMessages.size());
        List<String> keys = new ArrayList<>(eventMessages.size());
        for (EventMessage<?> eventMessage : eventMessages) {
            DomainEventMessage<?> message = EventUtils.asDomainEventMessage(eventMessage);
            messages.add(message);
            entries.add(toEntry(message, serializer));
            if (message.getType() != null) {
                keys.add(aggregateKey(message.getAggregateIdentifier(), message.getSequenceNumber()));
            }
        }
        int count = messages.size();
        long allocatedAt = clock.millis();
        long firstIndex = allocate(count);
        if (keys.isEmpty()) {
            keys.add(globalKey(firstIndex));
        }
        Document commit = new Document("_id", firstIndex)
                .append("count", count)
                .append("keys", keys)
                .append("storedAt", clock.millis())
                .append("events", entries);
        long timeLeft = writeDeadline.toMillis() - (clock.millis() - allocatedAt);
        if (timeLeft <= 0) {
            abandon(firstIndex, count);
            throw new EventStoreException("Storing events took longer than " + writeDeadline
                                                  + "; nothing was stored, the command may be retried");
        }
        try {
            // Bounded, so the writer gives up and says so rather than hanging; should the insert still arrive
            // later, readers will have fenced its indexes by then and it is refused (fenceStaleGaps).
            events.withTimeout(timeLeft, TimeUnit.MILLISECONDS).insertOne(commit);
        } catch (MongoWriteException e) {
            if (isVersionConflict(e)) {
                abandon(firstIndex, count);
                handlePersistenceException(e, firstDomainEvent(messages));
            }
            settleUnknownOutcome(firstIndex, messages, e);
            return;
        } catch (MongoException e) {
            settleUnknownOutcome(firstIndex, messages, e);
            return;
        }
        acknowledge(firstIndex, messages);
    }

    private void acknowledge(long firstIndex, List<DomainEventMessage<?>> messages) {
        durability.makeDurable();
        long lastIndex = firstIndex + messages.size() - 1;
        messages.stream()
                .map(message -> message.getMetaData().get(AppendedPositions.CORRELATION_ID))
                .filter(String.class::isInstance)
                .distinct()
                .forEach(commandId -> appendedPositions.record((String) commandId, lastIndex));
    }

    /**
     * After an error whose outcome is unknown (a timeout, a lost connection) the commit may or may not have
     * been stored. Claiming its position for an abandoned commit settles which: if that claim fails, the
     * commit is there.
     */
    private void settleUnknownOutcome(long firstIndex, List<DomainEventMessage<?>> messages, MongoException cause) {
        int count = messages.size();
        String firstEventId = messages.get(0).getIdentifier();
        boolean abandoned;
        Document occupant;
        try {
            abandoned = abandon(firstIndex, count);
            occupant = abandoned ? null : events.find(Filters.eq("_id", firstIndex)).first();
        } catch (MongoException e) {
            cause.addSuppressed(e);
            throw new EventStoreException("Storing events failed and it is unknown whether they were stored", cause);
        }
        if (abandoned) {
            throw new EventStoreException("Storing events failed; nothing was stored: " + cause.getMessage(), cause);
        }
        if (occupant != null && occupant.getBoolean(FENCED, false)) {
            throw new EventStoreException("Storing events took so long that readers stopped waiting for them; nothing "
                                                  + "was stored, the command may be retried", cause);
        }
        List<Document> stored = occupant == null ? List.of() : occupant.getList("events", Document.class);
        if (stored.isEmpty() || !firstEventId.equals(stored.get(0).getString("eventId"))) {
            throw new EventStoreException("Global index " + firstIndex + " is taken by another commit: the event counter in '"
                                                  + SEQUENCES + "' is behind the stored events; nothing was stored", cause);
        }
        acknowledge(firstIndex, messages);
    }

    /** Fills the given positions with an empty commit, so readers need not wait for them. */
    private boolean abandon(long firstIndex, int count) {
        try {
            events.insertOne(new Document("_id", firstIndex)
                                     .append("count", count)
                                     .append("keys", List.of(globalKey(firstIndex)))
                                     .append("storedAt", clock.millis())
                                     .append("events", List.of()));
            return true;
        } catch (MongoWriteException e) {
            if (isDuplicateKey(e)) {
                return false;
            }
            throw e;
        }
    }

    private long allocate(int count) {
        // The counter as it was before this increment: under concurrent writers the embedded server may
        // return the document "after" with a later writer's increment in it too, handing out an index twice.
        Document counter = sequences.findOneAndUpdate(Filters.eq("_id", EVENT_COUNTER),
                                                      Updates.inc("value", (long) count),
                                                      new FindOneAndUpdateOptions().returnDocument(ReturnDocument.BEFORE));
        if (counter == null) {
            throw new EventStoreException("The event counter is missing from collection '" + SEQUENCES + "'");
        }
        return counter.get("value", Number.class).longValue() + 1;
    }

    private static DomainEventMessage<?> firstDomainEvent(List<DomainEventMessage<?>> messages) {
        return messages.stream().filter(m -> m.getType() != null).findFirst().orElse(messages.get(0));
    }

    private static Document toEntry(DomainEventMessage<?> message, Serializer serializer) {
        SerializedObject<String> payload = message.serializePayload(serializer, String.class);
        SerializedObject<String> metaData = message.serializeMetaData(serializer, String.class);
        return new Document("eventId", message.getIdentifier())
                .append("aggregateType", message.getType())
                .append("aggregateId", message.getAggregateIdentifier())
                .append("sequence", message.getSequenceNumber())
                .append("timestamp", message.getTimestamp().toString())
                .append("payloadType", payload.getType().getName())
                .append("payloadRevision", payload.getType().getRevision())
                .append("payload", payload.getData())
                .append("metaData", metaData.getData());
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
            found.sort(Comparator.comparingLong(MongoEventStorageEngine::sequenceOf));
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

    // ---------------------------------------------------------------- tracking

    @Override
    protected List<? extends TrackedEventData<?>> fetchTrackedEvents(TrackingToken lastToken, int batchSize) {
        GapAwareTrackingToken token = asGapAwareToken(lastToken);
        TrackingCursor cursor = new TrackingCursor(token);
        long staleBefore = clock.millis() - gapTimeout.toMillis();
        // Indexes are taken from the counter before their commit is inserted, so nothing stored lies past it.
        // Reading it first keeps a reader that is caught up from probing a window of indexes nobody holds yet:
        // on the embedded store every probed index costs a lookup, and every view processor reads after each
        // commit.
        long head = headIndex();
        long windowStart = token == null ? FIRST_GLOBAL_INDEX : token.getIndex() + 1;
        int window = batchSize;
        List<Long> ids = token == null ? new ArrayList<>() : new ArrayList<>(token.getGaps());
        if (token != null) {
            ids.addAll(commitsBehindGaps(token));
        }
        while (true) {
            long windowEnd = Math.min(windowStart + window - 1, head);
            for (long id = windowStart; id <= windowEnd; id++) {
                ids.add(id);
            }
            if (ids.isEmpty()) {
                return cursor.results;
            }
            List<Document> commits = events.find(Filters.in("_id", ids)).into(new ArrayList<>());
            if (token != null && windowStart == token.getIndex() + 1 && head > token.getIndex()
                    && !startsAt(commits, windowStart)) {
                // A processor may stop after any event, also inside a commit, whose rest is found only by the
                // commit's first index.
                commitReachingPast(token.getIndex()).filter(commit -> !commits.contains(commit))
                                                    .ifPresent(commits::add);
            }
            if (token != null && token.hasGaps()) {
                commits.addAll(fenceStaleGaps(token, commits, staleBefore));
            }
            commits.sort(Comparator.comparingLong(MongoEventStorageEngine::indexOf));
            commits.forEach(cursor::consume);
            if (!cursor.results.isEmpty() || windowEnd >= head) {
                return cursor.results;
            }
            // Nothing to deliver in this window, but more lies beyond it: abandoned commits or lost writes
            // filled the window.
            windowStart = windowEnd + 1;
            window = Math.min(window * 2, MAX_TRACKING_WINDOW);
            ids = new ArrayList<>();
        }
    }

    /**
     * Fills the gaps that lie before a commit older than {@code gapTimeout} with empty fence commits, so that the
     * reader can move past them. A writer still holding such an index then finds it taken and stores nothing:
     * no commit can land behind a reader that has moved on. Gaps are fenced in ascending order; one taken by a
     * commit that landed meanwhile is read instead, with the rest of that commit's indexes.
     *
     * @return the commits now at the stale gaps, not among {@code fetched}
     */
    private List<Document> fenceStaleGaps(GapAwareTrackingToken token, List<Document> fetched, long staleBefore) {
        long staleBelow = fetched.stream()
                                 .filter(commit -> commit.get("storedAt", Number.class).longValue() < staleBefore)
                                 .mapToLong(MongoEventStorageEngine::indexOf)
                                 .max().orElse(Long.MIN_VALUE);
        Set<Long> present = new HashSet<>();
        fetched.forEach(commit -> present.add(indexOf(commit)));
        List<Document> found = new ArrayList<>();
        long coveredUpTo = Long.MIN_VALUE;
        for (long gap : token.getGaps().headSet(staleBelow)) {
            if (gap <= coveredUpTo || present.contains(gap)) {
                continue;
            }
            Document occupant = fence(gap);
            found.add(occupant);
            coveredUpTo = indexOf(occupant) + occupant.get("count", Number.class).longValue() - 1;
        }
        return found;
    }

    /** An empty commit at the index, or whatever took the index first. */
    private Document fence(long index) {
        Document fence = new Document("_id", index)
                .append("count", 1)
                .append("keys", List.of(globalKey(index)))
                .append("storedAt", clock.millis())
                .append(FENCED, true)
                .append("events", List.of());
        try {
            events.insertOne(fence);
            return fence;
        } catch (MongoWriteException e) {
            if (!isDuplicateKey(e)) {
                throw e;
            }
            Document occupant = events.find(Filters.eq("_id", index)).first();
            if (occupant == null) {
                throw new EventStoreException("Global index " + index + " is neither free nor taken", e);
            }
            return occupant;
        }
    }

    /** The commit that holds the given index and events after it, probing backwards from that index. */
    private Optional<Document> commitReachingPast(long index) {
        long width = TOKEN_PROBE_WIDTH;
        long end = index + 1;
        while (end > FIRST_GLOBAL_INDEX) {
            long start = Math.max(FIRST_GLOBAL_INDEX, end - width);
            List<Long> ids = LongStream.range(start, end).boxed().toList();
            Optional<Document> last = events.find(Filters.in("_id", ids)).into(new ArrayList<>()).stream()
                                            .max(Comparator.comparingLong(MongoEventStorageEngine::indexOf));
            if (last.isPresent()) {
                long lastIndexOfCommit = indexOf(last.get()) + last.get().get("count", Number.class).longValue() - 1;
                return lastIndexOfCommit > index ? last : Optional.empty();
            }
            end = start;
            width = Math.min(width * 2, MAX_TRACKING_WINDOW);
        }
        return Optional.empty();
    }

    private static boolean startsAt(List<Document> commits, long index) {
        return commits.stream().anyMatch(commit -> indexOf(commit) == index);
    }

    /** Walks commits in global order, advancing the token over each event and recording what to deliver. */
    private final class TrackingCursor {

        private final List<TrackedEventData<?>> results = new ArrayList<>();
        private GapAwareTrackingToken token;

        private TrackingCursor(GapAwareTrackingToken token) {
            this.token = token;
        }

        void consume(Document commit) {
            long firstIndex = indexOf(commit);
            int count = commit.get("count", Number.class).intValue();
            List<Document> entries = commit.getList("events", Document.class);
            for (int offset = 0; offset < count; offset++) {
                long index = firstIndex + offset;
                if (token != null && index <= token.getIndex() && !token.getGaps().contains(index)) {
                    continue;
                }
                token = advance(token, index);
                if (!entries.isEmpty()) {
                    results.add(new TrackedDomainEventData<>(token, toDomainEventData(entries.get(offset))));
                }
            }
        }

        private GapAwareTrackingToken advance(GapAwareTrackingToken from, long index) {
            if (from == null) {
                long firstPossibleGap = Math.max(FIRST_GLOBAL_INDEX, index - maxGapOffset);
                return GapAwareTrackingToken.newInstance(index, LongStream.range(firstPossibleGap, index).boxed().toList());
            }
            return from.advanceTo(index, maxGapOffset);
        }
    }

    /**
     * The index right after each run of gaps, where a commit the reader has already seen starts. Reading it
     * again tells whether the gaps before it are stale; a reader that is caught up would otherwise never see
     * an old commit again and keep its gaps for good.
     */
    private static List<Long> commitsBehindGaps(GapAwareTrackingToken token) {
        SortedSet<Long> gaps = token.getGaps();
        return gaps.stream().map(gap -> gap + 1).filter(next -> !gaps.contains(next)).toList();
    }

    private long headIndex() {
        Document counter = sequences.find(Filters.eq("_id", EVENT_COUNTER)).first();
        return counter == null ? FIRST_GLOBAL_INDEX - 1 : counter.get("value", Number.class).longValue();
    }

    private static GapAwareTrackingToken asGapAwareToken(TrackingToken token) {
        if (token == null || token instanceof GapAwareTrackingToken) {
            return (GapAwareTrackingToken) token;
        }
        throw new IllegalArgumentException("Rapport's event store tracks with a GapAwareTrackingToken, not " + token);
    }

    @Override
    public TrackingToken createTailToken() {
        return null;
    }

    @Override
    public TrackingToken createHeadToken() {
        long head = headIndex();
        return head < FIRST_GLOBAL_INDEX ? null : GapAwareTrackingToken.newInstance(head, List.of());
    }

    /**
     * The position just before the first commit stored at or after {@code at}, found by bisecting the global
     * index with exact-match probes: O(log n) lookups rather than a scan.
     */
    @Override
    public TrackingToken createTokenAt(Instant at) {
        long low = FIRST_GLOBAL_INDEX;
        long high = headIndex() + 1;
        while (low < high) {
            long middle = low + (high - low) / 2;
            Document first = firstCommitFrom(middle, high);
            if (first != null && commitTime(first).isBefore(at)) {
                low = indexOf(first) + first.get("count", Number.class).longValue();
            } else {
                // No commit starts between middle and high, or the first one is not before the instant:
                // the position lies before middle. (Skipping ahead instead would pass over a commit that
                // starts before middle and reaches beyond it.)
                high = middle;
            }
        }
        long before = low - 1;
        return before < FIRST_GLOBAL_INDEX ? null : GapAwareTrackingToken.newInstance(before, List.of());
    }

    /** The first commit starting in the given range, probing windows of doubling width. */
    private Document firstCommitFrom(long fromIndex, long toIndexExclusive) {
        long width = TOKEN_PROBE_WIDTH;
        long start = fromIndex;
        while (start < toIndexExclusive) {
            long end = Math.min(start + width, toIndexExclusive);
            List<Long> ids = LongStream.range(start, end).boxed().toList();
            Optional<Document> first = events.find(Filters.in("_id", ids)).into(new ArrayList<>()).stream()
                                             .min(Comparator.comparingLong(MongoEventStorageEngine::indexOf));
            if (first.isPresent()) {
                return first.get();
            }
            start = end;
            width = Math.min(width * 2, MAX_TRACKING_WINDOW);
        }
        return null;
    }

    private static long indexOf(Document commit) {
        return commit.get("_id", Number.class).longValue();
    }

    private static Instant commitTime(Document commit) {
        List<Document> entries = commit.getList("events", Document.class);
        return entries.isEmpty()
                ? Instant.ofEpochMilli(commit.get("storedAt", Number.class).longValue())
                : Instant.parse(entries.get(0).getString("timestamp"));
    }

    // ---------------------------------------------------------------- mapping

    private static DomainEventData<?> toDomainEventData(Document entry) {
        return new GenericDomainEventEntry<>(entry.getString("aggregateType"),
                                             entry.getString("aggregateId"),
                                             sequenceOf(entry),
                                             entry.getString("eventId"),
                                             entry.getString("timestamp"),
                                             entry.getString("payloadType"),
                                             entry.getString("payloadRevision"),
                                             entry.getString("payload"),
                                             entry.getString("metaData"));
    }

    private static long sequenceOf(Document entry) {
        return entry.get("sequence", Number.class).longValue();
    }

    static String aggregateKey(String aggregateIdentifier, long sequenceNumber) {
        return aggregateIdentifier + "#" + sequenceNumber;
    }

    private static String globalKey(long globalIndex) {
        return "~" + globalIndex;
    }

    /**
     * A duplicate key on the aggregate-sequence index: another commit claimed one of these aggregate versions.
     * MongoDB names the index's keys in the error's {@code keyPattern}; the embedded server only in the message,
     * in the same {@code index: <name> } form.
     */
    static boolean isVersionConflict(MongoWriteException exception) {
        if (!isDuplicateKey(exception)) {
            return false;
        }
        var details = exception.getError().getDetails();
        if (details != null && details.containsKey("keyPattern")) {
            return details.getDocument("keyPattern").containsKey("keys");
        }
        String message = exception.getError().getMessage();
        return message != null && message.contains("index: " + KEYS_INDEX + " ");
    }

    static boolean isDuplicateKey(Exception exception) {
        return exception instanceof MongoWriteException writeException
                && writeException.getError().getCategory() == ErrorCategory.DUPLICATE_KEY;
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

        protected Builder() {
            persistenceExceptionResolver(MongoEventStorageEngine::isDuplicateKey);
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
            if (durability == null || clock == null || appendedPositions == null) {
                throw new AxonConfigurationException("The event store needs a durability policy and a clock");
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
