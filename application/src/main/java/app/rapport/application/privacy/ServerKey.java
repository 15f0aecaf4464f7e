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

/**
 * The server's own key, kept apart from the data so that a copy of the database or data directory alone reveals no
 * secret: {@code rapport.secrets-key} (base64 of 32 bytes, e.g. from the environment), or else the file
 * {@code rapport.secrets-key-file}, created with owner-only permissions on first start. Plugins' secrets are sealed
 * with it, and list cursors, which hold a sort key such as a name. Every server of a cluster needs the same one.
 *
 * @param key AES-256
 */
public record ServerKey(SecretKey key) {

    private static final Logger log = LoggerFactory.getLogger(ServerKey.class);

    /** The key from {@code base64} when given, else from {@code file}, which is created when missing. */
    public static ServerKey load(String base64, Path file) {
        return new ServerKey(read(base64, file));
    }

    private static SecretKey read(String base64, Path file) {
        if (base64 != null && !base64.isBlank()) {
            try {
                return PersonalDataCipher.key(Base64.getDecoder().decode(base64.strip()));
            } catch (IllegalArgumentException malformed) {
                throw new IllegalStateException("rapport.secrets-key must be the base64 of 32 random bytes (openssl rand -base64 32)");
            }
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
        log.info("Created the server's key for plugins' secrets and list cursors at {}: back it up apart from the data; without it they cannot be read",
                 file.toAbsolutePath());
    }
}
