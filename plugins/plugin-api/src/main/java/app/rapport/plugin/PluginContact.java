package app.rapport.plugin;

import java.time.Instant;
import java.util.List;

/**
 * A contact as a plugin sees it.
 *
 * @param source          how the person was found: a name of the API's {@code ContactSource}
 * @param addedAt         when the person joined the owner's network
 * @param lastTouchAt     the latest keep-in-touch interaction, or null
 * @param nextFollowUpDue when the owner should get in touch again (their follow-up cadence), or null
 * @param version         goes up with every change of the contact
 */
public record PluginContact(String id, String givenName, String familyName, String title, String organization,
                            List<String> emails, List<String> phones, String linkedinUrl, String source,
                            String sourceDetail, List<String> tags, Instant addedAt, Instant lastTouchAt,
                            Instant nextFollowUpDue, long version) {

    public PluginContact {
        emails = List.copyOf(emails);
        phones = List.copyOf(phones);
        tags = List.copyOf(tags);
    }

    /** The first SPI 1 form, without what came later. */
    public PluginContact(String id, String givenName, String familyName, String title, String organization,
                         List<String> emails, List<String> phones, String linkedinUrl, String source,
                         String sourceDetail, List<String> tags, Instant addedAt, Instant lastTouchAt) {
        this(id, givenName, familyName, title, organization, emails, phones, linkedinUrl, source, sourceDetail, tags,
             addedAt, lastTouchAt, null, 0);
    }
}
