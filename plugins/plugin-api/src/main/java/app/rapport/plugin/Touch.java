package app.rapport.plugin;

import java.time.Instant;

/**
 * A keep-in-touch interaction.
 *
 * @param channel a name of the API's {@code Channel}, e.g. {@code LINKEDIN}
 */
public record Touch(String contactId, Instant at, String channel, String note) {
}
