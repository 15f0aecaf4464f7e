package app.rapport.application.eventstore.benchmark;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.bson.Document;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Grows the store to a given number of events quickly, by bulk-inserting copies of commits that the engine
 * itself wrote, so every stored document has exactly the engine's shape.
 *
 * <p>Appending one event at a time through the engine costs about a millisecond on the embedded backend
 * (the H2 file is committed after each append), so a million events would take the better part of an hour.
 * Instead the filler reserves a range of global indexes from the engine's counter, as the engine does, and
 * inserts single-event commits for those indexes in batches. The events belong to many aggregates of 5 to 15
 * events each, 200 of them in progress at any time and interleaved at random, so consecutive events of one
 * aggregate lie about 200 positions apart in the global order; a tenth of the aggregates also get a snapshot.
 *
 * <p>The layout (collection names, the counter document, the {@code aggregateId#sequence} keys) is the one
 * documented on {@code MongoEventStorageEngine}; the filler checks it against the engine's own templates and
 * fails rather than fill a store the engine could not read.
 */
final class StoreFiller {

    private static final String EVENTS = "events";
    private static final String SNAPSHOTS = "snapshots";
    private static final String SEQUENCES = "sequences";
    private static final String EVENT_COUNTER = "events";
    private static final int INSERT_BATCH = 1_000;
    private static final int CONCURRENTLY_ACTIVE_AGGREGATES = 200;
    private static final int SAMPLED_AGGREGATES = 20_000;
    private static final double SNAPSHOTTED_SHARE = 0.1;

    private static final Set<String> COMMIT_FIELDS = Set.of("_id", "count", "keys", "storedAt", "events");
    private static final Set<String> ENTRY_FIELDS = Set.of("eventId", "aggregateType", "aggregateId", "sequence",
                                                           "timestamp", "payloadType", "payloadRevision",
                                                           "payload", "metaData");

    private final MongoCollection<Document> events;
    private final MongoCollection<Document> snapshots;
    private final MongoCollection<Document> sequences;
    private final BenchmarkEvents eventFactory;
    private final Serializer serializer;
    private final Random random;
    private final Document commitTemplate;
    private final Document entryTemplate;
    private final Document snapshotTemplate;
    private final KnownAggregate[] activeAggregates = new KnownAggregate[CONCURRENTLY_ACTIVE_AGGREGATES];
    private final int[] activeAggregateLengths = new int[CONCURRENTLY_ACTIVE_AGGREGATES];
    private final List<KnownAggregate> finishedSample = new ArrayList<>();
    private final List<Document> pendingSnapshots = new ArrayList<>();
    private long finishedCount;

    /** Lets the engine write one commit and one snapshot, and keeps them as templates. */
    StoreFiller(MongoDatabase database, EventStorageEngine engine, BenchmarkEvents eventFactory, Random random) {
        this.events = database.getCollection(EVENTS);
        this.snapshots = database.getCollection(SNAPSHOTS);
        this.sequences = database.getCollection(SEQUENCES);
        this.eventFactory = eventFactory;
        this.serializer = eventFactory.serializer();
        this.random = random;

        String templateAggregate = BenchmarkEvents.newAggregateId();
        engine.appendEvents(eventFactory.noteAdded(templateAggregate, 0));
        engine.storeSnapshot(eventFactory.snapshot(templateAggregate, 0));
        this.commitTemplate = events.find(Filters.eq("keys", aggregateKey(templateAggregate, 0))).first();
        this.snapshotTemplate = snapshots.find(Filters.eq("_id", templateAggregate)).first();
        requireLayout(commitTemplate != null, "no commit found under key " + aggregateKey(templateAggregate, 0));
        requireLayout(snapshotTemplate != null, "no snapshot found under _id " + templateAggregate);
        requireLayout(commitTemplate.keySet().equals(COMMIT_FIELDS), "commit fields are " + commitTemplate.keySet());
        List<Document> entries = commitTemplate.getList("events", Document.class);
        requireLayout(entries.size() == 1, "a single-event commit holds " + entries.size() + " entries");
        this.entryTemplate = entries.get(0);
        requireLayout(entryTemplate.keySet().equals(ENTRY_FIELDS), "event fields are " + entryTemplate.keySet());
        requireLayout(snapshotTemplate.keySet().containsAll(ENTRY_FIELDS), "snapshot fields are " + snapshotTemplate.keySet());
        requireLayout(sequences.find(Filters.eq("_id", EVENT_COUNTER)).first() != null, "no event counter");
        for (int slot = 0; slot < activeAggregates.length; slot++) {
            startAggregate(slot);
        }
    }

    private static void requireLayout(boolean condition, String finding) {
        if (!condition) {
            throw new IllegalStateException("The engine's storage layout is not what the filler copies (" + finding
                                                    + "); update StoreFiller to the layout in MongoEventStorageEngine");
        }
    }

    static String aggregateKey(String aggregateId, long sequence) {
        return aggregateId + "#" + sequence;
    }

    /** The global index of the newest event, read from the engine's counter. */
    long head() {
        return sequences.find(Filters.eq("_id", EVENT_COUNTER)).first().get("value", Number.class).longValue();
    }

    /** Inserts events until the newest global index is {@code targetHead}. */
    void fillTo(long targetHead) {
        long start = System.nanoTime();
        long head = head();
        long firstHead = head;
        long nextReport = head + 100_000;
        while (head < targetHead) {
            int batch = (int) Math.min(INSERT_BATCH, targetHead - head);
            long firstIndex = reserve(batch);
            List<Document> commits = new ArrayList<>(batch);
            for (int offset = 0; offset < batch; offset++) {
                commits.add(nextCommit(firstIndex + offset));
            }
            events.insertMany(commits);
            if (pendingSnapshots.size() >= INSERT_BATCH) {
                flushSnapshots();
            }
            head = firstIndex + batch - 1;
            if (head >= nextReport || head >= targetHead) {
                double seconds = (System.nanoTime() - start) / 1e9;
                System.out.printf("  filled to %,d events (%,.0f events/s)%n", head, (head - firstHead) / seconds);
                nextReport = head + 100_000;
            }
        }
        flushSnapshots();
    }

    /** Takes the next indexes from the engine's counter, as an append does. */
    private long reserve(int count) {
        Document before = sequences.findOneAndUpdate(Filters.eq("_id", EVENT_COUNTER),
                                                     Updates.inc("value", (long) count),
                                                     new FindOneAndUpdateOptions().returnDocument(ReturnDocument.BEFORE));
        return before.get("value", Number.class).longValue() + 1;
    }

    private Document nextCommit(long globalIndex) {
        int slot = random.nextInt(activeAggregates.length);
        KnownAggregate aggregate = activeAggregates[slot];
        long sequence = aggregate.nextSequence++;
        DomainEventMessage<?> message = eventFactory.noteAdded(aggregate.id, sequence);
        SerializedObject<String> payload = message.serializePayload(serializer, String.class);
        SerializedObject<String> metaData = message.serializeMetaData(serializer, String.class);
        Document entry = new Document(entryTemplate)
                .append("eventId", message.getIdentifier())
                .append("aggregateId", aggregate.id)
                .append("sequence", sequence)
                .append("timestamp", message.getTimestamp().toString())
                .append("payload", payload.getData())
                .append("metaData", metaData.getData());
        Document commit = new Document(commitTemplate)
                .append("_id", globalIndex)
                .append("keys", List.of(aggregateKey(aggregate.id, sequence)))
                .append("storedAt", System.currentTimeMillis())
                .append("events", List.of(entry));
        if (aggregate.nextSequence == activeAggregateLengths[slot]) {
            finish(aggregate);
            startAggregate(slot);
        }
        return commit;
    }

    private void startAggregate(int slot) {
        activeAggregates[slot] = new KnownAggregate(BenchmarkEvents.newAggregateId(), 0);
        activeAggregateLengths[slot] = 5 + random.nextInt(11);
    }

    /** A finished aggregate gets no more fill events: the benchmark may append to it and load it. */
    private void finish(KnownAggregate aggregate) {
        if (random.nextDouble() < SNAPSHOTTED_SHARE) {
            pendingSnapshots.add(snapshotOf(aggregate.id, aggregate.nextSequence - 1));
        }
        // Reservoir sampling keeps a uniform sample of aggregates from the whole store, early and late.
        finishedCount++;
        if (finishedSample.size() < SAMPLED_AGGREGATES) {
            finishedSample.add(aggregate);
        } else {
            long replaced = (long) (random.nextDouble() * finishedCount);
            if (replaced < SAMPLED_AGGREGATES) {
                finishedSample.set((int) replaced, aggregate);
            }
        }
    }

    private Document snapshotOf(String aggregateId, long sequence) {
        DomainEventMessage<?> snapshot = eventFactory.snapshot(aggregateId, sequence);
        return new Document(snapshotTemplate)
                .append("_id", aggregateId)
                .append("eventId", snapshot.getIdentifier())
                .append("aggregateId", aggregateId)
                .append("sequence", sequence)
                .append("timestamp", snapshot.getTimestamp().toString())
                .append("payload", snapshot.serializePayload(serializer, String.class).getData())
                .append("metaData", snapshot.serializeMetaData(serializer, String.class).getData());
    }

    private void flushSnapshots() {
        if (!pendingSnapshots.isEmpty()) {
            snapshots.insertMany(pendingSnapshots);
            pendingSnapshots.clear();
        }
    }

    /** A uniform sample of the filled aggregates that the filler will not touch again. */
    List<KnownAggregate> finishedAggregates() {
        return finishedSample;
    }

    /** An aggregate whose length the benchmark knows, so it can append the next event and check a load. */
    static final class KnownAggregate {

        final String id;
        long nextSequence;
        /** Whether the benchmark has appended to it, so that it no longer lies where the fill put it. */
        boolean appendedTo;

        KnownAggregate(String id, long nextSequence) {
            this.id = id;
            this.nextSequence = nextSequence;
        }
    }
}
