package app.rapport.application.eventstore;

import app.rapport.application.KilledChild;
import org.axonframework.eventhandling.DomainEventMessage;

import java.io.PrintStream;
import java.util.List;

/**
 * The process the crash test kills: it appends events to the store named by its arguments (see
 * {@link TestStore#childArguments()}) and prints {@code ACK <aggregate> <last sequence>} after each
 * append the engine has acknowledged, until it is killed.
 */
final class AppendUntilKilled {

    static final String ACK = "ACK";
    static final int AGGREGATES = 7;

    private AppendUntilKilled() {
    }

    public static void main(String[] arguments) {
        KilledChild.exitWhenParentIsGone();
        try {
            appendUntilKilled(arguments);
        } catch (Throwable failure) {
            // The embedded server's threads would keep a failed child alive, and the parent waiting for it.
            failure.printStackTrace();
            Runtime.getRuntime().halt(1);
        }
    }

    private static void appendUntilKilled(String[] arguments) {
        TestStore.Connection store = TestStore.fromChildArguments(arguments).open();
        MongoEventStorageEngine engine = EventStoreContract.engineBuilder(store).build();
        PrintStream out = System.out;
        long[] nextSequence = new long[AGGREGATES];
        for (int commit = 0; ; commit++) {
            int aggregate = commit % AGGREGATES;
            String aggregateId = "crash-" + aggregate;
            // Commits of one and of three events alternate, so both kinds are in flight when the kill comes.
            int count = commit % 2 == 0 ? 1 : 3;
            List<DomainEventMessage<?>> events = EventStoreContract.notes(aggregateId, nextSequence[aggregate], count);
            engine.appendEvents(events);
            nextSequence[aggregate] += count;
            out.println(ACK + " " + aggregateId + " " + (nextSequence[aggregate] - 1));
            out.flush();
        }
    }
}
