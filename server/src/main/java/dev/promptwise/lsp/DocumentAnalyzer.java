package dev.promptwise.lsp;

import dev.promptwise.core.analysis.AnalyzedPrompt;
import dev.promptwise.core.analysis.PromptwiseAnalysis;
import dev.promptwise.core.config.Settings;
import java.util.Optional;
import java.util.concurrent.CancellationException;

/**
 * Holds the core's façade and the current settings, and gives each document version its analysis, computed once
 * per version and settings and shared by every request and validation of that version.
 */
public final class DocumentAnalyzer {

    private final PromptwiseAnalysis analysis;
    private final ServerLog log;
    private volatile Settings settings = Settings.DEFAULTS;

    public DocumentAnalyzer(PromptwiseAnalysis analysis, ServerLog log) {
        this.analysis = analysis;
        this.log = log;
    }

    /** Returns the core's façade. */
    public PromptwiseAnalysis facade() {
        return analysis;
    }

    /** Returns the settings in force. */
    public Settings settings() {
        return settings;
    }

    /** Replaces the settings; later analyses use them. */
    public void updateSettings(Settings newSettings) {
        settings = newSettings;
    }

    /**
     * Returns the analysis of {@code document} under the current settings, or empty when the document is not a
     * prompt file (or, against the core's contract, its analysis failed, which is logged).
     */
    public Optional<AnalyzedPrompt> analysis(DocumentSnapshot document) {
        return document.analysis(settings, this::analyzeOnce);
    }

    private Optional<AnalyzedPrompt> analyzeOnce(DocumentSnapshot document, Settings settingsInForce) {
        try {
            return analysis.formatOf(document.path(), document.text())
                    .map(format -> analysis.analyze(document.path(), format, document.text(), settingsInForce));
        } catch (CancellationException cancelled) {
            throw cancelled;
        } catch (RuntimeException failure) {
            log.error("Could not analyse " + document, failure);
            return Optional.empty();
        }
    }
}
