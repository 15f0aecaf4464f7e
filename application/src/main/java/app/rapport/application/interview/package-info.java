/**
 * The interview and referral views and their queries ({@link app.rapport.application.interview.FindInterview},
 * {@link app.rapport.application.interview.FindInterviews}, {@link app.rapport.application.interview.FindReferral}).
 * <p>
 * <b>Rows.</b> Every lookup is an exact match on {@code _id} = the typed id ("owner/value"), and every row holds
 * its {@code owner}.
 * <ul>
 *     <li>{@code interview_views}: one row per interview: interviewee, status, request, response, meeting,
 *     questions, notes, the referrals given in it ({@code {_id, toContactId, mayUseName, note}}), thanks, and
 *     {@code version}, the sequence number of its last event applied. Whether thanks are overdue depends on
 *     the clock and is computed when read.</li>
 *     <li>{@code referral_views}: {@code {_id: referral id, owner, interviewId}}, so a referral is found by its id.</li>
 *     <li>{@code contact_interviews}: per contact, {@code interviewIds} (its interviews) and
 *     {@code referredInInterviewIds} (interviews in which it was referred): what forgetting it must reach.</li>
 * </ul>
 * <b>Forgetting.</b> On {@code ContactForgotten} the contact's interviews become tombstones ({@code _id},
 * {@code owner}, {@code forgotten}, {@code version}), the referrals given in them are deleted, referrals that
 * named the contact are removed from other interviews, and {@code contact_interviews} keeps only a marker
 * that the contact was forgotten, which keeps late events about them (a request or referral racing the
 * forgetting) out of the views.
 */
package app.rapport.application.interview;
