package app.rapport.plugins.linkedin;

import app.rapport.plugin.PluginContact;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Who the owner knows already, to find the contact a connection is: by profile URL, then by email, then by name and
 * organization. Filled from the owner's contacts before an import and with each contact the import adds, so a person
 * listed twice in one file is one contact.
 */
final class KnownPeople {

    private final Map<String, PluginContact> bySlug = new HashMap<>();
    private final Map<String, PluginContact> byEmail = new HashMap<>();
    private final Map<String, PluginContact> byNameAndOrganization = new HashMap<>();

    void add(PluginContact contact) {
        String slug = ProfileUrls.slug(contact.linkedinUrl());
        if (slug != null) {
            bySlug.put(slug, contact);
        }
        contact.emails().forEach(email -> byEmail.put(email.toLowerCase(Locale.ROOT), contact));
        byNameAndOrganization.put(nameKey(contact.givenName(), contact.familyName(), contact.organization()), contact);
    }

    PluginContact find(String slug, String email, String givenName, String familyName, String organization) {
        if (slug != null && bySlug.containsKey(slug)) {
            return bySlug.get(slug);
        }
        if (email != null && byEmail.containsKey(email.toLowerCase(Locale.ROOT))) {
            return byEmail.get(email.toLowerCase(Locale.ROOT));
        }
        PluginContact sameName = byNameAndOrganization.get(nameKey(givenName, familyName, organization));
        // Two people of one name at one place are told apart by their profiles.
        if (sameName != null && (slug == null || ProfileUrls.slug(sameName.linkedinUrl()) == null)) {
            return sameName;
        }
        return null;
    }

    PluginContact bySlug(String slug) {
        return slug == null ? null : bySlug.get(slug);
    }

    private static String nameKey(String givenName, String familyName, String organization) {
        return plain(givenName) + "|" + plain(familyName) + "|" + plain(organization);
    }

    /** Lower case, accents and spacing aside: "José  Núñez" and "jose nunez" are one name. */
    private static String plain(String text) {
        if (text == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        return decomposed.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
    }
}
