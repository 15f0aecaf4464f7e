package app.rapport.application.history;

import java.util.List;

/** A page of a relationship's history, oldest first, and whether later entries follow. */
public record HistoryPage(List<HistoryEntryView> entries, boolean hasNextPage) {

    public HistoryPage {
        entries = List.copyOf(entries);
    }
}
