package dev.promptwise.lsp;

import dev.promptwise.core.text.LineIndex;
import dev.promptwise.core.text.TextChange;
import dev.promptwise.core.text.TextRange;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;

/**
 * The open documents, one immutable {@link DocumentSnapshot} per version. It is updated synchronously and in
 * order on the message thread; other threads only read the current snapshot of a document.
 */
public final class DocumentStore {

    /**
     * Where the store hands each incremental edit: the analysis host of the façade in use, so that its incremental
     * passes know where two versions differ without comparing them.
     */
    @FunctionalInterface
    public interface EditSink {
        /** Says that {@code current} is {@code old} with {@code change} applied. */
        void edited(String old, String current, TextChange change);
    }

    private final ConcurrentHashMap<String, DocumentSnapshot> documents = new ConcurrentHashMap<>();
    private final Consumer<String> log;
    private final EditSink edits;

    /** Creates an empty store that reports ignored edits to {@code log} and hands every edit to {@code edits}. */
    public DocumentStore(Consumer<String> log, EditSink edits) {
        this.log = log;
        this.edits = edits;
    }

    /** Creates an empty store that reports ignored edits to {@code log} and hands its edits to no one. */
    public DocumentStore(Consumer<String> log) {
        this(log, (old, current, change) -> { });
    }

    /** Returns the current snapshot of {@code uri}, or empty when the document is not open. */
    public Optional<DocumentSnapshot> get(String uri) {
        return Optional.ofNullable(documents.get(uri));
    }

    /** Returns the current snapshots of every open document. */
    public Collection<DocumentSnapshot> all() {
        return List.copyOf(documents.values());
    }

    /** Returns whether {@code snapshot} is still the current version of its document. */
    public boolean isCurrent(DocumentSnapshot snapshot) {
        return documents.get(snapshot.uri()) == snapshot;
    }

    /** Opens a document (or replaces it, when the client opens it again) and returns its snapshot. */
    public DocumentSnapshot open(String uri, String languageId, int version, String text) {
        DocumentSnapshot snapshot = new DocumentSnapshot(uri, version, text, languageId);
        DocumentSnapshot previous = documents.put(uri, snapshot);
        if (previous != null) {
            previous.markSuperseded();
        }
        return snapshot;
    }

    /**
     * Applies the client's changes, in order, and returns the new snapshot. A change without a range replaces the
     * whole text; a range past the end of a line or of the text is clamped, as LSP asks. Returns empty, and logs
     * why, when the document is not open or {@code version} is not newer than the current one.
     */
    public Optional<DocumentSnapshot> change(String uri, int version, List<TextDocumentContentChangeEvent> changes) {
        DocumentSnapshot current = documents.get(uri);
        if (current == null) {
            log.accept("Ignored a change to " + uri + ", which is not open.");
            return Optional.empty();
        }
        if (version <= current.version()) {
            log.accept("Ignored version " + version + " of " + uri + ": version " + current.version()
                    + " is already open.");
            return Optional.empty();
        }
        String text = current.text();
        // The current version's line index is usually built already (its validation needed it); reuse it for the
        // first change rather than index the whole text again on the message thread.
        LineIndex lineIndex = current.lineIndex();
        for (TextDocumentContentChangeEvent change : changes) {
            Applied applied = apply(text, lineIndex, change);
            if (applied.change() != null) {
                // The core's incremental passes then know where the versions differ without comparing them.
                edits.edited(text, applied.text(), applied.change());
            }
            text = applied.text();
            // The new version's index comes from the old one and the edit, not a new scan.
            lineIndex = lineIndex == null || applied.change() == null ? null : lineIndex.edited(text, applied.change());
        }
        DocumentSnapshot snapshot = new DocumentSnapshot(uri, version, text, current.languageId(), lineIndex);
        documents.put(uri, snapshot);
        current.markSuperseded();
        return Optional.of(snapshot);
    }

    /** Closes a document and returns its last snapshot, or empty when it was not open. */
    public Optional<DocumentSnapshot> close(String uri) {
        DocumentSnapshot removed = documents.remove(uri);
        if (removed == null) {
            log.accept("Ignored closing " + uri + ", which is not open.");
            return Optional.empty();
        }
        removed.markSuperseded();
        return Optional.of(removed);
    }

    /** Returns {@code text} with one content change applied. */
    static String apply(String text, TextDocumentContentChangeEvent change) {
        return apply(text, null, change).text();
    }

    /** A text after one content change, and where it changed ({@code null} when the whole text was replaced). */
    private record Applied(String text, TextChange change) {}

    /** Returns {@code text} with one change applied, using {@code lineIndex} of the text when it is not null. */
    private static Applied apply(String text, LineIndex lineIndex, TextDocumentContentChangeEvent change) {
        String newText = change.getText() == null ? "" : change.getText();
        if (change.getRange() == null) {
            return new Applied(newText, null);
        }
        TextRange replaced = FromLsp.range(lineIndex != null ? lineIndex : LineIndex.of(text), text, change.getRange());
        // A builder made from the text starts in the text's coding; one sized first starts in Latin-1 and widens
        // itself on the first character beyond it. For a text beyond Latin-1 that is 5 bytes allocated per character
        // instead of 6 (thread allocation counters), on every keystroke: young collections come less often.
        String changed = new StringBuilder(text).replace(replaced.start(), replaced.end(), newText).toString();
        TextChange edit = new TextChange(replaced.start(), replaced.end(), replaced.start() + newText.length());
        return new Applied(changed, edit);
    }
}
