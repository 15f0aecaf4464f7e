package app.rapport.application.account;

import app.rapport.domain.shared.InvalidInput;
import app.rapport.domain.shared.Require;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The rules for what a person types when signing up. Messages name the field and the rule, never echo what
 * was typed, so that neither passwords nor emails reach a log through an error message.
 */
final class AccountInput {

    /** The longest address SMTP can deliver to (RFC 5321). */
    static final int MAX_EMAIL_LENGTH = 254;
    static final int MIN_PASSWORD_LENGTH = 10;
    /** Bounds the work one request can make the server do hashing. */
    static final int MAX_PASSWORD_LENGTH = 200;
    static final int MAX_DISPLAY_NAME_LENGTH = 100;

    // Deliberately loose: one @, something before it, a dotted domain after it, no spaces. Whether the address
    // exists is the mail server's business.
    private static final Pattern EMAIL = Pattern.compile("[^\\s@]+@[^\\s@.]+(\\.[^\\s@.]+)+");

    private AccountInput() {
    }

    /** The address as it is stored and looked up: trimmed and lower-case, so that Ann@X.org and ann@x.org are one. */
    static String email(String email) {
        if (email == null || email.isBlank()) {
            throw new InvalidInput("email", "email is required");
        }
        String normalised = normalisedEmail(email);
        if (normalised.length() > MAX_EMAIL_LENGTH) {
            throw new InvalidInput("email", "email must be at most " + MAX_EMAIL_LENGTH + " characters, was "
                                            + normalised.length());
        }
        if (!EMAIL.matcher(normalised).matches()) {
            throw new InvalidInput("email", "email must look like name@example.org");
        }
        return normalised;
    }

    static String normalisedEmail(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    /** A new password; taken exactly as typed (spaces included), only its length is checked. */
    static String newPassword(String password) {
        return newPassword("password", password);
    }

    /** A password being set, checked under the name of the field it came in. */
    static String newPassword(String field, String password) {
        if (password == null || password.isEmpty()) {
            throw new InvalidInput(field, field + " is required");
        }
        if (password.length() < MIN_PASSWORD_LENGTH) {
            throw new InvalidInput(field, field + " must be at least " + MIN_PASSWORD_LENGTH + " characters, was " + password.length());
        }
        if (password.length() > MAX_PASSWORD_LENGTH) {
            throw new InvalidInput(field, field + " must be at most " + MAX_PASSWORD_LENGTH + " characters, was " + password.length());
        }
        PasswordPolicy.requireNotGuessable(field, password);
        return password;
    }

    static String displayName(String displayName) {
        return Require.text("displayName", displayName, MAX_DISPLAY_NAME_LENGTH);
    }
}
