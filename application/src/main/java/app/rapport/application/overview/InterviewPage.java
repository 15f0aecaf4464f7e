package app.rapport.application.overview;

import app.rapport.domain.shared.InterviewId;

import java.util.List;

/**
 * One page of interviews: their ids in list order with each one's cursor; load them with {@code FindInterviews}.
 *
 * @param totalCount how many interviews match, on all pages
 */
public record InterviewPage(List<Entry> entries, int totalCount, boolean hasNextPage) {

    public InterviewPage {
        entries = List.copyOf(entries);
    }

    /** The cursor of the last entry, or null when the page is empty. */
    public String endCursor() {
        return entries.isEmpty() ? null : entries.get(entries.size() - 1).cursor();
    }

    public record Entry(InterviewId id, String cursor) {
    }
}
