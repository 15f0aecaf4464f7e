package app.rapport.plugins.linkedin;

import app.rapport.plugin.Refused;

import java.time.Instant;
import java.util.Map;

/** One row of {@code Connections.csv}, read by column name. */
record Connection(String givenName, String familyName, String slug, String email, String company, String position,
                  Instant connectedOn) {

    /** The export's column for each field of a contact, for errors a person can find in the file. */
    private static final Map<String, String> COLUMNS = Map.of(
            "givenName", "First Name", "familyName", "Last Name", "linkedinUrl", "URL", "emails", "Email Address",
            "organization", "Company", "title", "Position", "addedAt", "Connected On");

    static Connection of(CsvTable.Row row) {
        String givenName = row.get("first name");
        if (givenName == null) {
            throw new Refused("givenName", "a connection needs a first name; this row has none");
        }
        String url = row.get("url") != null ? row.get("url") : row.get("profile url");
        String slug = ProfileUrls.slug(url);
        if (url != null && slug == null) {
            throw new Refused("linkedinUrl", "\"" + url + "\" is not a LinkedIn profile URL (https://www.linkedin.com/in/…)");
        }
        String connected = row.get("connected on");
        Instant connectedOn = connected == null ? null : LinkedInDates.parse(connected);
        if (connected != null && connectedOn == null) {
            throw new Refused("addedAt", "\"" + connected + "\" is not a date (07 Feb 2026, 2/7/26, 7-Feb-26)");
        }
        return new Connection(givenName, row.get("last name"), slug, row.get("email address"), row.get("company"),
                              row.get("position"), connectedOn);
    }

    /** The column of the export a contact's field comes from. */
    static String column(String field) {
        return COLUMNS.getOrDefault(field, field);
    }
}
