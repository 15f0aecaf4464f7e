package app.rapport.application.eventstore;

import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where the events of a command landed in the global stream, told by the event store to whoever sent the
 * command, keyed by the command's message id: the correlation id Axon gives every event the command causes.
 * Nothing depends on which thread appends, so an asynchronous command bus keeps read-your-writes.
 * <p>
 * Only commands that someone {@link #expect expects} are recorded, so commands nobody waits for (reminders,
 * policies) leave nothing behind.
 */
public final class AppendedPositions {

    /** The correlation id in an event's metadata: the identifier of the command that caused it. */
    public static final String CORRELATION_ID = "correlationId";

    private static final long NOTHING_YET = -1;

    private final Map<String, Long> lastIndexByCommand = new ConcurrentHashMap<>();

    /** Call before sending the command. */
    public void expect(String commandId) {
        lastIndexByCommand.put(commandId, NOTHING_YET);
    }

    void record(String commandId, long lastIndex) {
        if (commandId != null) {
            lastIndexByCommand.computeIfPresent(commandId, (id, known) -> Math.max(known, lastIndex));
        }
    }

    /** The global index of the command's last event, if it appended any; forgets the command. */
    public OptionalLong take(String commandId) {
        Long lastIndex = lastIndexByCommand.remove(commandId);
        return lastIndex == null || lastIndex == NOTHING_YET ? OptionalLong.empty() : OptionalLong.of(lastIndex);
    }
}
