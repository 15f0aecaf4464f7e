package app.rapport.plugin;

/**
 * Long work for one owner (an import), whose progress the owner follows through {@code Query.importJob(id)}. Counts
 * add up; the host keeps them, so another server sees them too. A job ends with {@link #done()} or {@link #fail}.
 */
public interface Job {

    String id();

    /** How many items there are, once known. */
    void total(int total);

    /** Adds to the counts. */
    void count(int created, int updated, int skipped, int failed);

    /** One item failed: {@code line} is 1-based in the uploaded file. The host keeps the first few hundred. */
    void error(int line, String message);

    void done();

    /** The job as a whole failed; the message is for the owner. */
    void fail(String message);
}
