package dev.promptwise.core.semantics;

import dev.promptwise.core.text.KnownChanges;
import dev.promptwise.core.text.RecentVersions;

/**
 * An analysis host's memo of the analysed prompt's passes over large texts: the few-shot examples' token counts
 * ({@link ExampleTokens}) and the format-line figures of the cost input ({@link FormatLineFigures}), each for the last
 * few large texts, so that a keystroke recounts only what the edit touched. Nothing here is shared with another
 * host; {@link #clear} forgets it all.
 */
public final class SemanticMemo {

    private final RecentVersions<ExampleTokens.Counted> exampleTokens;
    private final RecentVersions<FormatLineFigures> lineFigures;

    /** Creates an empty memo whose passes ask {@code changes} (its host's) where two versions differ. */
    public SemanticMemo(KnownChanges changes) {
        exampleTokens = new RecentVersions<>(ExampleTokens.CAPACITY, ExampleTokens.Counted::text, changes);
        lineFigures = new RecentVersions<>(FormatLineFigures.CAPACITY, FormatLineFigures::text, changes);
    }

    /** Forgets every remembered count and figure. */
    public void clear() {
        exampleTokens.clear();
        lineFigures.clear();
    }

    RecentVersions<ExampleTokens.Counted> exampleTokens() {
        return exampleTokens;
    }

    RecentVersions<FormatLineFigures> lineFigures() {
        return lineFigures;
    }
}
