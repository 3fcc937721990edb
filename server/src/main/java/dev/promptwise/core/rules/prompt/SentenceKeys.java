package dev.promptwise.core.rules.prompt;

import dev.promptwise.core.text.RangeCover;
import dev.promptwise.core.text.RecentVersions;
import dev.promptwise.core.text.TextChange;
import dev.promptwise.core.text.TextRange;
import java.util.Arrays;

/**
 * The sentences of one message content and their comparison keys, for the duplicate-instruction rule, found again
 * after an edit only where the edit can have changed them.
 *
 * <p>Sentences end at line breaks and after {@code .!?} followed by white space; where one ends depends only on
 * the characters up to one past its end. So the sentences of a new version that end well before the edit are the
 * earlier version's; splitting resumes after the last of them, and stops at the first sentence after the edit that
 * the earlier version had too (at the same place, shifted by the edit's change of length): from there both versions
 * split the same characters. Keys (normalised text, or {@code null} for sentences too short to compare) are kept
 * with their sentences. The last {@value #CAPACITY} large contents are remembered in the host's {@link RuleMemo};
 * {@code SentenceKeysTest} checks the result against a split from scratch after random edits.
 */
final class SentenceKeys {

    /** Contents shorter than this are split whole every time: that costs less than looking for an earlier one. */
    static final int MIN_REMEMBERED_CHARS = 16 * 1024;
    static final int CAPACITY = 4;

    private final String text;
    private final int contentStart;
    private final int contentEnd;
    private final int[] starts;
    private final int[] ends;
    private final String[] keys;
    private final int count;
    /** Which keys repeat in this content, and where; shared along a chain of versions, see {@link SentenceRepeats}. */
    private SentenceRepeats repeats;

    private SentenceKeys(String text, int contentStart, int contentEnd, int[] starts, int[] ends, String[] keys,
            int count) {
        this.text = text;
        this.contentStart = contentStart;
        this.contentEnd = contentEnd;
        this.starts = starts;
        this.ends = ends;
        this.keys = keys;
        this.count = count;
    }

    /**
     * Returns the sentences of {@code content} in {@code text}, reusing an earlier version's where one fits; a large
     * content's also know which keys repeat outside {@code examples} ({@link #repeats}).
     */
    static SentenceKeys of(String text, TextRange content, RuleMemo memo, RangeCover examples) {
        if (content.length() < MIN_REMEMBERED_CHARS) {
            return fromScratch(text, content);
        }
        RecentVersions<SentenceKeys> recent = memo.sentenceKeys();
        RecentVersions.Closest<SentenceKeys> closest =
                recent.closest(text, (candidate, change) -> candidate.contentStart == content.start());
        SentenceKeys previous = closest == null ? null : closest.version();
        SentenceKeys sentences = previous == null ? fromScratch(text, content)
                : previous.after(closest.change(), text, content, examples);
        if (sentences.repeats == null) {
            sentences.repeats = SentenceRepeats.of(sentences, examples);
        }
        recent.remember(sentences, previous, known -> known.text == text && known.contentStart == content.start());
        return sentences;
    }

    /** Returns the sentences of {@code content}, splitting all of it. */
    static SentenceKeys fromScratch(String text, TextRange content) {
        Builder builder = new Builder(text, content);
        builder.split(content.start(), null);
        return builder.build();
    }

    String text() {
        return text;
    }

    int count() {
        return count;
    }

    int start(int index) {
        return starts[index];
    }

    int end(int index) {
        return ends[index];
    }

    TextRange range(int index) {
        return new TextRange(starts[index], ends[index]);
    }

    /** Returns the sentence's key, or {@code null} when it is too short to be compared. */
    String key(int index) {
        return keys[index];
    }

    /** Returns the sentences of the new version {@code current} of this one's text, reusing what the edit left alone. */
    private SentenceKeys after(TextChange change, String current, TextRange content, RangeCover examples) {
        int newEnd = content.end();
        int limit = newEnd == contentEnd ? change.start() : Math.min(change.start(), Math.min(contentEnd, newEnd));
        // Sentence j is kept when every decision up to its end read characters before the limit: its boundary lies
        // before the next sentence's start, and a decision reads one character ahead.
        int kept = keptBefore(limit);
        Builder builder = new Builder(current, content, count + 16);
        builder.addAll(this, 0, kept, 0);
        boolean endShifted = newEnd - change.delta() == contentEnd;
        int delta = change.delta();
        int changeEnd = change.newEnd();
        int resume = kept == 0 ? content.start() : ends[kept - 1];
        builder.split(resume, (start, end) -> {
            if (!endShifted || start < changeEnd) {
                return -1;
            }
            int old = Arrays.binarySearch(starts, 0, count, start - delta);
            return old >= 0 && ends[old] == end - delta ? old : -1;
        });
        int addedEnd = builder.count;
        int droppedEnd = builder.syncedAt >= 0 ? builder.syncedAt : count;
        if (builder.syncedAt >= 0) {
            builder.addAll(this, builder.syncedAt, count, delta);
        }
        SentenceKeys sentences = builder.build();
        // The keys of sentences kept..droppedEnd-1 left the content, those of kept..addedEnd-1 of the new one came in.
        sentences.repeats = SentenceRepeats.handOver(this, repeats, sentences, change, kept, droppedEnd, kept, addedEnd,
                examples);
        return sentences;
    }

    /**
     * Returns, for each key that occurs more than once among this content's sentences outside examples, the starts
     * of its sentences in text order; {@code null} when that is not known (a small content, or these counts went on to
     * a later version) or when one of {@code others} (keys of the prompt's other messages) occurs in the content: then
     * the caller compares every sentence.
     */
    java.util.List<int[]> repeats(java.util.Collection<String> others) {
        SentenceRepeats table = repeats;
        return table == null ? null : table.places(this, others);
    }

    /** Returns the table of repeats this version has: the one it took over from an earlier version, or its own. */
    SentenceRepeats repeatsTable() {
        return repeats;
    }

    /** Returns the index of the sentence that starts at {@code start}, which one does. */
    int indexOf(int start) {
        return Arrays.binarySearch(starts, 0, count, start);
    }

    /**
     * Returns how many of the first sentences are kept: sentence {@code j} is while the start of the next one (or
     * the content's end) plus 2 is at most {@code limit}. The starts ascend, so this is a binary search: a first
     * keystroke runs before the JIT has compiled anything here, and a walk over tens of thousands of sentences was
     * a visible part of it.
     */
    private int keptBefore(int limit) {
        // Sentence j (0 <= j < count) is kept when bound(j) + 2 <= limit, bound(j) = starts[j + 1] or contentEnd;
        // bound ascends with j, so the kept ones are a prefix: find its length.
        int low = 0;
        int high = count;
        while (low < high) {
            int middle = (low + high) >>> 1;
            int bound = middle + 1 < count ? starts[middle + 1] : contentEnd;
            if (bound + 2 <= limit) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    /** Says whether a sentence just found is one the earlier version had: its index there, else -1. */
    private interface Known {
        int indexOf(int start, int end);
    }

    /** Collects sentences in order. */
    private static final class Builder {
        private final String text;
        private final TextRange content;
        private int[] starts;
        private int[] ends;
        private String[] keys;
        private int count;
        private int syncedAt = -1;

        Builder(String text, TextRange content) {
            this(text, content, 64);
        }

        Builder(String text, TextRange content, int capacity) {
            this.text = text;
            this.content = content;
            starts = new int[capacity];
            ends = new int[capacity];
            keys = new String[capacity];
        }

        /** Adds sentences {@code from..to-1} of {@code other}, moved by {@code shift}. */
        void addAll(SentenceKeys other, int from, int to, int shift) {
            int added = to - from;
            if (count + added > starts.length) {
                int capacity = Math.max(count + added, starts.length * 2);
                starts = Arrays.copyOf(starts, capacity);
                ends = Arrays.copyOf(ends, capacity);
                keys = Arrays.copyOf(keys, capacity);
            }
            System.arraycopy(other.keys, from, keys, count, added);
            System.arraycopy(other.starts, from, starts, count, added);
            System.arraycopy(other.ends, from, ends, count, added);
            if (shift != 0) {
                for (int index = count; index < count + added; index++) {
                    starts[index] += shift;
                    ends[index] += shift;
                }
            }
            count += added;
        }

        void add(int start, int end, String key) {
            if (count == starts.length) {
                starts = Arrays.copyOf(starts, count * 2);
                ends = Arrays.copyOf(ends, count * 2);
                keys = Arrays.copyOf(keys, count * 2);
            }
            starts[count] = start;
            ends[count] = end;
            keys[count] = key;
            count++;
        }

        /**
         * Splits from {@code from} to the content's end at line breaks and after {@code .!?} followed by white
         * space; stops when {@code known} recognises a sentence, whose index it keeps in {@link #syncedAt}.
         */
        void split(int from, Known known) {
            int start = from;
            for (int i = from; i <= content.end(); i++) {
                // Each character is read once: this loop may run over a whole large prompt.
                boolean end = i == content.end();
                char character = end ? 0 : text.charAt(i);
                boolean lineBreak = character == '\n' || character == '\r';
                boolean sentenceEnd = false;
                if (character == '.' || character == '!' || character == '?') {
                    char next = i + 1 == content.end() ? ' ' : text.charAt(i + 1);
                    sentenceEnd = next == ' ' || next == '\t' || next == '\n' || next == '\r';
                }
                if (end || lineBreak || sentenceEnd) {
                    int stop = sentenceEnd ? i + 1 : i;
                    int trimmedStart = start;
                    int trimmedEnd = stop;
                    while (trimmedStart < trimmedEnd && Character.isWhitespace(text.charAt(trimmedStart))) {
                        trimmedStart++;
                    }
                    while (trimmedEnd > trimmedStart && Character.isWhitespace(text.charAt(trimmedEnd - 1))) {
                        trimmedEnd--;
                    }
                    if (trimmedEnd > trimmedStart) {
                        int old = known == null ? -1 : known.indexOf(trimmedStart, trimmedEnd);
                        if (old >= 0) {
                            syncedAt = old;
                            return;
                        }
                        add(trimmedStart, trimmedEnd, keyOf(text.substring(trimmedStart, trimmedEnd)));
                    }
                    start = stop;
                }
            }
        }

        SentenceKeys build() {
            return new SentenceKeys(text, content.start(), content.end(), starts, ends, keys, count);
        }
    }

    /** Returns the key a sentence is compared by, or {@code null} when it is too short to be compared. */
    private static String keyOf(String sentence) {
        String key = DuplicateInstructionRule.normalise(sentence);
        if (key.length() < DuplicateInstructionRule.MIN_CHARS || words(key) < DuplicateInstructionRule.MIN_WORDS) {
            return null;
        }
        return key;
    }

    /** Counts what {@code key.split(" ").length} counts, without building the array. */
    private static int words(String key) {
        // split drops trailing empty strings; a normalised key has single spaces and no space at either end, so
        // the count of parts is the count of spaces plus one (and 1 for the empty key).
        int parts = 1;
        for (int index = key.indexOf(' '); index >= 0; index = key.indexOf(' ', index + 1)) {
            parts++;
        }
        return parts;
    }
}
