package app.rapport.application.overview;

import app.rapport.domain.shared.OwnerId;

/**
 * An update of a {@link FindDashboard} subscription: the owner's dashboard recomputed after a change.
 *
 * @param position the global index of the event that changed it, so a reader can wait for the other views to
 *                 show that event before loading the listed contacts and interviews; -1 when unknown
 */
public record DashboardChanged(OwnerId owner, DashboardView dashboard, long position) {
}
