/**
 * The contact graph of each owner and the walks over it: {@link app.rapport.application.graph.FindContactGraph},
 * {@link app.rapport.application.graph.FindReferralChain}, {@link app.rapport.application.graph.FindWarmPaths}.
 * A row per contact and per organization, read a step of a walk at a time; see
 * {@link app.rapport.application.graph.ContactGraphProjection} and {@code docs/graph.md}.
 */
package app.rapport.application.graph;
