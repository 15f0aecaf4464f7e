package app.rapport.application.overview;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.NavigableMap;
import java.util.PriorityQueue;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * One owner's listed contacts in list order, and the text each is searched in. A page without a filter reads about
 * a page from the list order; a search scans the contacts' texts laid end to end ({@link SearchTexts}) and then
 * either walks the list to the page's end (many matches, spread out) or sorts the matches; a filter without words
 * looks at every contact.
 * <p>
 * Not safe for use by several threads: its {@link OwnerIndex} guards it.
 */
final class ListedContacts {

    /** The position of a contact in its list: display name ignoring case, then id. */
    private record ListPosition(String sortKey, String id) implements Comparable<ListPosition> {
        @Override
        public int compareTo(ListPosition other) {
            int bySortKey = sortKey.compareTo(other.sortKey);
            return bySortKey != 0 ? bySortKey : id.compareTo(other.id);
        }

        static ListPosition of(IndexedContact contact) {
            return new ListPosition(contact.sortKey(), contact.id().value());
        }
    }

    /** A listed contact with its place in the list, made once rather than at every page; its text is in {@link SearchTexts}. */
    private static final class Listed extends SearchTexts.Placed {
        private final IndexedContact contact;
        private final ListPosition position;

        Listed(IndexedContact contact) {
            this.contact = contact;
            this.position = ListPosition.of(contact);
        }

        ListPosition position() {
            return position;
        }

        ContactPage.Entry pageEntry() {
            return new ContactPage.Entry(contact.id(), PageCursor.encode(FindContactPage.LIST, position.sortKey(), position.id()));
        }
    }

    /** How many times the steps a walk to the page's end takes on average it may take before sorting is cheaper. */
    private static final int WALK_ALLOWANCE = 4;

    private final NavigableMap<ListPosition, Listed> inOrder = new TreeMap<>();
    private final SearchTexts<Listed> searchTexts = new SearchTexts<>();

    void add(IndexedContact contact) {
        Listed entry = new Listed(contact);
        inOrder.put(entry.position(), entry);
        searchTexts.add(entry, contact.searchText());
    }

    void remove(IndexedContact contact) {
        Listed entry = inOrder.remove(ListPosition.of(contact));
        if (entry != null) {
            searchTexts.remove(entry);
        }
    }

    int size() {
        return inOrder.size();
    }

    /**
     * A page of the contacts whose texts hold every word of the query's search, ignoring case, and that pass
     * {@code alsoMatching} (null: all do), after the query's cursor.
     */
    ContactPage page(FindContactPage query, Predicate<IndexedContact> alsoMatching) {
        List<String> words = query.search() == null ? List.of()
                : Arrays.stream(query.search().toLowerCase(Locale.ROOT).split("\\s+")).filter(word -> !word.isEmpty()).toList();
        ListPosition cursor = null;
        if (query.after() != null) {
            List<String> after = PageCursor.decode(FindContactPage.LIST, query.after());
            cursor = new ListPosition(after.get(0), after.get(1));
        }
        if (words.isEmpty() && alsoMatching == null) {
            return walkInOrder(entry -> true, inOrder.size(), cursor, query.first(), Long.MAX_VALUE);
        }
        if (words.isEmpty()) {
            List<Listed> matching = inOrder.values().stream().filter(entry -> alsoMatching.test(entry.contact)).toList();
            Matches found = new Matches(cursor, query.first());
            matching.forEach(found::add);
            return found.page(matching.size());
        }
        BitSet matched = new BitSet();
        searchTexts.withEvery(words, slot -> {
            if (alsoMatching == null || alsoMatching.test(searchTexts.entry(slot).contact)) {
                matched.set(slot);
            }
        });
        int total = matched.cardinality();
        if ((long) total * total > (long) (query.first() + 1) * inOrder.size()) {
            long expectedSteps = (long) (query.first() + 1) * inOrder.size() / total;
            ContactPage walked = walkInOrder(entry -> matched.get(entry.slot()), total, cursor, query.first(), WALK_ALLOWANCE * expectedSteps);
            if (walked != null) {
                return walked;
            }
        }
        Matches found = new Matches(cursor, query.first());
        matched.stream().forEach(slot -> found.add(searchTexts.entry(slot)));
        return found.page(total);
    }

    /**
     * A page walked from the cursor until it is full: all contacts, or many matches (a good share of the list, so
     * the walk is usually short, and it compares no names). Null when the walk would be longer than
     * {@code mostSteps}, as when the matches lie together further on (a search for a given name).
     */
    private ContactPage walkInOrder(Predicate<Listed> matched, int total, ListPosition cursor, int first, long mostSteps) {
        List<ContactPage.Entry> entries = new ArrayList<>();
        long steps = 0;
        for (Listed entry : (cursor == null ? inOrder : inOrder.tailMap(cursor, false)).values()) {
            if (++steps > mostSteps) {
                return null;
            }
            if (matched.test(entry)) {
                if (entries.size() == first) {
                    return new ContactPage(entries, total, true);
                }
                entries.add(entry.pageEntry());
            }
        }
        return new ContactPage(entries, total, false);
    }

    /** Of the matching contacts, the first after the cursor in list order, kept for the page. */
    private static final class Matches {
        private static final Comparator<Listed> LAST_FIRST = Comparator.comparing(Listed::position).reversed();

        private final ListPosition cursor;
        private final int first;
        /** The first {@code first + 1} after the cursor, the last of them in list order on top. */
        private final PriorityQueue<Listed> earliest = new PriorityQueue<>(LAST_FIRST);

        Matches(ListPosition cursor, int first) {
            this.cursor = cursor;
            this.first = first;
        }

        void add(Listed entry) {
            if (cursor != null && entry.position().compareTo(cursor) <= 0) {
                return;
            }
            if (earliest.size() <= first) {
                earliest.add(entry);
            } else if (entry.position().compareTo(earliest.peek().position()) < 0) {
                earliest.poll();
                earliest.add(entry);
            }
        }

        ContactPage page(int total) {
            List<Listed> kept = earliest.stream().sorted(LAST_FIRST.reversed()).toList();
            List<ContactPage.Entry> entries = kept.stream().limit(first).map(Listed::pageEntry).toList();
            return new ContactPage(entries, total, kept.size() > first);
        }
    }
}
