package app.rapport.application.eventstore;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
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
import java.util.stream.LongStream;

import static app.rapport.application.eventstore.CommitDocuments.*;

/**
 * Reads the event stream in global order for tracking processors, with gap-aware tokens: an index passed without
 * finding its commit is a gap, looked for again on every fetch, and fenced once a later commit is older than
 * {@code gapTimeout}. Also finds the head, and the position at an instant.
 */
final class StreamTracker {

    private static final int MAX_TRACKING_WINDOW = 4096;
    private static final int TOKEN_PROBE_WIDTH = 64;

    private final MongoCollection<Document> events;
    private final MongoCollection<Document> sequences;
    private final Clock clock;
    private final int maxGapOffset;
    private final Duration gapTimeout;

    StreamTracker(MongoCollection<Document> events, MongoCollection<Document> sequences, Clock clock,
                  int maxGapOffset, Duration gapTimeout) {
        this.events = events;
        this.sequences = sequences;
        this.clock = clock;
        this.maxGapOffset = maxGapOffset;
        this.gapTimeout = gapTimeout;
    }

    /** Events read after a token, and whether they reach the head the reader found: then nothing lies past them yet. */
    record Window(List<? extends TrackedEventData<?>> events, boolean reachesTheHead) {
    }

    Window fetch(TrackingToken lastToken, int batchSize) {
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
                return new Window(cursor.results, true);
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
            commits.sort(Comparator.comparingLong(CommitDocuments::indexOf));
            commits.forEach(cursor::consume);
            // a commit found may reach past the window
            long reached = commits.isEmpty() ? windowEnd : Math.max(windowEnd, lastIndexOf(commits.get(commits.size() - 1)));
            if (!cursor.results.isEmpty() || reached >= head) {
                return new Window(cursor.results, reached >= head);
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
                                 .mapToLong(CommitDocuments::indexOf)
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
            coveredUpTo = lastIndexOf(occupant);
        }
        return found;
    }

    /** An empty commit at the index, or whatever took the index first. */
    private Document fence(long index) {
        Document fence = claimWithEmptyCommit(events, index, 1, clock.millis(), true);
        if (fence != null) {
            return fence;
        }
        Document occupant = events.find(Filters.eq("_id", index)).first();
        if (occupant == null) {
            throw new EventStoreException("Global index " + index + " is neither free nor taken");
        }
        return occupant;
    }

    /** The commit that holds the given index and events after it, probing backwards from that index. */
    private Optional<Document> commitReachingPast(long index) {
        long width = TOKEN_PROBE_WIDTH;
        long end = index + 1;
        while (end > FIRST_GLOBAL_INDEX) {
            long start = Math.max(FIRST_GLOBAL_INDEX, end - width);
            List<Long> ids = LongStream.range(start, end).boxed().toList();
            Optional<Document> last = events.find(Filters.in("_id", ids)).into(new ArrayList<>()).stream()
                                            .max(Comparator.comparingLong(CommitDocuments::indexOf));
            if (last.isPresent()) {
                return lastIndexOf(last.get()) > index ? last : Optional.empty();
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

    long headIndex() {
        Document counter = sequences.find(Filters.eq("_id", EVENT_COUNTER)).first();
        return counter == null ? FIRST_GLOBAL_INDEX - 1 : counter.get("value", Number.class).longValue();
    }

    private static GapAwareTrackingToken asGapAwareToken(TrackingToken token) {
        if (token == null || token instanceof GapAwareTrackingToken) {
            return (GapAwareTrackingToken) token;
        }
        throw new IllegalArgumentException("Rapport's event store tracks with a GapAwareTrackingToken, not " + token);
    }

    TrackingToken createHeadToken() {
        long head = headIndex();
        return head < FIRST_GLOBAL_INDEX ? null : GapAwareTrackingToken.newInstance(head, List.of());
    }

    /**
     * The position just before the first commit stored at or after {@code at}, found by bisecting the global
     * index with exact-match probes: O(log n) lookups rather than a scan.
     */
    TrackingToken createTokenAt(Instant at) {
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
                                             .min(Comparator.comparingLong(CommitDocuments::indexOf));
            if (first.isPresent()) {
                return first.get();
            }
            start = end;
            width = Math.min(width * 2, MAX_TRACKING_WINDOW);
        }
        return null;
    }
}
