package app.rapport.application.plugin;

import java.time.Instant;
import java.util.List;

/**
 * A plugin's long work for one owner, as the owner sees it.
 *
 * @param status {@code RUNNING}, then {@code DONE} or {@code FAILED}
 * @param total  how many items, once known; else null
 */
public record ImportJobView(String id, String ownerId, String plugin, String kind, String status, Integer total,
                            int created, int updated, int skipped, int failed, List<Problem> errors, String failure,
                            Instant startedAt, Instant finishedAt) {

    public ImportJobView {
        errors = List.copyOf(errors);
    }

    /** @param line 1-based, in the uploaded file */
    public record Problem(int line, String message) {
    }
}
