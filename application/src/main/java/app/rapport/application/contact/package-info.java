/**
 * The contact views, their queries ({@link app.rapport.application.contact.FindContact},
 * {@link app.rapport.application.contact.FindContacts}) and the domain's contact directory.
 * <p>
 * <b>Rows.</b> Collection {@code contact_views}, one row per contact, {@code _id} = the contact id
 * ("owner/value"), plus {@code owner}: every lookup is an exact match on {@code _id}, the only query the embedded
 * store answers without a scan, and names its owner. A row holds the contact's details, its introducer
 * ({@code referredBy}) and everyone who introduced or referred it ({@code introducerIds}), the follow-up clock,
 * the merge links ({@code mergedInto}, {@code absorbedContactIds}), and the adjacency lists
 * {@code interviewIds} and {@code referredContactIds}, so that nested GraphQL fields load by id in one batch.
 * {@code version} is the sequence number of the contact's last event applied. The relationship stage is not
 * stored; it is derived elsewhere.
 * <p>
 * <b>Idempotence.</b> A contact's own events are applied only when newer than {@code version} (one segment
 * applies them in order, so read, compare, write is safe); interview events only add ids
 * ({@code $addToSet}). Writes to other rows come before the row's own version moves.
 * <p>
 * <b>Forgetting.</b> On {@code ContactForgotten} the row becomes a tombstone ({@code _id}, {@code owner},
 * {@code forgotten}, {@code version}): nothing personal remains, late or repeated events cannot bring the
 * contact back, and the directory can answer "forgotten". No other row keeps pointing to it: it leaves its
 * introducers' {@code referredContactIds}, the contacts it introduced lose it as {@code referredBy} and in
 * {@code introducerIds}, and a survivor it was merged into drops it and its interviews. Duplicates merged into
 * it keep {@code mergedInto}: they are the same person, and the application forgets them too. Details a merge
 * copied into a survivor are the survivor's and stay.
 */
package app.rapport.application.contact;
