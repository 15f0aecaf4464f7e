package app.rapport.application.graph;

import java.util.List;

/**
 * Part of an owner's contact graph: nodes nearest the centre first, and every edge between two of them.
 *
 * @param truncated true when more nodes lay within the depth than a graph may hold
 *                  ({@link FindContactGraph#NODE_LIMIT})
 */
public record ContactGraphView(List<GraphNode> nodes, List<GraphEdge> edges, boolean truncated) {

    public ContactGraphView {
        nodes = List.copyOf(nodes);
        edges = List.copyOf(edges);
    }
}
