package dev.promptwise.core.semantics;

import dev.promptwise.core.syntax.FewShotExample;
import dev.promptwise.core.text.RecentVersions;
import dev.promptwise.core.text.TextChange;
import dev.promptwise.core.text.TextRange;
import dev.promptwise.core.tokens.TokenCounter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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

    /** One version's examples' counts, by range. */
    record Counted(String text, String encoding, Map<Long, Integer> countsByRange) {}

    private ExampleTokens() {}

    /** Returns the tokens of the examples' text, as they stand in {@code text}; 0 when there are none. */
    static int total(String text, List<FewShotExample> examples, TokenCounter counter, SemanticMemo memo) {
        if (text.length() < MIN_REMEMBERED_CHARS || examples.isEmpty()) {
            int sum = 0;
            for (FewShotExample example : examples) {
                sum += counter.count(example.range().slice(text));
            }
            return sum;
        }
        RecentVersions<Counted> recent = memo.exampleTokens();
        RecentVersions.Closest<Counted> closest =
                recent.closest(text, (candidate, change) -> candidate.encoding().equals(counter.encoding()));
        Counted previous = closest == null ? null : closest.version();
        TextChange change = closest == null ? null : closest.change();
        Map<Long, Integer> counts = new HashMap<>(examples.size() * 2);
        int sum = 0;
        for (FewShotExample example : examples) {
            TextRange range = example.range();
            Integer known = previous == null ? null : previous.countsByRange().get(oldKey(range, change));
            int count = known != null ? known : counter.count(range.slice(text));
            counts.put(key(range.start(), range.end()), count);
            sum += count;
        }
        recent.remember(new Counted(text, counter.encoding(), counts), previous,
                counted -> counted.text() == text && counted.encoding().equals(counter.encoding()));
        return sum;
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
