package app.rapport.application.plugin;

import app.rapport.application.storage.Store;
import app.rapport.domain.shared.OwnerId;
import app.rapport.plugin.Job;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Plugins' jobs, one document each, so that any server can answer {@code importJob(id)}. A job is written when its
 * counts change and when it ends, not for every error it collects: a file of 25,000 bad rows costs a few writes.
 */
public class PluginJobs {

    /** How many errors a job keeps to show; the counts go on past it. */
    static final int ERRORS_KEPT = 200;

    /** What a job this server was running when it stopped says to its owner. */
    static final String INTERRUPTED = "the server stopped while this job ran; what it did stays, and running it again"
                                      + " (importing the same file) completes it";

    private final MongoCollection<Document> jobs;
    private final Clock clock;
    private final String node;

    PluginJobs(Store store, Clock clock, String node) {
        this.jobs = store.database().getCollection("plugin_jobs");
        this.clock = clock;
        this.node = node;
    }

    /**
     * Ends the jobs this server was running when it last stopped: their threads are gone, so they would read
     * {@code RUNNING} for ever. Another server's jobs are its own to end.
     */
    void endInterrupted() {
        jobs.updateMany(Filters.and(Filters.eq("status", "RUNNING"), Filters.eq("node", node)),
                        com.mongodb.client.model.Updates.combine(
                                com.mongodb.client.model.Updates.set("status", "FAILED"),
                                com.mongodb.client.model.Updates.set("failure", INTERRUPTED),
                                com.mongodb.client.model.Updates.set("finishedAt", Date.from(clock.instant()))));
    }

    Job start(String plugin, OwnerId owner, String kind) {
        RunningJob job = new RunningJob(UUID.randomUUID().toString(), plugin, owner.value(), kind, clock.instant());
        job.save();
        return job;
    }

    void forgetOwner(OwnerId owner) {
        jobs.deleteMany(Filters.eq("owner", owner.value()));
    }

    /** The owner's job; another owner's is as absent as one that never was. */
    public Optional<ImportJobView> find(OwnerId owner, String id) {
        return Optional.ofNullable(jobs.find(Filters.eq("_id", id)).first())
                       .filter(document -> owner.value().equals(document.getString("owner")))
                       .map(PluginJobs::view);
    }

    private static ImportJobView view(Document document) {
        List<ImportJobView.Problem> errors = document.getList("errors", Document.class, List.of()).stream()
                .map(error -> new ImportJobView.Problem(error.getInteger("line"), error.getString("message")))
                .toList();
        Date finished = document.getDate("finishedAt");
        return new ImportJobView(document.getString("_id"), document.getString("owner"), document.getString("plugin"),
                                 document.getString("kind"), document.getString("status"), document.getInteger("total"),
                                 document.getInteger("created"), document.getInteger("updated"),
                                 document.getInteger("skipped"), document.getInteger("failed"), errors,
                                 document.getString("failure"), document.getDate("startedAt").toInstant(),
                                 finished == null ? null : finished.toInstant());
    }

    private final class RunningJob implements Job {

        private final String id;
        private final Document document;
        private final List<Document> errors = new ArrayList<>();

        RunningJob(String id, String plugin, String owner, String kind, Instant startedAt) {
            this.id = id;
            this.document = new Document("_id", id).append("owner", owner).append("plugin", plugin).append("kind", kind)
                                                   .append("status", "RUNNING").append("total", null)
                                                   .append("created", 0).append("updated", 0).append("skipped", 0)
                                                   .append("failed", 0).append("errors", errors)
                                                   .append("startedAt", Date.from(startedAt))
                                                   .append("node", node);
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public synchronized void total(int total) {
            document.put("total", total);
            save();
        }

        @Override
        public synchronized void count(int created, int updated, int skipped, int failed) {
            add("created", created);
            add("updated", updated);
            add("skipped", skipped);
            add("failed", failed);
            save();
        }

        private void add(String count, int more) {
            document.put(count, document.getInteger(count) + more);
        }

        @Override
        public synchronized void error(int line, String message) {
            if (errors.size() < ERRORS_KEPT) {
                errors.add(new Document("line", line).append("message", message));
            }
        }

        @Override
        public synchronized void done() {
            end("DONE", null);
        }

        @Override
        public synchronized void fail(String message) {
            end("FAILED", message);
        }

        private void end(String status, String failure) {
            document.put("status", status);
            document.put("failure", failure);
            document.put("finishedAt", Date.from(clock.instant()));
            save();
        }

        synchronized void save() {
            jobs.replaceOne(Filters.eq("_id", id), document, new ReplaceOptions().upsert(true));
        }
    }
}
