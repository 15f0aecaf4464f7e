package app.rapport.plugin;

import java.time.Instant;
import java.util.List;

/**
 * A contact to add. Only {@code id}, {@code givenName} and {@code source} are required.
 *
 * @param id      chosen by the plugin, stable for the same person, so that adding again adds nobody twice
 * @param source  a name of the API's {@code ContactSource}, e.g. {@code LINKEDIN}
 * @param addedAt when the person joined the owner's network, if earlier than now (a connection's date); or null
 */
public record NewContact(String id, String givenName, String familyName, String title, String organization,
                         List<String> emails, String linkedinUrl, String source, String sourceDetail,
                         List<String> tags, Instant addedAt) {
}
