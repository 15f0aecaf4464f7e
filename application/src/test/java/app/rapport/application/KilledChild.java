package app.rapport.application;

import java.io.IOException;

/** For the programs crash tests start in a JVM of their own and kill. */
public final class KilledChild {

    private KilledChild() {
    }

    /** Standard input closes when the parent dies, so a child left behind by a broken test run stops. */
    public static void exitWhenParentIsGone() {
        Thread watcher = new Thread(() -> {
            try {
                while (System.in.read() != -1) {
                    // The parent never writes; this only waits for end of input.
                }
            } catch (IOException ignored) {
                // Gone either way.
            }
            Runtime.getRuntime().halt(2);
        }, "parent-watcher");
        watcher.setDaemon(true);
        watcher.start();
    }
}
