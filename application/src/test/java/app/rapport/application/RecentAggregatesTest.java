package app.rapport.application;

import org.axonframework.common.caching.Cache;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecentAggregatesTest {

    @Test
    void anAggregateOutlivesACollectionOfTheHeap() {
        RecentAggregates cache = new RecentAggregates(8);
        cache.put("owner/dana", new StringBuilder("an aggregate nothing else refers to"));

        System.gc();

        assertThat(cache.<String, StringBuilder>get("owner/dana")).hasToString("an aggregate nothing else refers to");
    }

    @Test
    void theLeastRecentlyUsedGoesFirstWhenFull() {
        RecentAggregates cache = new RecentAggregates(2);
        List<String> heard = listenedTo(cache);
        cache.put("a", 1);
        cache.put("b", 2);
        cache.get("a"); // now b is the least recently used

        cache.put("c", 3);

        assertThat(cache.containsKey("a")).isTrue();
        assertThat(cache.containsKey("b")).isFalse();
        assertThat(cache.containsKey("c")).isTrue();
        assertThat(cache.size()).isEqualTo(2);
        assertThat(heard).containsExactly("created a", "created b", "read a", "created c", "expired b");
    }

    @Test
    void aSecondPutUpdatesAndPutIfAbsentKeepsWhatIsThere() {
        RecentAggregates cache = new RecentAggregates(4);
        List<String> heard = listenedTo(cache);

        cache.put("a", 1);
        cache.put("a", 2);
        boolean added = cache.putIfAbsent("a", 3);

        assertThat(added).isFalse();
        assertThat(cache.<String, Integer>get("a")).isEqualTo(2);
        assertThat(heard).containsExactly("created a", "updated a", "read a");
    }

    @Test
    void removedAndClearedAggregatesAreGone() {
        RecentAggregates cache = new RecentAggregates(4);
        cache.put("a", 1);
        cache.put("b", 2);
        cache.put("c", 3);

        assertThat(cache.remove("a")).isTrue();
        assertThat(cache.remove("a")).isFalse();
        cache.put("b", null); // Axon's way of saying there is nothing to keep
        assertThat(cache.containsKey("b")).isFalse();
        cache.removeAll();

        assertThat(cache.size()).isZero();
        assertThat(cache.<String, Integer>get("c")).isNull();
    }

    @Test
    void computeIfPresentChangesOnlyWhatIsKept() {
        RecentAggregates cache = new RecentAggregates(4);
        cache.put("a", 1);

        cache.<Integer>computeIfPresent("a", value -> value + 1);
        cache.<Integer>computeIfPresent("b", value -> value + 1);

        assertThat(cache.<String, Integer>get("a")).isEqualTo(2);
        assertThat(cache.containsKey("b")).isFalse();
    }

    @Test
    void aCacheThatCanKeepNothingIsRefused() {
        assertThatThrownBy(() -> new RecentAggregates(0)).isInstanceOf(IllegalArgumentException.class)
                                                          .hasMessageContaining("at least 1");
    }

    private static List<String> listenedTo(RecentAggregates cache) {
        List<String> heard = new ArrayList<>();
        cache.registerCacheEntryListener(new Cache.EntryListenerAdapter() {
            @Override
            public void onEntryExpired(Object key) {
                heard.add("expired " + key);
            }

            @Override
            public void onEntryRemoved(Object key) {
                heard.add("removed " + key);
            }

            @Override
            public void onEntryUpdated(Object key, Object value) {
                heard.add("updated " + key);
            }

            @Override
            public void onEntryCreated(Object key, Object value) {
                heard.add("created " + key);
            }

            @Override
            public void onEntryRead(Object key, Object value) {
                heard.add("read " + key);
            }
        });
        return heard;
    }
}
