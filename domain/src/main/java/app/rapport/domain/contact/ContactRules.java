package app.rapport.domain.contact;

import app.rapport.domain.shared.InvalidInput;
import app.rapport.domain.shared.Require;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** The rules for a contact's fields, shared by adding, updating and merging. */
final class ContactRules {

    static final int NAME_MAX = 200;
    static final int SALUTATION_MAX = 50;
    static final int SOURCE_DETAIL_MAX = 500;
    static final int NOTE_MAX = 5000;
    static final int MAX_EMAILS = 20;
    static final int EMAIL_MAX = 254;
    static final int MAX_PHONES = 20;
    static final int PHONE_MAX = 50;
    static final int URL_MAX = 500;
    static final int MAX_TAGS = 50;
    static final int TAG_MAX = 50;
    static final int MIN_CADENCE_DAYS = 1;
    static final int MAX_CADENCE_DAYS = 365;

    // Deliberately loose: the owner types what the person gave them; only obvious mistakes are refused.
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s.]+");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9()./\\- ]+((x|ext\\.?) ?[0-9]+)?",
                                                         Pattern.CASE_INSENSITIVE);
    private static final int PHONE_MIN_DIGITS = 3;

    private ContactRules() {
    }

    static String givenName(String value) {
        return Require.text("givenName", value, NAME_MAX);
    }

    static String name(String field, String value) {
        return Require.optionalText(field, value, NAME_MAX);
    }

    static String salutation(String value) {
        return Require.optionalText("salutation", value, SALUTATION_MAX);
    }

    static String sourceDetail(String value) {
        return Require.optionalText("sourceDetail", value, SOURCE_DETAIL_MAX);
    }

    static List<String> emails(List<String> values) {
        List<String> emails = Require.texts("emails", values, MAX_EMAILS, EMAIL_MAX);
        for (int i = 0; i < emails.size(); i++) {
            if (!EMAIL.matcher(emails.get(i)).matches()) {
                throw new InvalidInput("emails", "emails[" + i + "] must look like an email address, such as name@example.org");
            }
        }
        return distinctIgnoringCase(emails);
    }

    static List<String> phones(List<String> values) {
        List<String> phones = Require.texts("phones", values, MAX_PHONES, PHONE_MAX);
        for (int i = 0; i < phones.size(); i++) {
            String phone = phones.get(i);
            long digits = phone.chars().filter(Character::isDigit).count();
            if (!PHONE.matcher(phone).matches() || digits < PHONE_MIN_DIGITS) {
                throw new InvalidInput("phones", "phones[" + i + "] must be a phone number: digits, spaces and + ( ) - . /,"
                                                 + " optionally followed by an extension such as x123");
            }
        }
        return distinctIgnoringCase(phones);
    }

    static String linkedinUrl(String value) {
        String url = Require.optionalText("linkedinUrl", value, URL_MAX);
        if (url != null && !isLinkedInAddress(url)) {
            throw new InvalidInput("linkedinUrl",
                                   "linkedinUrl must be an http(s) address on linkedin.com, such as https://www.linkedin.com/in/name");
        }
        return url;
    }

    static List<String> tags(List<String> values) {
        return distinctIgnoringCase(Require.texts("tags", values, MAX_TAGS, TAG_MAX));
    }

    static String note(String value) {
        return Require.optionalText("note", value, NOTE_MAX);
    }

    static Integer cadence(Integer everyDays) {
        return everyDays == null ? null : Require.between("everyDays", everyDays, MIN_CADENCE_DAYS, MAX_CADENCE_DAYS);
    }

    /** Keeps the first spelling of values that differ only in case: "Design" and "design" are one tag. */
    static List<String> distinctIgnoringCase(List<String> values) {
        Set<String> seen = new HashSet<>();
        List<String> result = new ArrayList<>(values.size());
        for (String value : values) {
            if (seen.add(value.toLowerCase(Locale.ROOT))) {
                result.add(value);
            }
        }
        return List.copyOf(result);
    }

    /** The values of {@code first}, then those of {@code second} not already there (ignoring case). */
    static List<String> union(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return distinctIgnoringCase(all);
    }

    private static boolean isLinkedInAddress(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme();
            String host = uri.getHost();
            if (scheme == null || host == null) {
                return false;
            }
            String lowerHost = host.toLowerCase(Locale.ROOT);
            return (scheme.equalsIgnoreCase("https") || scheme.equalsIgnoreCase("http"))
                   && (lowerHost.equals("linkedin.com") || lowerHost.endsWith(".linkedin.com"));
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
