package app.rapport.application.eventstore;

import java.util.OptionalLong;

/**
 * The global index of the last events appended by the current thread.
 *
 * <p>Rapport's command bus is synchronous: a command's events are appended on the thread that sent it. So
 * once {@code sendAndWait} returns, that thread can ask where its events landed, and wait for the views to
 * pass that point before it reads them (read-your-writes).
 */
public final class AppendedPosition {

    private static final ThreadLocal<Long> LAST = new ThreadLocal<>();

    private AppendedPosition() {
    }

    static void record(long globalIndex) {
        LAST.set(globalIndex);
    }

    /** Forgets what an earlier command on this (pooled) thread appended. */
    public static void clear() {
        LAST.remove();
    }

    /** The last index appended since {@link #clear()}, if any; clears it. */
    public static OptionalLong take() {
        Long last = LAST.get();
        LAST.remove();
        return last == null ? OptionalLong.empty() : OptionalLong.of(last);
    }
}
