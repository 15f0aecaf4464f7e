package app.rapport.application.privacy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.crypto.SecretKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.List;

/**
 * The server's own key, kept apart from the data so that a copy of the database or data directory alone reveals
 * nothing: {@code rapport.secrets-key} (base64 of 32 bytes, e.g. from the environment), or else the file
 * {@code rapport.secrets-key-file}, created with owner-only permissions on first start. It wraps every contact's
 * key, and seals plugins' secrets and list cursors (which hold a sort key such as a name). Every server of a
 * cluster needs the same one.
 * <p>
 * Rotation: the new key in {@code rapport.secrets-key}, the old one in {@code rapport.secrets-key-previous};
 * what the old one sealed is still read, and sealed again with the new one at start-up.
 *
 * @param key      AES-256, seals
 * @param previous keys being rotated out, still open what they sealed
 */
public record ServerKey(SecretKey key, List<SecretKey> previous) {

    private static final Logger log = LoggerFactory.getLogger(ServerKey.class);
    private static final PersonalDataCipher CIPHER = new PersonalDataCipher();

    public ServerKey {
        previous = List.copyOf(previous);
    }

    public ServerKey(SecretKey key) {
        this(key, List.of());
    }

    /** The key from {@code base64} when given, else from {@code file}, which is created when missing. */
    public static ServerKey load(String base64, Path file) {
        return new ServerKey(read(base64, file));
    }

    /** As {@link #load(String, Path)}, still opening what {@code previousBase64} (when given) sealed. */
    public static ServerKey load(String base64, Path file, String previousBase64) {
        if (previousBase64 == null || previousBase64.isBlank()) {
            return load(base64, file);
        }
        return new ServerKey(read(base64, file), List.of(decode(previousBase64, "rapport.secrets-key-previous")));
    }

    public String seal(byte[] plaintext) {
        return CIPHER.seal(key, plaintext);
    }

    /** What {@code sealed} holds, sealed with this key or a previous one. */
    public byte[] open(String sealed) {
        try {
            return CIPHER.open(key, sealed);
        } catch (PersonalDataCipher.UnreadableValueException notThisKey) {
            for (SecretKey older : previous) {
                try {
                    return CIPHER.open(older, sealed);
                } catch (PersonalDataCipher.UnreadableValueException notThatOne) {
                    // try the next
                }
            }
            throw notThisKey;
        }
    }

    /** Whether {@code sealed} was sealed with a previous key, and is to be sealed again. */
    public boolean sealedWithPrevious(String sealed) {
        try {
            CIPHER.open(key, sealed);
            return false;
        } catch (PersonalDataCipher.UnreadableValueException notThisKey) {
            return !previous.isEmpty();
        }
    }

    private static SecretKey read(String base64, Path file) {
        if (base64 != null && !base64.isBlank()) {
            return decode(base64, "rapport.secrets-key");
        }
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            return PersonalDataCipher.key(Base64.getDecoder().decode(Files.readString(file).strip()));
        } catch (IOException e) {
            throw new UncheckedIOException("The secrets key " + file + " cannot be read or created; set rapport.secrets-key-file"
                                           + " to a writable place outside the data, or rapport.secrets-key", e);
        } catch (IllegalArgumentException malformed) {
            throw new IllegalStateException("The secrets key " + file + " is not the base64 of 32 bytes");
        }
    }

    private static SecretKey decode(String base64, String setting) {
        try {
            return PersonalDataCipher.key(Base64.getDecoder().decode(base64.strip()));
        } catch (IllegalArgumentException malformed) {
            throw new IllegalStateException(setting + " must be the base64 of 32 random bytes (openssl rand -base64 32)");
        }
    }

    @Override
    public String toString() {
        return "ServerKey[hidden]";
    }

    private static void create(Path file) throws IOException {
        String key = Base64.getEncoder().encodeToString(new PersonalDataCipher().newKey());
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(file);
        } catch (FileAlreadyExistsException raced) {
            return; // another server sharing the key made it a moment ago
        }
        Files.writeString(file, key + "\n");
        log.info("Created the server's key at {}: back it up apart from the data; without it no contact's details, plugin secret or list cursor can be read",
                 file.toAbsolutePath());
    }
}
