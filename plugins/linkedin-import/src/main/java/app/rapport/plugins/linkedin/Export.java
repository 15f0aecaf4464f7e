package app.rapport.plugins.linkedin;

import app.rapport.plugin.Refused;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * An uploaded export, kept in temporary files until its import is done: the archive's {@code Connections.csv},
 * {@code messages.csv} and {@code Invitations.csv}, or a {@code Connections.csv} sent alone. An archive's entries are
 * unpacked with limits on their size and on how much they expand, so a zip bomb is refused, not unpacked.
 *
 * @param messages    null when the upload has none
 * @param invitations null when the upload has none
 */
record Export(Path directory, Path connections, Path messages, Path invitations) implements AutoCloseable {

    /** The most an unpacked file of an archive may hold. */
    static final long MOST_UNPACKED = 512L * 1024 * 1024;

    /** The most an archive's entry may expand: text compresses some twentyfold; a zip bomb a thousandfold. */
    static final long MOST_EXPANSION = 200;

    static Export of(InputStream upload) throws IOException {
        Path directory = Files.createTempDirectory("rapport-linkedin-");
        try {
            Path received = directory.resolve("upload");
            Files.copy(upload, received);
            if (!isZip(received)) {
                return new Export(directory, received, null, null);
            }
            Path connections = null;
            Path messages = null;
            Path invitations = null;
            try (ZipFile zip = new ZipFile(received.toFile())) {
                Enumeration<? extends ZipEntry> entries = zip.entries();
                while (entries.hasMoreElements()) {
                    ZipEntry entry = entries.nextElement();
                    String name = entry.getName().substring(entry.getName().lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
                    switch (name) {
                        case "connections.csv" -> connections = unpack(zip, entry, directory.resolve("connections.csv"));
                        case "messages.csv" -> messages = unpack(zip, entry, directory.resolve("messages.csv"));
                        case "invitations.csv" -> invitations = unpack(zip, entry, directory.resolve("invitations.csv"));
                        default -> { } // the archive's other files are not imported
                    }
                }
            } catch (ZipException broken) {
                throw new Refused("file", "the archive cannot be read: " + broken.getMessage());
            }
            Files.delete(received);
            if (connections == null) {
                throw new Refused("file", "the archive holds no Connections.csv: upload LinkedIn's \"Download your data\""
                                          + " archive, or its Connections.csv alone");
            }
            return new Export(directory, connections, messages, invitations);
        } catch (IOException | RuntimeException failed) {
            delete(directory);
            throw failed;
        }
    }

    private static boolean isZip(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] magic = in.readNBytes(4);
            return magic.length == 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4;
        }
    }

    private static Path unpack(ZipFile zip, ZipEntry entry, Path target) throws IOException {
        long limit = Math.min(MOST_UNPACKED, Math.max(1024 * 1024, entry.getCompressedSize() * MOST_EXPANSION));
        try (InputStream in = zip.getInputStream(entry); OutputStream out = Files.newOutputStream(target)) {
            byte[] buffer = new byte[64 * 1024];
            long written = 0;
            for (int read; (read = in.read(buffer)) > 0; ) {
                written += read;
                if (written > limit) {
                    throw new Refused("file", entry.getName() + " expands beyond " + limit / (1024 * 1024)
                                              + " MB: this archive is not an export LinkedIn made");
                }
                out.write(buffer, 0, read);
            }
        }
        return target;
    }

    @Override
    public void close() {
        delete(directory);
    }

    private static void delete(Path directory) {
        try (var files = Files.list(directory)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(directory);
        } catch (IOException ignored) {
            // the system's temporary directory is cleaned in time
        }
    }
}
