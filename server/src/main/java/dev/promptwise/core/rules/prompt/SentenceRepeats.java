package dev.promptwise.core.rules.prompt;

import dev.promptwise.core.text.RangeCover;
import dev.promptwise.core.text.TextChange;
import dev.promptwise.core.text.TextRange;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which keys repeat among a large content's sentences, and where: how often each key occurs among the sentences that
 * count (those with a key, outside few-shot examples), and for each key that occurs more than once the starts of its
 * sentences in text order. The duplicate-instruction rule reports every such sentence but the first, so with this it
 * need not visit the content's tens of thousands of sentences on a keystroke.
 *
 * <p>Counting again on every version would be that same visit, so one table follows a chain of versions: the version
 * made from an earlier one takes the earlier one's table over ({@link #handOver}) and corrects it by the sentences the
 * edit removed and added, moving the places after the edit by its change of length. That holds while the examples
 * outside the edit stay where they were ({@link RangeCover#isShifted}); otherwise the new version counts afresh. A
 * version whose table went on to a later one no longer answers ({@link #places} returns {@code null}: the caller
 * compares every sentence). Owner, reads and hand-over are guarded by the table's lock. {@code SentenceKeysTest}
 * checks the answers against counts from scratch after random edits that make and remove repeats.
 */
final class SentenceRepeats {

    /** Keys that count, with how often each occurs. */
    private final Map<String, int[]> counts;
    /** For each key that occurs more than once (and, during a hand-over, some that did), its sentences' starts. */
    private final Map<String, Places> places;
    private RangeCover examples;
    private SentenceKeys owner;

    private SentenceRepeats(Map<String, int[]> counts, Map<String, Places> places, RangeCover examples,
            SentenceKeys owner) {
        this.counts = counts;
        this.places = places;
        this.examples = examples;
        this.owner = owner;
    }

    /** Counts the sentences of {@code sentences} outside {@code examples}. */
    static SentenceRepeats of(SentenceKeys sentences, RangeCover examples) {
        Map<String, int[]> counts = new HashMap<>(sentences.count() * 2);
        RangeCover.Cursor inExample = examples.cursor();
        for (int index = 0; index < sentences.count(); index++) {
            String key = sentences.key(index);
            if (key != null && !inExample.contains(sentences.start(index), sentences.end(index))) {
                counts.computeIfAbsent(key, unused -> new int[1])[0]++;
            }
        }
        SentenceRepeats table = new SentenceRepeats(counts, new HashMap<>(), examples, sentences);
        inExample = examples.cursor();
        for (int index = 0; index < sentences.count(); index++) {
            String key = sentences.key(index);
            if (key != null && counts.get(key) != null && counts.get(key)[0] > 1
                    && !inExample.contains(sentences.start(index), sentences.end(index))) {
                table.places.computeIfAbsent(key, unused -> new Places()).insert(sentences.start(index));
            }
        }
        return table;
    }

    /**
     * Returns the table of {@code current}, made from {@code previous} by {@code change}, which removed the
     * sentences {@code droppedFrom..droppedTo-1} of {@code previous} and added {@code addedFrom..addedTo-1} of
     * {@code current}: {@code previous}'s own, handed over and corrected; or {@code null} when it has none to give
     * or the examples outside the change moved (the caller counts afresh).
     */
    static SentenceRepeats handOver(SentenceKeys previous, SentenceRepeats table, SentenceKeys current,
            TextChange change, int droppedFrom, int droppedTo, int addedFrom, int addedTo, RangeCover examples) {
        if (table == null) {
            return null;
        }
        synchronized (table) {
            if (table.owner != previous || !examples.isShifted(table.examples, change)) {
                return null;
            }
            for (int index = droppedFrom; index < droppedTo; index++) {
                String key = previous.key(index);
                if (key != null && !table.examples.contains(previous.range(index))) {
                    int[] count = table.counts.get(key);
                    if (count == null) {
                        // Cannot happen while the table matches its owner; if it ever does not, nobody uses it.
                        table.owner = null;
                        return null;
                    }
                    if (--count[0] == 0) {
                        table.counts.remove(key);
                    }
                    Places at = table.places.get(key);
                    if (at != null) {
                        at.remove(previous.start(index));
                    }
                }
            }
            // What is left lies before the change or after its old end.
            for (Places at : table.places.values()) {
                at.shift(change.oldEnd(), change.delta());
            }
            Set<String> newlyRepeated = new LinkedHashSet<>();
            for (int index = addedFrom; index < addedTo; index++) {
                String key = current.key(index);
                if (key != null && !examples.contains(current.range(index))) {
                    int[] count = table.counts.computeIfAbsent(key, unused -> new int[1]);
                    count[0]++;
                    Places at = table.places.get(key);
                    if (at != null) {
                        at.insert(current.start(index));
                    } else if (count[0] > 1) {
                        newlyRepeated.add(key);
                    }
                }
            }
            // A key that now occurs twice for the first time: its other sentence is found by looking (rare).
            for (String key : newlyRepeated) {
                Places at = new Places();
                RangeCover.Cursor inExample = examples.cursor();
                for (int index = 0; index < current.count(); index++) {
                    if (key.equals(current.key(index))
                            && !inExample.contains(current.start(index), current.end(index))) {
                        at.insert(current.start(index));
                    }
                }
                table.places.put(key, at);
            }
            table.places.values().removeIf(at -> at.size < 2);
            table.examples = examples;
            table.owner = current;
        }
        return table;
    }

    /**
     * Returns, for each key of the content's counted sentences that occurs more than once, the starts of its
     * sentences in text order; {@code null} when {@code asking} is not this table's owner (it went on to a later
     * version), or when one of {@code others} (keys of the prompt's other messages) occurs in the content, so that a
     * repeat may cross messages and the caller must compare every sentence.
     */
    synchronized List<int[]> places(SentenceKeys asking, Collection<String> others) {
        if (owner != asking) {
            return null;
        }
        for (String other : others) {
            if (counts.containsKey(other)) {
                return null;
            }
        }
        List<int[]> repeats = new ArrayList<>(places.size());
        for (Places at : places.values()) {
            repeats.add(Arrays.copyOf(at.starts, at.size));
        }
        return repeats;
    }

    /** Ascending sentence starts. */
    private static final class Places {

        private int[] starts = new int[4];
        private int size;

        void insert(int start) {
            int at = Arrays.binarySearch(starts, 0, size, start);
            if (at >= 0) {
                return;
            }
            at = -at - 1;
            if (size == starts.length) {
                starts = Arrays.copyOf(starts, size * 2);
            }
            System.arraycopy(starts, at, starts, at + 1, size - at);
            starts[at] = start;
            size++;
        }

        void remove(int start) {
            int at = Arrays.binarySearch(starts, 0, size, start);
            if (at >= 0) {
                System.arraycopy(starts, at + 1, starts, at, size - at - 1);
                size--;
            }
        }

        /** Moves the starts at or after {@code from} by {@code delta}. */
        void shift(int from, int delta) {
            for (int index = 0; index < size; index++) {
                if (starts[index] >= from) {
                    starts[index] += delta;
                }
            }
        }
    }

    /** Returns the range of the sentence of {@code sentences} that starts at {@code start}. */
    static TextRange sentenceAt(SentenceKeys sentences, int start) {
        return sentences.range(sentences.indexOf(start));
    }
}
