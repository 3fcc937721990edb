package dev.promptwise.core.vocabulary;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A change that spans files: files to create (never over an existing one) and edits to existing files, by
 * workspace-relative path with {@code /} separators. The adapter turns it into an LSP {@code WorkspaceEdit} with
 * {@code CreateFile} operations where the client supports them.
 *
 * @param creations new files with their whole content, in the order to create them
 * @param edits per existing file, non-overlapping edits against its current text
 */
public record WorkspaceChange(List<FileCreation> creations, Map<String, List<TextEdit>> edits) {

    /** A file to create with its content; the path was chosen free when the change was computed. */
    public record FileCreation(String path, String content) {}

    public WorkspaceChange {
        creations = List.copyOf(creations);
        Map<String, List<TextEdit>> copy = new LinkedHashMap<>();
        edits.forEach((path, list) -> copy.put(path, List.copyOf(list)));
        edits = Collections.unmodifiableMap(copy);
    }

    /** Returns every path the change touches: created files first, then edited ones. */
    public List<String> paths() {
        List<String> paths = new ArrayList<>();
        creations.forEach(creation -> paths.add(creation.path()));
        paths.addAll(edits.keySet());
        return paths;
    }
}
