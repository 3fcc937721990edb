package dev.promptwise.lsp;

import dev.promptwise.core.analysis.AnalyzedPrompt;
import dev.promptwise.core.config.Settings;
import dev.promptwise.core.text.LineIndex;
import java.util.Optional;
import java.util.function.BiFunction;

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
    private Settings analyzedUnder;
    private Optional<AnalyzedPrompt> analysis;

    public DocumentSnapshot(String uri, int version, String text, String languageId) {
        this.uri = uri;
        this.version = version;
        this.text = text;
        this.languageId = languageId;
        this.path = FromLsp.path(uri);
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
     * Returns the analysis of this version under {@code settings}, computing it with {@code analyzer} only the
     * first time it is asked for under these settings; empty when the document is not a prompt.
     */
    public synchronized Optional<AnalyzedPrompt> analysis(Settings settings,
            BiFunction<DocumentSnapshot, Settings, Optional<AnalyzedPrompt>> analyzer) {
        if (analysis == null || !settings.equals(analyzedUnder)) {
            analysis = analyzer.apply(this, settings);
            analyzedUnder = settings;
        }
        return analysis;
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
