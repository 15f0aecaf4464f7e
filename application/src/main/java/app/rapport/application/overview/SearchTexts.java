package app.rapport.application.overview;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * Texts laid end to end in one, each belonging to an entry, so that finding the entries whose text contains some words
 * is one scan of one text ({@link String#indexOf}, which the JVM runs over many characters at a time) instead of a
 * visit to every entry and its text wherever it lies in memory. An entry taken out leaves a gap; the texts are laid
 * anew once gaps outweigh what is kept, so the text stays within twice what it holds.
 * <p>
 * Not safe for use by several threads: its owner guards it.
 *
 * @param <E> the entries; each learns its place, so that it can be taken out again
 */
final class SearchTexts<E extends SearchTexts.Placed> {

    /** What is laid in the texts. */
    abstract static class Placed {
        private int slot = -1;

        /** Where it lies in the texts; -1 when it is not laid there. */
        final int slot() {
            return slot;
        }
    }

    /** Texts never span it, so a word found lies within one text. */
    private static final char SEPARATOR = '\u0000';
    private static final int ROOM_KEPT_FOR_GAPS = 4_096;

    private StringBuilder texts = new StringBuilder();
    /** Where each slot's text starts; in ascending order. */
    private int[] starts = new int[64];
    /** The entry of each slot; null for a gap. */
    private Object[] entries = new Object[64];
    private int slots;
    private int gapCharacters;

    void add(E entry, String text) {
        if (slots == starts.length) {
            starts = Arrays.copyOf(starts, slots * 2);
            entries = Arrays.copyOf(entries, slots * 2);
        }
        starts[slots] = texts.length();
        entries[slots] = entry;
        ((Placed) entry).slot = slots++;
        texts.append(text.replace(SEPARATOR, ' ')).append(SEPARATOR);
    }

    void remove(E entry) {
        Placed placed = entry;
        int slot = placed.slot;
        if (slot < 0 || entries[slot] != entry) {
            return;
        }
        entries[slot] = null;
        placed.slot = -1;
        gapCharacters += end(slot) - starts[slot];
        if (gapCharacters > ROOM_KEPT_FOR_GAPS && gapCharacters > texts.length() / 2) {
            layAnew();
        }
    }

    /**
     * Hands the slot of each entry whose text contains every word to {@code found}, once each, in the order the
     * entries were added. The longest word is looked for in the whole text, the others only in its entries' texts.
     */
    void withEvery(List<String> words, IntConsumer found) {
        if (words.isEmpty() || words.stream().anyMatch(String::isEmpty)) {
            throw new IllegalArgumentException("Words to find have at least one character each, and there is one at least");
        }
        if (words.stream().anyMatch(word -> word.indexOf(SEPARATOR) >= 0)) {
            return; // no text holds it
        }
        String longest = words.stream().max(Comparator.comparingInt(String::length)).orElseThrow();
        int slot = 0;
        for (int at = texts.indexOf(longest); at >= 0; at = texts.indexOf(longest, end(slot))) {
            slot = slotAt(at, slot);
            if (entries[slot] != null && holdsAll(slot, words)) {
                found.accept(slot);
            }
        }
    }

    /** The entry laid at this slot; null for a gap. */
    @SuppressWarnings("unchecked")
    E entry(int slot) {
        return (E) entries[slot];
    }

    private boolean holdsAll(int slot, List<String> words) {
        for (String word : words) {
            if (!holds(slot, word)) {
                return false;
            }
        }
        return true;
    }

    /** Whether the slot's text holds the word: a plain search, as a text is short and was read just now. */
    private boolean holds(int slot, String word) {
        int last = end(slot) - 1 - word.length();
        char first = word.charAt(0);
        for (int at = starts[slot]; at <= last; at++) {
            if (texts.charAt(at) == first && holdsAt(at, word)) {
                return true;
            }
        }
        return false;
    }

    private boolean holdsAt(int at, String word) {
        for (int offset = 1; offset < word.length(); offset++) {
            if (texts.charAt(at + offset) != word.charAt(offset)) {
                return false;
            }
        }
        return true;
    }

    /** The slot whose text holds this position, searched from a slot known to start no later. */
    private int slotAt(int position, int from) {
        int found = Arrays.binarySearch(starts, from, slots, position);
        return found >= 0 ? found : -found - 2;
    }

    /** Where the next slot's text starts: past this one's text and its separator. */
    private int end(int slot) {
        return slot + 1 < slots ? starts[slot + 1] : texts.length();
    }

    private void layAnew() {
        StringBuilder kept = new StringBuilder(texts.length() - gapCharacters + 16);
        int[] keptStarts = new int[Math.max(64, slots)];
        Object[] keptEntries = new Object[keptStarts.length];
        int keptSlots = 0;
        for (int slot = 0; slot < slots; slot++) {
            if (entries[slot] != null) {
                keptStarts[keptSlots] = kept.length();
                keptEntries[keptSlots] = entries[slot];
                ((Placed) entries[slot]).slot = keptSlots++;
                kept.append(texts, starts[slot], end(slot));
            }
        }
        texts = kept;
        starts = keptStarts;
        entries = keptEntries;
        slots = keptSlots;
        gapCharacters = 0;
    }
}
