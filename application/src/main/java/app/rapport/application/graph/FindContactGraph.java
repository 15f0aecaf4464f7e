package app.rapport.application.graph;

import app.rapport.domain.contact.ContactId;
import app.rapport.domain.shared.InvalidInput;
import app.rapport.domain.shared.OwnerId;

/**
 * The part of the owner's contact graph within {@code depth} edges (either direction) of the centre:
 * {@code Optional<ContactGraphView>} ({@code ResponseTypes.optionalInstanceOf(ContactGraphView.class)}), empty
 * when the centre names no contact of the owner's (unknown or forgotten). A contact merged away stands for its
 * survivor.
 *
 * @param center a contact of the owner's; null: the owner
 * @param depth  1 to {@value #MAX_DEPTH}
 */
public record FindContactGraph(OwnerId owner, ContactId center, int depth) {

    public static final int MAX_DEPTH = 4;
    /** The most nodes one answer holds, nearest first. */
    public static final int NODE_LIMIT = 500;

    public FindContactGraph {
        if (owner == null) {
            throw new IllegalArgumentException("A graph is an owner's");
        }
        if (center != null && !center.owner().equals(owner)) {
            throw new IllegalArgumentException("The centre must be the owner's");
        }
        if (depth < 1 || depth > MAX_DEPTH) {
            throw new InvalidInput("depth", "depth must be between 1 and " + MAX_DEPTH + ", was " + depth);
        }
    }
}
