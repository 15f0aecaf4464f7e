package app.rapport.domain.shared;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Input checks shared by both aggregates. Each failure is an {@link InvalidInput} naming the field and the
 * rule; messages echo numbers and times but never the text a person typed, so logs stay free of personal data.
 */
public final class Require {

    private Require() {
    }

    public static <T> T present(String field, T value) {
        if (value == null) {
            throw new InvalidInput(field, field + " is required");
        }
        return value;
    }

    /** A required text: trimmed, not blank (nor only invisible characters), clean, not too long. */
    public static String text(String field, String value, int maxLength) {
        if (blank(value)) {
            throw new InvalidInput(field, field + " must not be blank");
        }
        return withinLength(field, clean(field, value.strip()), maxLength);
    }

    /** An optional text: trimmed; blank (or only invisible characters) becomes null. */
    public static String optionalText(String field, String value, int maxLength) {
        if (blank(value)) {
            return null;
        }
        return withinLength(field, clean(field, value.strip()), maxLength);
    }

    /** Blank, or made only of characters that show nothing (zero-width spaces, fillers, blank patterns). */
    public static boolean blank(String value) {
        return value == null || value.codePoints().allMatch(Require::invisible);
    }

    /**
     * The text, refused when it holds control characters (NUL, BEL, …; line breaks and tabs are fine) or the
     * characters that reorder what follows them on screen (U+202A–U+202E, U+2066–U+2069), with which a name can be
     * made to read as something else.
     */
    public static String clean(String field, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean control = Character.getType(c) == Character.CONTROL && c != '\n' && c != '\r' && c != '\t';
            boolean reordering = c >= '\u202A' && c <= '\u202E' || c >= '\u2066' && c <= '\u2069';
            if (control || reordering) {
                throw new InvalidInput(field, field + " must not contain control characters or direction overrides (found U+"
                                              + String.format("%04X", (int) c) + " at position " + (i + 1) + ")");
            }
        }
        return value;
    }

    private static boolean invisible(int codePoint) {
        return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint)
               || Character.getType(codePoint) == Character.FORMAT || Character.getType(codePoint) == Character.CONTROL
               || codePoint == 0x115F || codePoint == 0x1160 || codePoint == 0x3164 || codePoint == 0xFFA0 || codePoint == 0x2800;
    }

    /** A list of texts: each trimmed and not blank; null means none. */
    public static List<String> texts(String field, List<String> values, int maxItems, int maxLength) {
        if (values == null) {
            return List.of();
        }
        if (values.size() > maxItems) {
            throw new InvalidInput(field, field + " may hold at most " + maxItems + " entries, was " + values.size());
        }
        List<String> result = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i);
            String element = field + "[" + i + "]";
            if (blank(value)) {
                throw new InvalidInput(field, element + " must not be blank");
            }
            String stripped = clean(element, value.strip());
            if (stripped.length() > maxLength) {
                throw new InvalidInput(field, element + " must be at most " + maxLength
                                              + " characters, was " + stripped.length());
            }
            result.add(stripped);
        }
        return List.copyOf(result);
    }

    public static int between(String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw new InvalidInput(field, field + " must be between " + min + " and " + max + ", was " + value);
        }
        return value;
    }

    /** A time that has already happened (back-filling the past is welcome), allowing for clock skew. */
    public static Instant notInFuture(String field, Instant at, Instant now) {
        present(field, at);
        if (at.isAfter(now.plus(DomainClock.CLOCK_SKEW))) {
            throw new InvalidInput(field, field + " must not be in the future, was " + at + " (now is " + now + ")");
        }
        return at;
    }

    /** Steps are recorded in the order they happened. */
    public static Instant notBefore(String field, Instant at, Instant earliest, String earliestMeaning) {
        if (earliest != null && at.isBefore(earliest)) {
            throw new InvalidInput(field, field + " must not be before " + earliestMeaning + " (" + earliest
                                          + "), was " + at);
        }
        return at;
    }

    private static String withinLength(String field, String value, int maxLength) {
        if (value.length() > maxLength) {
            throw new InvalidInput(field, field + " must be at most " + maxLength + " characters, was " + value.length());
        }
        return value;
    }
}
