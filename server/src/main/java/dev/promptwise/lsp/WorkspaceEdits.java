package dev.promptwise.lsp;

import dev.promptwise.core.text.LineIndex;
import dev.promptwise.core.vocabulary.Fix;
import dev.promptwise.core.vocabulary.WorkspaceChange;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.CreateFile;
import org.eclipse.lsp4j.CreateFileOptions;
import org.eclipse.lsp4j.ResourceOperation;
import org.eclipse.lsp4j.ResourceOperationKind;
import org.eclipse.lsp4j.TextDocumentEdit;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.WorkspaceEditCapabilities;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/**
 * Turns a fix into an LSP {@code WorkspaceEdit}. A fix that reaches other files (a dataset to create, the strategy
 * file to edit) becomes {@code documentChanges}: {@code CreateFile} operations that never overwrite, then versioned
 * edits, when the client supports resource operations. Otherwise the fix is not offered as an edit at all:
 * {@link #toWorkspaceEdit} returns empty, and the caller says why instead of applying half of it.
 */
final class WorkspaceEdits {

    private final WorkspaceIndex index;
    private final DocumentStore store;
    private final boolean documentChanges;
    private final boolean createFiles;

    WorkspaceEdits(WorkspaceIndex index, DocumentStore store, ClientCapabilities capabilities) {
        this.index = index;
        this.store = store;
        WorkspaceEditCapabilities edits = capabilities.getWorkspace() == null ? null
                : capabilities.getWorkspace().getWorkspaceEdit();
        this.documentChanges = edits != null && Boolean.TRUE.equals(edits.getDocumentChanges());
        List<String> operations = edits == null || edits.getResourceOperations() == null ? List.of()
                : edits.getResourceOperations();
        this.createFiles = documentChanges && operations.contains(ResourceOperationKind.Create);
    }

    /**
     * Returns the edits of {@code fix} to existing files only, as a plain {@code changes} map, for the fallback in
     * which the server creates the files itself; empty when a file it edits cannot be read.
     */
    Optional<WorkspaceEdit> existingFileEdits(String uri, LineIndex lineIndex, Fix fix) {
        return existingEditsByUri(uri, lineIndex, fix).map(WorkspaceEdit::new);
    }

    /** Returns the fix's edits to existing files by URI; empty when a file it edits cannot be read. */
    private Optional<Map<String, List<TextEdit>>> existingEditsByUri(String uri, LineIndex lineIndex, Fix fix) {
        Map<String, List<TextEdit>> byUri = new LinkedHashMap<>();
        if (!fix.edits().isEmpty()) {
            byUri.put(uri, new ArrayList<>(ToLsp.textEdits(lineIndex, fix.edits())));
        }
        WorkspaceChange change = fix.workspaceChange();
        var files = index.files();
        for (Map.Entry<String, List<dev.promptwise.core.vocabulary.TextEdit>> edit : change.edits().entrySet()) {
            Optional<String> target = index.uriOf(edit.getKey());
            Optional<String> text = files.read(edit.getKey());
            if (target.isEmpty() || text.isEmpty()) {
                return Optional.empty();
            }
            byUri.computeIfAbsent(target.get(), key -> new ArrayList<>())
                    .addAll(ToLsp.textEdits(LineIndex.of(text.get()), edit.getValue()));
        }
        return Optional.of(byUri);
    }

    /** Returns whether the server can create files itself: it knows the workspace root on disk. */
    boolean serverCanCreateFiles() {
        return index.root().isPresent();
    }

    /** Returns whether the client can take a change that creates files. */
    boolean canCreateFiles() {
        return createFiles;
    }

    /**
     * Returns the edit that applies {@code fix} to the document at {@code uri} (whose line index is given) and to
     * the other files its workspace change names; empty when the change needs what the client cannot do or a file
     * it edits cannot be read.
     */
    Optional<WorkspaceEdit> toWorkspaceEdit(String uri, LineIndex lineIndex, Fix fix) {
        WorkspaceChange change = fix.workspaceChange();
        if (change == null) {
            return Optional.of(new WorkspaceEdit(Map.of(uri, ToLsp.textEdits(lineIndex, fix.edits()))));
        }
        if (!change.creations().isEmpty() && !createFiles) {
            return Optional.empty();
        }
        Map<String, List<TextEdit>> byUri = new LinkedHashMap<>();
        List<Either<TextDocumentEdit, ResourceOperation>> operations = new ArrayList<>();
        for (WorkspaceChange.FileCreation creation : change.creations()) {
            Optional<String> target = index.uriOf(creation.path());
            if (target.isEmpty()) {
                return Optional.empty();
            }
            CreateFileOptions options = new CreateFileOptions(false, true);
            operations.add(Either.forRight(new CreateFile(target.get(), options)));
            LineIndex empty = LineIndex.of("");
            byUri.put(target.get(), List.of(new TextEdit(ToLsp.range(empty, dev.promptwise.core.text.TextRange.at(0)),
                    creation.content())));
        }
        Optional<Map<String, List<TextEdit>>> existing = existingEditsByUri(uri, lineIndex, fix);
        if (existing.isEmpty()) {
            return Optional.empty();
        }
        existing.get().forEach((target, edits) -> byUri.computeIfAbsent(target, key -> new ArrayList<>()).addAll(edits));
        if (!documentChanges) {
            return Optional.of(new WorkspaceEdit(byUri));
        }
        for (Map.Entry<String, List<TextEdit>> entry : byUri.entrySet()) {
            Integer version = store.get(entry.getKey()).map(DocumentSnapshot::version).orElse(null);
            List<Either<TextEdit, org.eclipse.lsp4j.SnippetTextEdit>> textEdits = new ArrayList<>();
            entry.getValue().forEach(edit -> textEdits.add(Either.forLeft(edit)));
            operations.add(Either.forLeft(new TextDocumentEdit(
                    new VersionedTextDocumentIdentifier(entry.getKey(), version), textEdits)));
        }
        // Creations first, so that the edits that fill the new files find them.
        operations.sort((a, b) -> Boolean.compare(a.isLeft(), b.isLeft()));
        return Optional.of(new WorkspaceEdit(operations));
    }
}
