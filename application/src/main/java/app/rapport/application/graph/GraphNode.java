package app.rapport.application.graph;

/**
 * A node of a contact graph.
 *
 * @param id    {@code /self}, a contact's id, or {@code /org/<normalized name>} (see {@link ContactNetwork})
 * @param kind  {@value #SELF}, {@value #CONTACT} or {@value #ORGANIZATION}
 * @param label "You", the contact's display name, or the organization's name as most recently written
 */
public record GraphNode(String id, String kind, String label) {

    public static final String SELF = "SELF";
    public static final String CONTACT = "CONTACT";
    public static final String ORGANIZATION = "ORGANIZATION";
}
