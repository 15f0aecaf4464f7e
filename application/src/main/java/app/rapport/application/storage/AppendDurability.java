package app.rapport.application.storage;

/**
 * Makes an append survive a crash of this process before the command that caused it is acknowledged.
 *
 * <p>Real MongoDB does this through the write concern (majority, journaled), so nothing more is needed
 * there. The embedded backend keeps its data in an H2 file that is otherwise saved only about once a
 * second, so it must be committed explicitly.
 */
@FunctionalInterface
public interface AppendDurability {

    /** Called after every successful append, before it is acknowledged. */
    void makeDurable();

    AppendDurability WRITE_CONCERN = () -> {
    };
}
