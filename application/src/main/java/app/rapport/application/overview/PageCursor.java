package app.rapport.application.overview;

import app.rapport.domain.shared.InvalidInput;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;

/**
 * An opaque position in a list: the sort key and id of the last item seen, so the next page starts after it
 * even when items were added or removed meanwhile. Clients pass it back as {@code after}, unread.
 */
final class PageCursor {

    private static final char SEPARATOR = '\u0000';

    private PageCursor() {
    }

    static String encode(String list, String sortKey, String id) {
        String plain = list + SEPARATOR + sortKey + SEPARATOR + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** The sort key and id of a cursor of {@code list}; refused as input {@code after} otherwise. */
    static List<String> decode(String list, String cursor) {
        try {
            String plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            String[] parts = plain.split(String.valueOf(SEPARATOR), -1);
            if (parts.length == 3 && parts[0].equals(list) && !parts[2].isEmpty()) {
                return List.of(parts[1], parts[2]);
            }
        } catch (IllegalArgumentException notBase64) {
            // refused below
        }
        throw malformed();
    }

    /** A time kept in a cursor; "null" for an item without one. */
    static Instant instant(String text) {
        if ("null".equals(text)) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException notATime) {
            throw malformed();
        }
    }

    private static InvalidInput malformed() {
        return new InvalidInput("after", "after is not a cursor of this list; pass an endCursor or cursor it returned");
    }
}
