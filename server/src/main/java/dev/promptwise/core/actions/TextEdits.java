package dev.promptwise.core.actions;

import dev.promptwise.core.vocabulary.TextEdit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Applies a fix's edits to a text, so that tests, the command line and clients without workspace edits can see what
 * a fix produces without an editor.
 */
public final class TextEdits {

    private TextEdits() {}

    /**
     * Returns {@code text} with {@code edits} applied; the edits' ranges are offsets into {@code text} and must not
     * overlap (insertions at the same offset are applied in list order).
     *
     * @throws IllegalArgumentException when two edits overlap or an edit reaches past the text
     */
    public static String apply(String text, List<TextEdit> edits) {
        List<TextEdit> sorted = new ArrayList<>(edits);
        sorted.sort(Comparator.comparingInt((TextEdit edit) -> edit.range().start())
                .thenComparingInt(edit -> edit.range().end()));
        StringBuilder result = new StringBuilder(text.length());
        int copied = 0;
        for (TextEdit edit : sorted) {
            if (edit.range().start() < copied || edit.range().end() > text.length()) {
                throw new IllegalArgumentException("overlapping or out-of-range edit at " + edit.range());
            }
            result.append(text, copied, edit.range().start()).append(edit.newText());
            copied = edit.range().end();
        }
        return result.append(text, copied, text.length()).toString();
    }
}
