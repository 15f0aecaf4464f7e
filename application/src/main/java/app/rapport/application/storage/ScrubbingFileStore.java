package app.rapport.application.storage;

import org.h2.mvstore.Chunk;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.SingleFileStore;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;

/**
 * The embedded store's file, able to erase what it no longer holds.
 * <p>
 * MVStore never writes in place: a changed or deleted document leaves its old page in the chunk it was written
 * in, and a chunk that no longer holds anything live is only marked free, its bytes left until the space is
 * reused. Deleted personal data could therefore be read back from the file with {@code strings}.
 * {@link #eraseDeadData} moves every live page out of the chunks that also hold dead ones, drops those chunks,
 * and overwrites all free space with zeros, so that only live data remains in the file.
 * <p>
 * Built on MVStore's protected file-store members (H2 2.3); {@code ScrubbingFileStoreTest} reads the file's
 * bytes to prove it still works with the H2 version in use.
 */
final class ScrubbingFileStore extends SingleFileStore {

    /** Live data moved per step: between steps other writers commit, so none waits long. */
    private static final int REWRITE_BYTES_PER_STEP = 4 << 20;
    /** MVStore's fill rate is 100 only for a chunk without a dead byte. */
    private static final int FILL_RATE_OF_A_CHUNK_WITH_DEAD_DATA = 99;
    private static final int ZEROS_PER_WRITE = 1 << 20;
    /** MVStore's block; its first two hold the file header. */
    private static final int BLOCK = 4096;

    ScrubbingFileStore(int cacheMegabytes) {
        super(new HashMap<>(Map.of("cacheSize", cacheMegabytes)));
    }

    /** What an erasure did, for the log. */
    record Scrub(int rewriteSteps, long bytesZeroed, long fileBytes) {
    }

    /**
     * Leaves no dead data in the file: all of it that existed when this was called is gone when it returns, and
     * the file is synced. Writers go on meanwhile; only the final overwrite of free space holds them briefly.
     */
    Scrub eraseDeadData(MVStore store) {
        int versionsToKeep = (int) store.getVersionsToKeep();
        // MVStore keeps the chunks of the last few versions for readers of an old version; the embedded server
        // has none that outlive a request, and keeping them would keep the data this is here to erase.
        store.setVersionsToKeep(0);
        try {
            store.commit();
            int newestAtStart = newestChunkId();
            int steps = 0;
            // Chunks written from now on hold only live data; writers may add dead data to them, but not the data
            // this erasure is for. The bound keeps a busy store from keeping this here for ever.
            int bound = getChunks().size() + 2;
            while (steps < bound && holdsDeadData(newestAtStart)
                   && rewriteChunks(REWRITE_BYTES_PER_STEP, FILL_RATE_OF_A_CHUNK_WITH_DEAD_DATA)) {
                store.commit();
                steps++;
            }
            dropDeadChunks(store);
            compactMoveChunks(100, Long.MAX_VALUE, store);
            dropDeadChunks(store);
            long[] zeroed = new long[1];
            store.executeFilestoreOperation(() -> zeroed[0] = zeroFreeSpace());
            return new Scrub(steps, zeroed[0], size());
        } finally {
            store.setVersionsToKeep(versionsToKeep);
        }
    }

    private int newestChunkId() {
        return getChunks().keySet().stream().mapToInt(Integer::intValue).max().orElse(-1);
    }

    /** Whether a chunk written by {@code newestChunkId} still mixes live and dead data. */
    private boolean holdsDeadData(int newestChunkId) {
        for (Chunk<?> chunk : getChunks().values()) {
            if (chunk.id <= newestChunkId && chunk.maxLenLive > 0 && chunk.maxLenLive < chunk.maxLen) {
                return true;
            }
        }
        return false;
    }

    /** A chunk is dropped at the commit after the version that stopped using it; two commits make sure. */
    private void dropDeadChunks(MVStore store) {
        for (int i = 0; i < 2; i++) {
            store.commit();
            dropUnusedChunks();
        }
    }

    private long zeroFreeSpace() {
        saveChunkLock.lock();
        try {
            long end = size();
            long zeroed = 0;
            long runStart = -1;
            for (long position = 2L * BLOCK; position <= end; position += BLOCK) {
                boolean free = position < end && freeSpace.isFree(position, BLOCK);
                if (free && runStart < 0) {
                    runStart = position;
                } else if (!free && runStart >= 0) {
                    zeroed += zero(runStart, position);
                    runStart = -1;
                }
            }
            sync();
            return zeroed;
        } finally {
            saveChunkLock.unlock();
        }
    }

    private long zero(long from, long to) {
        for (long position = from; position < to; position += ZEROS_PER_WRITE) {
            writeFully(null, position, ByteBuffer.allocate((int) Math.min(ZEROS_PER_WRITE, to - position)));
        }
        return to - from;
    }
}
