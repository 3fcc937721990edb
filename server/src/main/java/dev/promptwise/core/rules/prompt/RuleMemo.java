package dev.promptwise.core.rules.prompt;

import dev.promptwise.core.text.KnownChanges;
import dev.promptwise.core.text.RecentVersions;

/**
 * An analysis host's memo of the prompt rules' passes over large prompts: the duplicate-instruction rule's
 * sentences and keys ({@link SentenceKeys}) and the line indexes its messages need, each for the last few large
 * texts. Rules are stateless and find it in their {@link PromptContext}; nothing here is shared with another host,
 * and {@link #clear} forgets it all.
 */
public final class RuleMemo {

    private final RecentVersions<SentenceKeys> sentenceKeys;
    private final RecentVersions<DuplicateInstructionRule.Indexed> lineIndexes;

    /** Creates an empty memo whose passes ask {@code changes} (its host's) where two versions differ. */
    public RuleMemo(KnownChanges changes) {
        sentenceKeys = new RecentVersions<>(SentenceKeys.CAPACITY, SentenceKeys::text, changes);
        lineIndexes = new RecentVersions<>(DuplicateInstructionRule.LINE_INDEXES,
                DuplicateInstructionRule.Indexed::text, changes);
    }

    /** Creates an empty memo of its own: a check with it is a check from scratch. */
    public RuleMemo() {
        this(new KnownChanges());
    }

    /** Forgets every remembered split and line index. */
    public void clear() {
        sentenceKeys.clear();
        lineIndexes.clear();
    }

    RecentVersions<SentenceKeys> sentenceKeys() {
        return sentenceKeys;
    }

    RecentVersions<DuplicateInstructionRule.Indexed> lineIndexes() {
        return lineIndexes;
    }
}
