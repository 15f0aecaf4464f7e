/**
 * Reminders that survive restarts and fire once: thanks a week after the meeting, follow-ups at the contact's
 * cadence, a nudge for a request left unanswered ({@code rapport.reminders.nudge-after}).
 * <p>
 * {@link app.rapport.application.reminder.ReminderScheduleProjection} (processor {@code reminder-schedule}) files
 * each reminder in MongoDB under the UTC hour it falls due, and moves or removes it when a touch, an answer, the
 * thanks or forgetting the contact change it. {@link app.rapport.application.reminder.ReminderSweeper} reads the
 * hours from the last one swept up to now, by {@code _id}, and sends each due reminder's command
 * ({@code MarkThanksOverdue}, {@code MarkFollowUpDue}, {@code MarkNudgeDue}) as {@code system:reminders}; the
 * aggregate records it once. No timer holds a reminder in memory, and nothing is found by a scan.
 * See {@code docs/reminders.md}.
 */
package app.rapport.application.reminder;
