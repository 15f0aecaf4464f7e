package app.rapport.plugin;

import java.util.List;

/** Changes to a contact: a null field stays as it is; a blank text or an empty list clears it. */
public record ContactChanges(String id, String givenName, String familyName, String title, String organization,
                             List<String> emails, String linkedinUrl, List<String> tags) {
}
