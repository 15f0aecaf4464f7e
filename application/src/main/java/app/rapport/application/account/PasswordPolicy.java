package app.rapport.application.account;

import app.rapport.domain.shared.InvalidInput;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * What a new password must not be, beyond its length (NIST SP 800-63B, 5.1.1.2): one of the passwords people choose
 * most often, a single character repeated, a run of the keyboard or of the alphabet, or blank. No rules about
 * kinds of characters: length and not being guessable are what count.
 */
final class PasswordPolicy {

    private static final Set<String> COMMON = load();
    private static final String[] RUNS = {"0123456789012345678901234567890", "9876543210987654321098765432109",
                                          "abcdefghijklmnopqrstuvwxyzabcdefghij", "qwertyuiopasdfghjklzxcvbnm",
                                          "qwertzuiopasdfghjklyxcvbnm", "azertyuiopqsdfghjklmwxcvbn"};

    private PasswordPolicy() {
    }

    static void requireNotGuessable(String field, String password) {
        String folded = password.toLowerCase(Locale.ROOT);
        if (password.isBlank()) {
            throw refused(field, field + " must not be only spaces");
        }
        if (password.codePoints().distinct().count() <= 2) {
            throw refused(field, field + " must not be one or two characters repeated");
        }
        if (COMMON.contains(folded) || COMMON.contains(folded.strip())) {
            throw refused(field, field + " is one of the passwords people choose most often");
        }
        for (String run : RUNS) {
            if (run.contains(folded)) {
                throw refused(field, field + " must not be a run of the keyboard or the alphabet");
            }
        }
    }

    private static InvalidInput refused(String field, String why) {
        return new InvalidInput(field, why + ": choose a longer phrase only you would think of, e.g. four unrelated words");
    }

    private static Set<String> load() {
        Set<String> common = new HashSet<>();
        try (InputStream in = PasswordPolicy.class.getResourceAsStream("common-passwords.txt")) {
            if (in == null) {
                throw new IllegalStateException("common-passwords.txt is missing from the application's resources");
            }
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .forEach(line -> common.add(line.toLowerCase(Locale.ROOT)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(common);
    }
}
