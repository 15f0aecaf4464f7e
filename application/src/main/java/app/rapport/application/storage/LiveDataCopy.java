package app.rapport.application.storage;

import org.h2.mvstore.Cursor;
import org.h2.mvstore.FileStore;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * Shrinks the store's file to its live data before it is opened, when most of it is old versions and free space;
 * also, once, a file whose indexes are in the order of an older version.
 * <p>
 * Every durable write appends a chunk, so a busy day (an import, a rebuild) leaves a file of mostly dead pages.
 * MVStore's own compaction rewrites pages in place of others and, measured on such files, leaves half of them dead
 * after ten seconds; copying the live entries into a new file takes a fraction of that and leaves none. The copy is
 * written beside the file and synced, then moved over it in one step: a crash leaves either file whole, and a copy
 * left behind by a crash is deleted at the next start.
 * <p>
 * The old file holds nothing the erasure protects: a forgotten person's dead pages were overwritten when they were
 * forgotten ({@link ScrubbingFileStore#eraseDeadData}).
 */
final class LiveDataCopy {

    private static final Logger log = LoggerFactory.getLogger(LiveDataCopy.class);

    /**
     * The copy is made when less than this share of the file is live data: then the file holds more than two and a
     * half times what it needs. The copy costs about 0.5 s per 1,000 contacts on a 2-core machine.
     */
    static final int COPY_BELOW_LIVE_PERCENT = 40;
    /** Small files are left as they are: their waste is a few megabytes at most. */
    static final long SMALLEST_FILE_TO_COPY = 8L << 20;

    private LiveDataCopy() {
    }

    /** What a copy did, for the log. */
    record Copied(long bytesBefore, long bytesAfter, long millis) {
    }

    /**
     * Replaces {@code file} by a copy of its live data if it is mostly waste, or if its indexes are in the order an
     * older Rapport wrote them in (the copy writes them in the current one, {@link IndexKeyType}); nothing otherwise,
     * or when it does not exist. A copy left beside it by a crash is deleted first.
     */
    static Optional<Copied> copyIfDue(Path file, int cacheMegabytes) {
        try {
            Files.deleteIfExists(copyOf(file));
            if (!Files.exists(file)) {
                return Optional.empty();
            }
            MVStore source = open(file, cacheMegabytes, false);
            try {
                if (!IndexKeyType.inValueOrder(source)) {
                    log.info("The store's indexes are in the order of an older version: copying the store into the current order, once, before starting");
                    return Optional.of(copyLiveData(file, source, cacheMegabytes));
                }
                FileStore<?> files = source.getFileStore();
                long size = files.size();
                long live = size / 100 * files.getFillRate() / 100 * files.getChunksFillRate();
                if (size < SMALLEST_FILE_TO_COPY || live * 100 >= size * COPY_BELOW_LIVE_PERCENT) {
                    return Optional.empty();
                }
                log.info("The store's file is {} MiB, about {} MiB of it live: copying the live data to a new file before starting",
                         size >> 20, live >> 20);
                return Optional.of(copyLiveData(file, source, cacheMegabytes));
            } finally {
                source.closeImmediately();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot copy the store's file " + file, e);
        }
    }

    /** Replaces {@code file} by a new file of its live entries, map by map, in key order. */
    static Copied copyLiveData(Path file, int cacheMegabytes) throws IOException {
        MVStore source = open(file, cacheMegabytes, false);
        try {
            return copyLiveData(file, source, cacheMegabytes);
        } finally {
            source.closeImmediately();
        }
    }

    /** The copy of {@code file}, read through {@code source}, its store already open; moved over the file once written. */
    private static Copied copyLiveData(Path file, MVStore source, int cacheMegabytes) throws IOException {
        long started = System.nanoTime();
        long before = Files.size(file);
        Path copy = copyOf(file);
        RapportH2Backend.openMapsWithTheirTypes(source);
        // The copy's background writer stores what has been put so far, so that it never all sits in memory.
        MVStore target = open(copy, cacheMegabytes, true);
        try {
            for (String name : source.getMapNames()) {
                // Not appended by a single writer: MVStore pins such maps' pages, and a map opened the usual way
                // afterwards fails its page accounting.
                copyEntries(RapportH2Backend.openWithItsTypes(source, name), RapportH2Backend.openWithItsTypes(target, name));
            }
            // Put one by one, the copy's index keys are in the current order whatever the source's was.
            IndexKeyType.markValueOrder(target);
            target.commit();
        } finally {
            target.close(0);
        }
        syncFile(copy);
        Files.move(copy, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        syncDirectory(file.getParent());
        return new Copied(before, Files.size(file), (System.nanoTime() - started) / 1_000_000);
    }

    private static Path copyOf(Path file) {
        return file.resolveSibling(file.getFileName() + ".compacting");
    }

    private static void copyEntries(MVMap<Object, Object> from, MVMap<Object, Object> to) {
        for (Cursor<Object, Object> entries = from.cursor(null); entries.hasNext(); ) {
            Object key = entries.next();
            to.put(key, entries.getValue());
        }
    }

    /**
     * @param backgroundWriter false for the file being copied: its background compaction would rewrite chunks the copy
     *                         is reading
     */
    private static MVStore open(Path file, int cacheMegabytes, boolean backgroundWriter) {
        ScrubbingFileStore files = new ScrubbingFileStore(cacheMegabytes);
        files.open(file.toString(), false, null);
        MVStore.Builder builder = new MVStore.Builder().adoptFileStore(files).compress();
        return (backgroundWriter ? builder : builder.autoCommitDisabled()).open();
    }

    private static void syncFile(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
    }

    private static void syncDirectory(Path directory) throws IOException {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }
}
