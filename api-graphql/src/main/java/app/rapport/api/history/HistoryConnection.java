package app.rapport.api.history;

import app.rapport.application.history.HistoryEntryView;

import java.util.List;

/** A page of a relationship's history as the API shapes it: edges with cursors, and where the page ends. */
record HistoryConnection(List<HistoryEdge> edges, PageInfo pageInfo) {

    record HistoryEdge(HistoryEntryView node, String cursor) {
    }

    record PageInfo(boolean hasNextPage, String endCursor) {
    }
}
