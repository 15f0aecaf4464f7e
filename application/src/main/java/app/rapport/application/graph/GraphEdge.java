package app.rapport.application.graph;

import java.util.Comparator;

/**
 * An edge of a contact graph: {@value #REFERRED} (introducer → contact introduced or referred),
 * {@value #WORKS_AT} (contact → organization), {@value #MET} (you → a contact whose interview was held), or
 * {@value #KNOWS} (reserved for imported connections; nothing produces it yet).
 */
public record GraphEdge(String from, String to, String kind) {

    public static final String REFERRED = "REFERRED";
    public static final String WORKS_AT = "WORKS_AT";
    public static final String MET = "MET";
    public static final String KNOWS = "KNOWS";

    static final Comparator<GraphEdge> ORDER = Comparator.comparing(GraphEdge::kind)
                                                         .thenComparing(GraphEdge::from)
                                                         .thenComparing(GraphEdge::to);
}
