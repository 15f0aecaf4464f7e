package app.rapport.plugin;

import java.time.Instant;
import java.util.List;

/**
 * A contact as a plugin sees it.
 *
 * @param source      how the person was found: a name of the API's {@code ContactSource}
 * @param addedAt     when the person joined the owner's network
 * @param lastTouchAt the latest keep-in-touch interaction, or null
 */
public record PluginContact(String id, String givenName, String familyName, String title, String organization,
                            List<String> emails, List<String> phones, String linkedinUrl, String source,
                            String sourceDetail, List<String> tags, Instant addedAt, Instant lastTouchAt) {

    public PluginContact {
        emails = List.copyOf(emails);
        phones = List.copyOf(phones);
        tags = List.copyOf(tags);
    }
}
