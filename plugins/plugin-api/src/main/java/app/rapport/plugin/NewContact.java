package app.rapport.plugin;

import java.time.Instant;
import java.util.List;

/**
 * A contact to add. Only {@code id}, {@code givenName} and {@code source} are required.
 *
 * @param id      chosen by the plugin and kept when a write is tried again, so that it adds nobody twice; for many
 *                contacts at once, ids that sort in the order they are added (a prefix of the run and a counter):
 *                the store keeps an owner's rows in id order, and ids from a hash or at random make every write
 *                rewrite pages all over the owner's network
 * @param source  a name of the API's {@code ContactSource}, e.g. {@code LINKEDIN}
 * @param addedAt when the person joined the owner's network, if earlier than now (a connection's date); or null
 */
public record NewContact(String id, String givenName, String familyName, String title, String organization,
                         List<String> emails, String linkedinUrl, String source, String sourceDetail,
                         List<String> tags, Instant addedAt) {
}
