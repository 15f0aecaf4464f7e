/**
 * The contact graph of each owner and the walks over it: {@link app.rapport.application.graph.FindContactGraph},
 * {@link app.rapport.application.graph.FindReferralChain}, {@link app.rapport.application.graph.FindWarmPaths}.
 * One row per owner ({@code contact_graph_views}), read with one exact lookup; see
 * {@link app.rapport.application.graph.ContactGraphProjection} and {@code docs/graph.md}.
 */
package app.rapport.application.graph;
