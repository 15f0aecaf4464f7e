/**
 * The owner index: each owner's contacts and interviews as their lists and dashboard need them, and the queries
 * that page, filter and count them ({@link app.rapport.application.overview.FindContactPage},
 * {@link app.rapport.application.overview.FindInterviewPage}, {@link app.rapport.application.overview.FindDashboard},
 * also as a subscription query that pushes {@link app.rapport.application.overview.DashboardChanged} to the
 * owner's subscriptions only). Rows and costs: {@code OwnerIndexRows}, {@code OwnerIndex}, {@code OwnerIndexCache}; written by
 * {@code ContactIndexProjection} and {@code InterviewIndexProjection}, read by {@code OwnerIndexQueries}.
 */
package app.rapport.application.overview;
