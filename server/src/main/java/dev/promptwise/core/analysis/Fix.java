package dev.promptwise.core.analysis;

import java.util.List;

/**
 * A quick fix carried by a finding: a title and the edits to the finding's own document.
 *
 * @param title what the fix does, as the code action menu shows it
 * @param edits edits to the document the finding is in, non-overlapping
 * @param preferred whether the editor may apply it as the one obvious fix
 */
public record Fix(String title, List<TextEdit> edits, boolean preferred) {

    public Fix {
        edits = List.copyOf(edits);
    }
}
