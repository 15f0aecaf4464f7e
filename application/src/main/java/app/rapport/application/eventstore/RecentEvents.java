package app.rapport.application.eventstore;

import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;

import java.util.Objects;
import java.util.stream.Stream;

/**
 * The newest events, read from the store once for every stream that is caught up.
 * <p>
 * Without it, each view processor would read the store itself after every commit; with eight of them, one
 * mutation caused sixteen reads (where the head is, what lies past it), and readers queued behind each other
 * on the embedded store. One reader follows the head instead, and streams that stand where it has been step
 * along its chain of events, with the same tokens the store would have given them, since the chain is the
 * store's own stream read once. A stream elsewhere (rebuilding, or fallen more than {@code capacity} events
 * behind) reads the store itself until it reaches the chain.
 */
final class RecentEvents {

    private final EventStorageEngine storage;
    private final int capacity;
    private volatile Node newest;
    private volatile Node oldest;

    RecentEvents(EventStorageEngine storage, int capacity) {
        this.storage = storage;
        this.capacity = capacity;
    }

    /**
     * Reads what was stored since the last call; called after commits and on a schedule. Whether it found any,
     * or cannot tell because no stream has caught up yet (each stream then looks for itself).
     */
    synchronized boolean readNewEvents() {
        Node last = newest;
        if (last == null) {
            return true;
        }
        long before = last.position;
        try (Stream<? extends TrackedEventMessage<?>> stream = storage.readEvents(last.token, false)) {
            var iterator = stream.iterator();
            while (iterator.hasNext()) {
                TrackedEventMessage<?> event = iterator.next();
                Node next = new Node(last.position + 1, event.trackingToken(), event);
                last.next = next;
                last = next;
            }
        }
        newest = last;
        Node first = oldest;
        while (last.position - first.position > capacity) {
            first = first.next;
        }
        oldest = first;
        return last.position > before;
    }

    /**
     * The node a stream standing at {@code token} continues from, or null if the chain does not hold it. Asked only
     * by a stream that has read everything stored; the first one starts the chain where it stands, at a token the
     * store gave it, so gaps of writers still in flight are kept, not skipped.
     */
    synchronized Node find(TrackingToken token) {
        Node node = oldest;
        if (node == null) {
            node = new Node(0, token, null);
            oldest = node;
            newest = node;
            return node;
        }
        for (; node != null; node = node.next) {
            if (Objects.equals(node.token, token)) {
                return node;
            }
        }
        return null;
    }

    /** Whether a stream at {@code node} has fallen so far behind that the chain no longer holds its place. */
    boolean leftBehind(Node node) {
        Node first = oldest;
        return first != null && node.position < first.position;
    }

    /** A place in the chain: the token after its event (the first node has no event, only the token it starts at). */
    static final class Node {

        final long position;
        final TrackingToken token;
        final TrackedEventMessage<?> event;
        volatile Node next;

        Node(long position, TrackingToken token, TrackedEventMessage<?> event) {
            this.position = position;
            this.token = token;
            this.event = event;
        }
    }
}
