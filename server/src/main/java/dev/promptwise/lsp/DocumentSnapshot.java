package dev.promptwise.lsp;

import dev.promptwise.core.analysis.FileAnalysis;
import dev.promptwise.core.analysis.PromptwiseAnalysis;
import dev.promptwise.core.semantics.StrategyDocument;
import dev.promptwise.core.text.LineIndex;
import java.util.Optional;
import java.util.function.Function;

/**
 * One version of an open document, as the client last sent it. The text never changes; the line index and the
 * analysis are computed on first use, once per version, and kept with the snapshot so that every request and
 * every validation of the same version share them.
 */
public final class DocumentSnapshot {

    private final String uri;
    private final int version;
    private final String text;
    private final String languageId;
    private final String path;
    private volatile LineIndex lineIndex;
    private volatile boolean superseded;
    private Object analyzedUnder;
    private Optional<FileAnalysis> analysis;
    private volatile StrategyDocument strategyDocument;

    public DocumentSnapshot(String uri, int version, String text, String languageId) {
        this(uri, version, text, languageId, null);
    }

    /** Creates a snapshot whose line index is already known ({@code lineIndex} of {@code text}), or {@code null}. */
    public DocumentSnapshot(String uri, int version, String text, String languageId, LineIndex lineIndex) {
        this.uri = uri;
        this.version = version;
        this.text = text;
        this.languageId = languageId;
        this.path = FromLsp.path(uri);
        this.lineIndex = lineIndex;
    }

    public String uri() {
        return uri;
    }

    public int version() {
        return version;
    }

    public String text() {
        return text;
    }

    /** Returns the language id the client gave at open, or an empty string when it gave none. */
    public String languageId() {
        return languageId == null ? "" : languageId;
    }

    /** Returns the path part of the URI, with {@code /} separators, used to recognise the prompt format. */
    public String path() {
        return path;
    }

    /** Returns the line index of this version's text, built on first use. */
    public LineIndex lineIndex() {
        LineIndex index = lineIndex;
        if (index == null) {
            index = LineIndex.of(text);
            lineIndex = index;
        }
        return index;
    }

    /** Returns whether a newer version has replaced this one, or the document was closed. */
    public boolean isSuperseded() {
        return superseded;
    }

    /**
     * Returns the analysis of this version under {@code key} (the settings and the workspace generations it
     * depends on), computing it with {@code analyzer} only the first time it is asked for under that key; empty
     * when the document is neither a prompt nor a strategy file.
     */
    public synchronized Optional<FileAnalysis> analysis(Object key,
            Function<DocumentSnapshot, Optional<FileAnalysis>> analyzer) {
        if (analysis == null || !key.equals(analyzedUnder)) {
            analysis = analyzer.apply(this);
            analyzedUnder = key;
        }
        return analysis;
    }

    /** Returns this version parsed as a strategy file at {@code relativePath}, parsed once. */
    public StrategyDocument strategyDocument(PromptwiseAnalysis facade, String relativePath) {
        StrategyDocument parsed = strategyDocument;
        if (parsed == null || !parsed.path().equals(relativePath)) {
            parsed = facade.parseStrategy(relativePath, text);
            strategyDocument = parsed;
        }
        return parsed;
    }

    /** Marks this version as replaced: work still running for it is cancelled at its next check. */
    void markSuperseded() {
        superseded = true;
    }

    @Override
    public String toString() {
        return uri + "@" + version;
    }
}
