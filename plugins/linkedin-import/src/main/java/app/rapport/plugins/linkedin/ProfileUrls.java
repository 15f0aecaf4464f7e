package app.rapport.plugins.linkedin;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A LinkedIn profile's identity: the {@code /in/<slug>} of its URL, whatever the host, scheme, case or encoding. */
final class ProfileUrls {

    private static final Pattern PROFILE = Pattern.compile("(?i)/in/([^/?#]+)");

    private ProfileUrls() {
    }

    /** The profile's slug, lower case and decoded; null when the text is no profile URL. */
    static String slug(String url) {
        if (url == null) {
            return null;
        }
        Matcher profile = PROFILE.matcher(url.strip());
        if (!profile.find()) {
            return null;
        }
        String slug = profile.group(1);
        try {
            slug = URLDecoder.decode(slug, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notEncoded) {
            // taken as written
        }
        return Normalizer.normalize(slug, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    }

    /** The profile URL in one canonical form. */
    static String canonical(String slug) {
        return "https://www.linkedin.com/in/" + slug;
    }
}
