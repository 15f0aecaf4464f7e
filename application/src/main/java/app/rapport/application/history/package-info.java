/**
 * The relationship history, the audit trail a user reads: every step of every relationship, in order, as one
 * sentence with who caused it and the event's data ({@link app.rapport.application.history.FindRelationshipHistory},
 * {@link app.rapport.application.history.WatchRelationshipHistory}).
 * <p>
 * <b>Rows.</b> Collection {@code relationship_history}: per relationship a head {@code owner/contact} (entry
 * count, redelivery guard, meeting time zones, whether the contact was forgotten) and buckets
 * {@code owner/contact#<n>} of 50 entries each. A page is found by exact lookups: the head by {@code _id}, then
 * the buckets that hold the wanted sequence numbers by {@code $in} of {@code _id}s (at most 6 for the largest
 * page of 200). Writing an entry costs the head, one bucket read and two replaces; none of it depends on the
 * number of other relationships or owners. The cursor is the entry's sequence number.
 * <p>
 * <b>Personal data.</b> Summaries and data come from decrypted events. Each entry keeps beside it the same entry
 * made from the event with its personal components null ({@code erased}); on {@code ContactForgotten} every
 * entry is replaced by that version, so the history keeps that an erasure happened and what kinds of steps
 * happened, and nothing personal. A replay after the erasure reads the events with nulls and writes the same.
 * <p>
 * <b>Subscriptions.</b> Each new entry (not during a replay) is emitted to the {@code WatchRelationshipHistory}
 * subscription queries of its owner only, for all their relationships or the one named.
 */
package app.rapport.application.history;
