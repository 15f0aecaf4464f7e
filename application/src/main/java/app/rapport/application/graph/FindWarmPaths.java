package app.rapport.application.graph;

import app.rapport.domain.shared.InvalidInput;
import app.rapport.domain.shared.OwnerId;

/**
 * The shortest ways to reach people at an organization through people you met: {@code List<WarmPathView>}
 * ({@code ResponseTypes.multipleInstancesOf(WarmPathView.class)}), shortest first, one per target. The walk and
 * the order are defined on {@link ContactGraphProjection}.
 *
 * @param organization matched ignoring case and surrounding blanks; required, at most 200 characters
 * @param maxHops      the most people to go through before the target, 0 to {@value #MAX_HOPS}
 * @param first        how many paths, 1 to {@value #MAX_FIRST}
 */
public record FindWarmPaths(OwnerId owner, String organization, int maxHops, int first) {

    public static final int MAX_HOPS = 5;
    public static final int MAX_FIRST = 200;

    public FindWarmPaths {
        if (owner == null) {
            throw new IllegalArgumentException("Warm paths are an owner's");
        }
        if (organization == null || organization.isBlank()) {
            throw new InvalidInput("organization", "organization is required");
        }
        if (organization.strip().length() > 200) {
            throw new InvalidInput("organization", "organization must be at most 200 characters");
        }
        if (maxHops < 0 || maxHops > MAX_HOPS) {
            throw new InvalidInput("maxHops", "maxHops must be between 0 and " + MAX_HOPS + ", was " + maxHops);
        }
        if (first < 1 || first > MAX_FIRST) {
            throw new InvalidInput("first", "first must be between 1 and " + MAX_FIRST + ", was " + first);
        }
    }
}
