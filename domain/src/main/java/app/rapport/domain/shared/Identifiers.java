package app.rapport.domain.shared;

import java.util.Objects;
import java.util.function.BiFunction;
import java.util.regex.Pattern;

/** The rules every client-chosen id obeys, so that it is safe inside keys, URLs and log lines. */
public final class Identifiers {

    public static final int MAX_LENGTH = 100;

    // No '/': it separates owner and value in aggregate identifiers, which keeps that split unambiguous.
    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9._:-]+");

    private Identifiers() {
    }

    public static void requireOwner(OwnerId owner) {
        if (owner == null) {
            throw new InvalidInput("owner", "owner is required for every id");
        }
    }

    public static void requireValidValue(String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidInput("id", "id must not be blank");
        }
        if (value.length() > MAX_LENGTH) {
            throw new InvalidInput("id", "id must be at most " + MAX_LENGTH + " characters, was " + value.length());
        }
        if (value.chars().allMatch(c -> c == '.')) {
            throw new InvalidInput("id", "id must not be only dots");
        }
        if (!ALLOWED.matcher(value).matches()) {
            throw new InvalidInput("id", "id may contain only the letters A-Z and a-z, digits and the characters - _ . :");
        }
    }

    /**
     * A client's id read as one of the owner's: a missing or malformed one is refused naming the input {@code field}
     * it came in, so the API and plugins report it alike.
     */
    public static <T> T parse(OwnerId owner, String id, String field, BiFunction<OwnerId, String, T> type) {
        if (id == null) {
            throw new InvalidInput(field, field + " is required");
        }
        try {
            return type.apply(owner, id);
        } catch (InvalidInput invalid) {
            throw new InvalidInput(field, invalid.getMessage().replaceFirst("^id\\b", field));
        }
    }

    /**
     * An id read back from its key, {@code <owner>/<value>} (how {@code ContactId} and {@code InterviewId} print, and
     * the aggregate identifier): a value never holds '/', so the last one splits them. Null for null.
     */
    public static <T> T fromKey(String key, BiFunction<OwnerId, String, T> type) {
        if (key == null) {
            return null;
        }
        int split = key.lastIndexOf('/');
        if (split <= 0) {
            throw new IllegalArgumentException("an id's key is <owner>/<value>, not " + key);
        }
        return type.apply(new OwnerId(key.substring(0, split)), key.substring(split + 1));
    }

    /** The owner part of a key ({@link #fromKey}), without checking the value. */
    public static OwnerId ownerOfKey(String key) {
        return fromKey(Objects.requireNonNull(key, "key"), (owner, value) -> owner);
    }
}
