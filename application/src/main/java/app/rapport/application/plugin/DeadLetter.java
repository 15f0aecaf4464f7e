package app.rapport.application.plugin;

import java.time.Instant;

/**
 * An event a plugin's follower kept failing on, set aside so that the plugin's stream goes on.
 *
 * @param error what the follower's last try threw
 */
public record DeadLetter(String id, String plugin, String ownerId, long position, String eventType, String contactId,
                         Instant failedAt, int tries, String error) {
}
