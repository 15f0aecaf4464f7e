package app.rapport.application.reminder;

import app.rapport.domain.shared.OwnerId;

import java.time.Instant;

/**
 * A reminder as its hour bucket lists it.
 *
 * @param key       the reminder's key, {@code kind/owner/value}: one reminder per kind and aggregate
 * @param aggregate the value of the contact or interview id; with {@code owner} it names the aggregate
 */
record DueReminder(String key, ReminderKind kind, OwnerId owner, String aggregate, Instant dueAt) {

    Object command() {
        return kind.command(owner, aggregate, dueAt);
    }
}
