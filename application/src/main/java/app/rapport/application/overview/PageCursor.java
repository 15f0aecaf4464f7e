package app.rapport.application.overview;

import app.rapport.domain.shared.InvalidInput;

import app.rapport.application.privacy.PersonalDataCipher;
import app.rapport.application.privacy.ServerKey;

import javax.crypto.SecretKey;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * An opaque position in a list: the sort key and id of the last item seen, so the next page starts after it
 * even when items were added or removed meanwhile. Clients pass it back as {@code after}, unread. The sort key may
 * be a person's name, so the cursor is sealed (AES-GCM) with the server's key: it reads as noise, and one made up or
 * altered is refused.
 */
public final class PageCursor {

    private static final char SEPARATOR = '\u0000';
    private static final PersonalDataCipher CIPHER = new PersonalDataCipher();
    /** The server's key once it is known (every server of a cluster shares it); until then one of this process. */
    private static volatile SecretKey key = PersonalDataCipher.key(CIPHER.newKey());

    private PageCursor() {
    }

    /** Seals cursors with the server's key from now on. */
    public static void sealWith(ServerKey serverKey) {
        key = serverKey.key();
    }

    static String encode(String list, String sortKey, String id) {
        String plain = list + SEPARATOR + sortKey + SEPARATOR + id;
        return CIPHER.seal(key, plain.getBytes(StandardCharsets.UTF_8));
    }

    /** The sort key and id of a cursor of {@code list}; refused as input {@code after} otherwise. */
    static List<String> decode(String list, String cursor) {
        try {
            String plain = new String(CIPHER.open(key, cursor), StandardCharsets.UTF_8);
            String[] parts = plain.split(String.valueOf(SEPARATOR), -1);
            if (parts.length == 3 && parts[0].equals(list) && !parts[2].isEmpty()) {
                return List.of(parts[1], parts[2]);
            }
        } catch (RuntimeException unreadable) {
            // made up, altered, or sealed with another key: refused below
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
