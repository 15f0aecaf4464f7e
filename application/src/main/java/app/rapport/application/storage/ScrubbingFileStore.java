package app.rapport.application.storage;

import org.h2.mvstore.Chunk;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.FileStore;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.SingleFileStore;
import org.h2.mvstore.WriteBuffer;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The embedded store's file, able to erase what it no longer holds.
 * <p>
 * MVStore never writes in place: a changed or deleted document leaves its old page in the chunk it was written
 * in, beside pages that are still live, and a chunk with nothing live left is only marked free, its bytes kept
 * until the space is reused. Deleted personal data could be read back from the file with {@code strings}.
 * {@link #eraseDeadData} overwrites with zeros every page that MVStore counts as dead, in place, and all free
 * space; live pages are not touched, nothing is moved or rewritten, so it costs a write of the dead bytes only.
 * <p>
 * Which pages are dead is MVStore's own bookkeeping (each chunk's table of contents and its occupancy bits), read
 * through H2 2.3's non-public members; {@code ScrubbingFileStoreTest} reads the file's bytes to prove it still
 * works with the H2 version in use, and fails loudly, not silently, when the members change.
 */
final class ScrubbingFileStore extends SingleFileStore {

    /** MVStore's block; its first two hold the file header. */
    private static final int BLOCK = 4096;
    private static final int ZEROS_PER_WRITE = 1 << 20;
    /**
     * While requests keep the file busy, its chunks are compacted only once less than half of what they hold is
     * live: compacting costs a third more CPU during an import. In a quiet moment they are compacted to 90 %.
     */
    private static final int BUSY_COMPACTION_FILL_PERCENT = 50;
    /**
     * How long a request may still read a page that died before the erasure began: requests to the embedded server
     * take milliseconds. MVStore does not count a page as dead while a request it knows of may read it; one that
     * read a zeroed page anyway would fail, not read wrong data.
     */
    private static final long GRACE_MILLIS = 1_000;

    /** A chunk's footer, at the end of its last block. */
    private static final int FOOTER_LENGTH = 128;
    private static final byte[] FOOTER_START = "chunk:".getBytes(StandardCharsets.US_ASCII);

    private static final MethodHandle OCCUPANCY;
    private static final MethodHandle PAGE_COUNT;
    private static final MethodHandle TABLE_OF_CONTENTS_POSITION;
    private static final MethodHandle READ_TABLE_OF_CONTENTS;

    static {
        try {
            MethodHandles.Lookup chunks = MethodHandles.privateLookupIn(Chunk.class, MethodHandles.lookup());
            OCCUPANCY = chunks.findGetter(Chunk.class, "occupancy", BitSet.class);
            PAGE_COUNT = chunks.findGetter(Chunk.class, "pageCount", int.class);
            TABLE_OF_CONTENTS_POSITION = chunks.findGetter(Chunk.class, "tocPos", int.class);
            READ_TABLE_OF_CONTENTS = chunks.findVirtual(Chunk.class, "readToC", MethodType.methodType(long[].class, FileStore.class));
        } catch (ReflectiveOperationException changed) {
            throw new ExceptionInInitializerError("This H2 version keeps its chunks' pages differently; erasing dead data "
                                                  + "needs ScrubbingFileStore adapted: " + changed);
        }
    }

    /**
     * Held by the background compaction while it runs and by an erasure throughout: the compaction moves whole
     * chunks, dead pages included, to other places in the file, which an erasure under way would not see.
     */
    private final ReentrantLock compactionOrErasure = new ReentrantLock();

    ScrubbingFileStore(int cacheMegabytes) {
        super(new HashMap<>(Map.of("cacheSize", cacheMegabytes)));
        // A chunk no longer used may be overwritten at once (MVStore's default keeps it 45 s, for writes the disk
        // has not made durable yet): the file is synced before its space is freed, below. Kept longer, every chunk
        // written during an import stays, and the file grows three times as large.
        setRetentionTime(0);
    }

    /**
     * Before a chunk's space can be reused, everything written so far is made durable, so the versions that still
     * need the chunk are never the newest on disk after a power cut.
     */
    @Override
    @SuppressWarnings({"rawtypes", "unchecked"}) // MVStore's own chunk type is not public
    protected void freeChunkSpace(Iterable chunks) {
        sync();
        super.freeChunkSpace(chunks);
    }

    /** The background compaction skips its turn while an erasure runs; it comes round again within a second. */
    @Override
    protected void doHousekeeping(MVStore store) throws InterruptedException {
        if ((isIdle() || getChunksFillRate() < BUSY_COMPACTION_FILL_PERCENT) && compactionOrErasure.tryLock()) {
            try {
                super.doHousekeeping(store);
            } finally {
                compactionOrErasure.unlock();
            }
        }
    }

    /**
     * A chunk is written from a pooled buffer and padded to whole blocks with whatever the buffer held before: bytes
     * of chunks written earlier, dead data included. Cleared before it goes back to the pool, a buffer pads with
     * zeros.
     */
    @Override
    public void releaseWriteBuffer(WriteBuffer buffer) {
        ByteBuffer bytes = buffer.getBuffer();
        if (bytes.hasArray()) {
            // Only what this chunk wrote: the rest was zeros already, as a new buffer is and each release leaves it.
            int written = Math.max(bytes.position(), bytes.limit());
            Arrays.fill(bytes.array(), bytes.arrayOffset(), bytes.arrayOffset() + written, (byte) 0);
            super.releaseWriteBuffer(buffer);
        } // else dropped, not pooled: a new buffer is zeros
    }

    /** What an erasure did, for the log. */
    record Scrub(int deadPages, long bytesZeroed, long fileBytes) {
    }

    /** A chunk's dead pages when the erasure began: a dead page stays dead. */
    private record DeadPages(Chunk<?> chunk, long block, long[] tableOfContents, BitSet dead) {
    }

    /**
     * Leaves no dead data in the file: every page dead when this is called, and all free space, is zeros when it
     * returns, and the file is synced. Writers go on meanwhile; each chunk's overwrite holds them briefly.
     */
    Scrub eraseDeadData(MVStore store) throws InterruptedException {
        compactionOrErasure.lockInterruptibly();
        try {
            return eraseWithoutCompaction(store);
        } finally {
            compactionOrErasure.unlock();
        }
    }

    private Scrub eraseWithoutCompaction(MVStore store) throws InterruptedException {
        store.commit();
        // Requests that began before may still read what died before; once they are done, MVStore counts it as dead.
        Thread.sleep(GRACE_MILLIS);
        // MVStore counts a replaced page as dead only once a few more versions were committed and no request reads
        // an older one; with none kept, and asked to rewrite nothing, it brings the count up to date.
        int versionsToKeep = (int) store.getVersionsToKeep();
        store.setVersionsToKeep(0);
        try {
            store.commit();
            rewriteChunks(0, -1);
        } finally {
            store.setVersionsToKeep(versionsToKeep);
        }
        List<DeadPages> chunks = new ArrayList<>();
        for (Chunk<?> chunk : getChunks().values()) {
            BitSet dead = occupancy(chunk);
            if (chunk.block > 0 && dead != null && !dead.isEmpty()) {
                chunks.add(new DeadPages(chunk, chunk.block, tableOfContents(chunk), (BitSet) dead.clone()));
            }
        }
        int[] pages = new int[1];
        long zeroed;
        try (FileChannel reader = FileChannel.open(Path.of(getFileName()), StandardOpenOption.READ)) {
            zeroed = zeroDeadPages(reader, chunks, pages) + zeroPaddingOfEveryChunk(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long[] free = new long[1];
        store.executeFilestoreOperation(() -> free[0] = zeroFreeSpace());
        return new Scrub(pages[0], zeroed + free[0], size());
    }

    private long zeroDeadPages(FileChannel reader, List<DeadPages> chunks, int[] pages) throws IOException {
        long zeroed = 0;
        for (DeadPages chunk : chunks) {
            saveChunkLock.lock();
            try {
                // A chunk dropped meanwhile is free space, and its place may hold a new chunk: that is zeroed below.
                if (getChunks().get(chunk.chunk().id) != chunk.chunk() || chunk.chunk().block != chunk.block()) {
                    continue;
                }
                for (int page = chunk.dead().nextSetBit(0); page >= 0; page = chunk.dead().nextSetBit(page + 1)) {
                    long bytes = zeroPage(reader, chunk, chunk.tableOfContents()[page]);
                    zeroed += bytes;
                    pages[0] += bytes > 0 ? 1 : 0;
                }
            } finally {
                saveChunkLock.unlock();
            }
        }
        return zeroed;
    }

    /** Chunks written before buffers were cleared (by an older Rapport) may hold old bytes between contents and footer. */
    private long zeroPaddingOfEveryChunk(FileChannel reader) throws IOException {
        long zeroed = 0;
        for (Chunk<?> chunk : new ArrayList<>(getChunks().values())) {
            saveChunkLock.lock();
            try {
                if (chunk.block > 0 && getChunks().get(chunk.id) == chunk) {
                    zeroed += zeroPadding(reader, chunk);
                }
            } finally {
                saveChunkLock.unlock();
            }
        }
        return zeroed;
    }

    private long zeroPadding(FileChannel reader, Chunk<?> chunk) throws IOException {
        long chunkStart = chunk.block * BLOCK;
        long footer = chunkStart + (long) chunk.len * BLOCK - FOOTER_LENGTH;
        long contentsEnd;
        try {
            contentsEnd = chunkStart + (int) TABLE_OF_CONTENTS_POSITION.invoke(chunk) + 8L * (int) PAGE_COUNT.invoke(chunk);
        } catch (Throwable unexpected) {
            throw new IllegalStateException("Cannot read where chunk " + chunk.id + " ends", unexpected);
        }
        ByteBuffer start = ByteBuffer.allocate(FOOTER_START.length);
        DataUtils.readFully(reader, footer, start);
        if (!Arrays.equals(start.array(), FOOTER_START) || contentsEnd > footer) {
            throw new IllegalStateException("Chunk " + chunk.id + " is not laid out as expected; its padding was left as it is");
        }
        return contentsEnd == footer ? 0 : zero(contentsEnd, footer);
    }

    /** Overwrites one page, whose true length its first four bytes give; its position gives only an upper bound. */
    private long zeroPage(FileChannel reader, DeadPages chunk, long tocElement) throws IOException {
        long start = chunk.block() * BLOCK + DataUtils.getPageOffset(tocElement);
        int maxLength = DataUtils.getPageMaxLength(tocElement);
        ByteBuffer header = ByteBuffer.allocate(Integer.BYTES);
        DataUtils.readFully(reader, start, header);
        int length = header.getInt(0);
        if (length == 0) {
            return 0; // overwritten by an earlier erasure
        }
        if (length < 0 || length > maxLength || DataUtils.getPageOffset(tocElement) + (long) length > (long) chunk.chunk().len * BLOCK) {
            throw new IllegalStateException("A dead page of chunk " + chunk.chunk().id + " does not read as a page; nothing was overwritten");
        }
        writeFully(null, start, ByteBuffer.allocate(length));
        return length;
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

    private static BitSet occupancy(Chunk<?> chunk) {
        try {
            return (BitSet) OCCUPANCY.invoke(chunk);
        } catch (Throwable unexpected) {
            throw new IllegalStateException("Cannot read which pages of chunk " + chunk.id + " are dead", unexpected);
        }
    }

    private long[] tableOfContents(Chunk<?> chunk) {
        try {
            long[] pages = (long[]) READ_TABLE_OF_CONTENTS.invoke(chunk, (FileStore<?>) this);
            if (pages.length != (int) PAGE_COUNT.invoke(chunk)) {
                throw new IllegalStateException("The table of contents of chunk " + chunk.id + " does not list its pages");
            }
            return pages;
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable unexpected) {
            throw new IllegalStateException("Cannot read the pages of chunk " + chunk.id, unexpected);
        }
    }
}
