package app.rapport.application.storage;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.ObjectId;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Index keys are written compactly, read back equal, and ordered by their values: a total order a search relies on. */
class IndexKeyTypeTest {

    private final Random random = new Random(7);

    @Test
    void everyKindOfKeyReadsBackEqualToWhatWasWritten() {
        for (Object key : randomKeys(500)) {
            assertThat(readBack(key, IndexKeyType.INSTANCE::write)).isEqualTo(key);
        }
    }

    @Test
    void keysWrittenByH2BeforeReadBackAsTheSameKey() {
        ObjectDataType h2 = new ObjectDataType();
        for (Object key : randomKeys(200)) {
            // the same key to a search; not equal() when it holds Missing, which Java serialization reads as a new one
            assertThat(IndexKeyType.INSTANCE.compare(readBack(key, h2::write), key)).as("%s", key).isZero();
        }
    }

    @Test
    void aKeyInTheCompactFormTakesAFractionOfItsJavaSerializedBytes() {
        KeyValue key = new KeyValue("3f2a9c4e-0b7d-4e51-9a7c-5d2e8f1b6a30");
        WriteBuffer compact = new WriteBuffer();
        IndexKeyType.INSTANCE.write(compact, key);
        WriteBuffer h2 = new WriteBuffer();
        new ObjectDataType().write(h2, key);
        assertThat(compact.position()).isLessThan(h2.position() / 3);
    }

    @Test
    void keysAreOrderedByValueTypeFirstThenByTheirElementsInTurn() {
        assertOrdered(new KeyValue((Object) null), new KeyValue(Missing.getInstance()), new KeyValue(false),
                      new KeyValue(true), new KeyValue(-5), new KeyValue(3), new KeyValue(2L), new KeyValue(1.5),
                      new KeyValue("k10"), new KeyValue("k9"), new KeyValue(new ObjectId()));
        assertOrdered(new KeyValue("owner-1"), new KeyValue("owner-1", "a"), new KeyValue("owner-1", "b"),
                      new KeyValue("owner-2"));
    }

    @Test
    void theOrderIsTotalAndCallsKeysEqualExactlyWhenTheyAre() {
        List<Object> keys = randomKeys(300);
        for (Object a : keys) {
            for (int n = 0; n < 40; n++) {
                Object b = keys.get(random.nextInt(keys.size()));
                int ab = Integer.signum(IndexKeyType.INSTANCE.compare(a, b));
                assertThat(ab).as("%s vs %s", a, b).isEqualTo(-Integer.signum(IndexKeyType.INSTANCE.compare(b, a)));
                assertThat(ab == 0).as("%s vs %s", a, b).isEqualTo(a.equals(b));
                Object c = keys.get(random.nextInt(keys.size()));
                if (ab <= 0 && IndexKeyType.INSTANCE.compare(b, c) <= 0) {
                    assertThat(IndexKeyType.INSTANCE.compare(a, c)).as("%s, %s, %s", a, b, c).isLessThanOrEqualTo(0);
                }
            }
        }
    }

    @Test
    void aSearchFindsAKeyMadeAnewOrWhereItBelongs() {
        Object[] page = randomKeys(300).stream().distinct().sorted(IndexKeyType.INSTANCE::compare).toArray();
        for (Object sought : randomKeys(300)) {
            Object copy = new KeyValue(((KeyValue) sought).stream().toList());
            int found = IndexKeyType.INSTANCE.binarySearch(copy, page, page.length, page.length / 2);
            if (found >= 0) {
                assertThat(page[found]).isEqualTo(sought);
            } else {
                int insertAt = ~found;
                assertThat(Arrays.asList(page)).doesNotContain(sought);
                if (insertAt > 0) {
                    assertThat(IndexKeyType.INSTANCE.compare(page[insertAt - 1], copy)).isNegative();
                }
                if (insertAt < page.length) {
                    assertThat(IndexKeyType.INSTANCE.compare(page[insertAt], copy)).isPositive();
                }
            }
        }
    }

    private static void assertOrdered(Object... keys) {
        for (int i = 0; i + 1 < keys.length; i++) {
            assertThat(IndexKeyType.INSTANCE.compare(keys[i], keys[i + 1])).as("%s before %s", keys[i], keys[i + 1]).isNegative();
        }
    }

    private interface Writer {
        void write(WriteBuffer buffer, Object key);
    }

    private static Object readBack(Object key, Writer writer) {
        WriteBuffer buffer = new WriteBuffer();
        buffer.putInt(0x5EED); // a key is read where a page's earlier bytes end, not at the buffer's start
        writer.write(buffer, key);
        ByteBuffer written = buffer.getBuffer();
        written.flip();
        written.getInt();
        Object read = IndexKeyType.INSTANCE.read(written);
        assertThat(written.hasRemaining()).as("the whole key read").isFalse();
        return read;
    }

    private List<Object> randomKeys(int count) {
        List<Object> keys = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            keys.add(switch (random.nextInt(8)) {
                case 0 -> new KeyValue("owner-" + random.nextInt(20));
                case 1 -> new KeyValue("owner-" + random.nextInt(20), "contact-" + random.nextInt(50) + "-é");
                case 2 -> new KeyValue("owner-" + random.nextInt(20), (long) random.nextInt(1000));
                case 3 -> new KeyValue(random.nextInt(100), random.nextBoolean());
                case 4 -> new KeyValue(random.nextInt(4) == 0 ? null : Missing.getInstance(), random.nextDouble());
                case 5 -> new KeyValue(new ObjectId(), "~" + random.nextInt(100));
                case 6 -> new KeyValue(Date.from(Instant.ofEpochSecond(random.nextInt(1000))));
                default -> new KeyValue(-random.nextInt(100), (long) -random.nextInt(100));
            });
        }
        return keys;
    }
}
