package dev.promptwise.core.vocabulary;

import java.util.List;

/**
 * A quick fix carried by a finding: a title, the edits to the finding's own document, and, for fixes that reach
 * other files (extracting examples into a dataset and recording it in the strategy file), a workspace change.
 *
 * @param title what the fix does, as the code action menu shows it
 * @param edits edits to the document the finding is in, non-overlapping
 * @param preferred whether the editor may apply it as the one obvious fix
 * @param workspaceChange files to create and edits to other files, or {@code null} when the fix stays in its file
 */
public record Fix(String title, List<TextEdit> edits, boolean preferred, WorkspaceChange workspaceChange) {

    public Fix {
        edits = List.copyOf(edits);
    }

    /** Creates a fix that edits only the finding's own document. */
    public Fix(String title, List<TextEdit> edits, boolean preferred) {
        this(title, edits, preferred, null);
    }
}
