package app.rapport.application.storage;

import de.bwaldvogel.mongo.backend.KeyValue;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Index keys keep exactly the order H2 gives them, so the indexes of files written before stay valid. */
class IndexKeyTypeTest {

    private final ObjectDataType h2 = new ObjectDataType();
    private final Random random = new Random(7);

    @Test
    void keysCompareAsH2ComparesThem() {
        List<Object> keys = randomKeys(400);
        for (Object a : keys) {
            for (int n = 0; n < 40; n++) {
                Object b = keys.get(random.nextInt(keys.size()));
                assertThat(Integer.signum(IndexKeyType.INSTANCE.compare(a, b))).as("%s vs %s", a, b)
                                                                            .isEqualTo(Integer.signum(h2.compare(a, b)));
            }
        }
    }

    @Test
    void aSearchFindsWhatH2WouldFindOrWhereItWouldInsert() {
        Object[] page = randomKeys(300).toArray();
        Arrays.sort(page, h2::compare);
        Object[] distinct = Arrays.stream(page).distinct().toArray();
        for (Object sought : randomKeys(500)) {
            // A key equal to a page's key but another object: found by its bytes, not by identity.
            Object copy = new KeyValue(((KeyValue) sought).stream().toList());
            for (int guess : new int[] {0, 1, distinct.length / 2, distinct.length}) {
                assertThat(IndexKeyType.INSTANCE.binarySearch(copy, distinct, distinct.length, guess))
                        .isEqualTo(h2.binarySearch(copy, distinct, distinct.length, guess));
            }
        }
    }

    private List<Object> randomKeys(int count) {
        List<Object> keys = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            keys.add(switch (random.nextInt(4)) {
                case 0 -> new KeyValue("owner-" + random.nextInt(20));
                case 1 -> new KeyValue("owner-" + random.nextInt(20), "contact-" + random.nextInt(50));
                case 2 -> new KeyValue("owner-" + random.nextInt(20), (long) random.nextInt(1000));
                default -> new KeyValue(random.nextInt(100), random.nextBoolean() ? "a" : "b");
            });
        }
        return keys;
    }
}
