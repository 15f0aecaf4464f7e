package app.rapport.application.storage;

/**
 * Makes appends durable with as few commits of the store file as the load allows: an append that arrives
 * while a commit is running waits for it to end, and the next commit then covers every append that arrived
 * meanwhile. Nothing is acknowledged before a commit that began after its write.
 * <p>
 * A failed commit acknowledges nobody: its leader gets the error, and each waiter tries a commit of its own.
 */
public final class GroupCommit implements AppendDurability {

    private final Runnable commit;
    private long requested;
    private long durable;
    private boolean committing;
    private long commits;

    public GroupCommit(Runnable commit) {
        this.commit = commit;
    }

    @Override
    public void makeDurable() {
        long covering;
        synchronized (this) {
            long mine = ++requested;
            while (committing && durable < mine) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while waiting for the store to commit", e);
                }
            }
            if (durable >= mine) {
                return;
            }
            committing = true;
            // Every append counted so far wrote before asking, so the commit about to begin covers it.
            covering = requested;
        }
        boolean done = false;
        try {
            commit.run();
            done = true;
        } finally {
            synchronized (this) {
                committing = false;
                if (done) {
                    durable = Math.max(durable, covering);
                    commits++;
                }
                notifyAll();
            }
        }
    }

    /** How many commits ran; fewer than appends when appends overlapped. */
    public synchronized long commits() {
        return commits;
    }
}
