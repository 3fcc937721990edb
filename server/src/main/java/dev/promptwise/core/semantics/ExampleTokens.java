package dev.promptwise.core.semantics;

import dev.promptwise.core.syntax.FewShotExample;
import dev.promptwise.core.text.RecentVersions;
import dev.promptwise.core.text.TextChange;
import dev.promptwise.core.text.TextRange;
import dev.promptwise.core.tokens.TokenCounter;
import java.util.Arrays;
import java.util.List;

/**
 * Sums the tokens of a prompt's few-shot examples, keeping the earlier version's count of every example that lies
 * wholly before or after an edit: a large few-shot prompt holds a thousand examples, and looking each one up in the
 * token cache again cost more, per keystroke, than everything else the analysis kept.
 *
 * <p>An example in the shared start or end of two versions has the same text in both, so its count is the same;
 * only examples that overlap the changed stretch are counted again. The last {@value #CAPACITY} large texts are
 * remembered with their examples' counts, per encoding, in the host's {@link SemanticMemo}.
 */
public final class ExampleTokens {

    /** Texts shorter than this are summed directly: that costs less than looking for an earlier version. */
    private static final int MIN_REMEMBERED_CHARS = 16 * 1024;
    static final int CAPACITY = 4;

    /**
     * One version's examples' counts: {@code keys} (each example's start and end, as {@link #key}) ascending, and the
     * count of the example with the key at the same index of {@code counts}. Arrays rather than a map of boxed
     * ranges: a thousand examples' map, made again on every keystroke in a large prompt, was most of this sum's time
     * in the first keystrokes after opening one (JFR).
     */
    record Counted(String text, String encoding, long[] keys, int[] counts) {

        /** Returns the count of the example with {@code key}, or -1 when there was none. */
        int countOf(long key) {
            int found = key < 0 ? -1 : Arrays.binarySearch(keys, key);
            return found >= 0 ? counts[found] : -1;
        }

        /** Returns the counts, with their keys put in ascending order when the examples did not come in it. */
        static Counted of(String text, String encoding, long[] keys, int[] counts) {
            for (int index = 1; index < keys.length; index++) {
                if (keys[index - 1] >= keys[index]) {
                    return sorted(text, encoding, keys, counts);
                }
            }
            return new Counted(text, encoding, keys, counts);
        }

        private static Counted sorted(String text, String encoding, long[] keys, int[] counts) {
            Integer[] order = new Integer[keys.length];
            for (int index = 0; index < order.length; index++) {
                order[index] = index;
            }
            Arrays.sort(order, (a, b) -> Long.compare(keys[a], keys[b]));
            long[] sortedKeys = new long[keys.length];
            int[] sortedCounts = new int[keys.length];
            for (int index = 0; index < order.length; index++) {
                sortedKeys[index] = keys[order[index]];
                sortedCounts[index] = counts[order[index]];
            }
            return new Counted(text, encoding, sortedKeys, sortedCounts);
        }
    }

    private ExampleTokens() {}

    /**
     * Returns the tokens the examples add to the messages sent, by one content rule for every format: a message
     * pair counts its two messages' content (their role markers, keys and quotes are not sent, and their chat
     * overhead goes with {@code exampleMessageCount}); a structured example counts what it adds to the message
     * ({@link FewShotExample#sentText()}); an example written as text counts its text, less the indentation that a
     * YAML block gives every line. 0 when there are none.
     */
    static int total(String text, List<FewShotExample> examples, TokenCounter counter, SemanticMemo memo) {
        if (text.length() < MIN_REMEMBERED_CHARS || examples.isEmpty()) {
            int sum = 0;
            for (FewShotExample example : examples) {
                sum += count(text, example, counter);
            }
            return sum;
        }
        RecentVersions<Counted> recent = memo.exampleTokens();
        RecentVersions.Closest<Counted> closest =
                recent.closest(text, (candidate, change) -> candidate.encoding().equals(counter.encoding()));
        Counted previous = closest == null ? null : closest.version();
        TextChange change = closest == null ? null : closest.change();
        long[] keys = new long[examples.size()];
        int[] counts = new int[examples.size()];
        int sum = 0;
        for (int index = 0; index < keys.length; index++) {
            FewShotExample example = examples.get(index);
            TextRange range = example.range();
            // A structured example's sent text depends on a template outside its range: never reused.
            int known = previous == null || example.sentText() != null ? -1
                    : previous.countOf(oldKey(range, change));
            int count = known >= 0 ? known : count(text, example, counter);
            keys[index] = key(range.start(), range.end());
            counts[index] = count;
            sum += count;
        }
        recent.remember(Counted.of(text, counter.encoding(), keys, counts), previous,
                counted -> counted.text() == text && counted.encoding().equals(counter.encoding()));
        return sum;
    }

    /** Returns the tokens one example adds to the messages sent (see {@link #total}). */
    static int count(String text, FewShotExample example, TokenCounter counter) {
        if (example.sentText() != null) {
            return counter.count(example.sentText());
        }
        if (example.kind() == FewShotExample.Kind.MESSAGE_PAIR) {
            return counter.count(example.input()) + counter.count(example.output());
        }
        return counter.count(dedented(example.range().slice(text)));
    }

    /** Returns {@code text} without the leading whitespace that all its non-blank lines share. */
    static String dedented(String text) {
        int common = Integer.MAX_VALUE;
        int lineStart = 0;
        while (lineStart <= text.length() && common > 0) {
            int lineEnd = text.indexOf('\n', lineStart);
            if (lineEnd < 0) {
                lineEnd = text.length();
            }
            int indent = 0;
            while (lineStart + indent < lineEnd && (text.charAt(lineStart + indent) == ' '
                    || text.charAt(lineStart + indent) == '\t')) {
                indent++;
            }
            if (lineStart + indent < lineEnd && text.charAt(lineStart + indent) != '\r') {
                common = Math.min(common, indent);
            }
            lineStart = lineEnd + 1;
        }
        if (common == 0 || common == Integer.MAX_VALUE) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        lineStart = 0;
        while (lineStart <= text.length()) {
            int lineEnd = text.indexOf('\n', lineStart);
            boolean last = lineEnd < 0;
            if (last) {
                lineEnd = text.length();
            }
            int strip = Math.min(common, lineEnd - lineStart);
            int skip = 0;
            while (skip < strip && (text.charAt(lineStart + skip) == ' ' || text.charAt(lineStart + skip) == '\t')) {
                skip++;
            }
            out.append(text, lineStart + skip, lineEnd);
            if (last) {
                break;
            }
            out.append('\n');
            lineStart = lineEnd + 1;
        }
        return out.toString();
    }

    /** Returns the key of the same text in the earlier version, or -1 when the range overlaps the change. */
    private static long oldKey(TextRange range, TextChange change) {
        if (range.end() <= change.start()) {
            return key(range.start(), range.end());
        }
        if (range.start() >= change.newEnd()) {
            return key(range.start() - change.delta(), range.end() - change.delta());
        }
        return -1;
    }

    private static long key(int start, int end) {
        return ((long) start << 32) | (end & 0xFFFFFFFFL);
    }
}
