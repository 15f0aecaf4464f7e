package app.rapport.application.overview;

import app.rapport.domain.shared.OwnerId;

/**
 * The owner's dashboard now: {@link DashboardView} ({@code ResponseTypes.instanceOf(DashboardView.class)}).
 * As a subscription query, its updates are {@link DashboardChanged}, one after each change of this owner's data.
 */
public record FindDashboard(OwnerId owner) {
}
