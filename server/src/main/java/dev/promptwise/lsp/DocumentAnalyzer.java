package dev.promptwise.lsp;

import dev.promptwise.core.analysis.FileAnalysis;
import dev.promptwise.core.analysis.PromptwiseAnalysis;
import dev.promptwise.core.analysis.SourceFile;
import dev.promptwise.core.analysis.WorkspaceSession;
import dev.promptwise.core.config.Settings;
import dev.promptwise.core.vocabulary.Cancellation;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;

/**
 * Holds the core's façade, the current settings and the workspace index, and gives each document version its
 * analysis: computed once per version, settings and workspace generation, and shared by every request and
 * validation of that version. The analysis itself is the workspace session's, the same the command line uses: a
 * prompt is analysed with the workload that references it; a strategy file with the current text of every prompt
 * it names.
 */
public final class DocumentAnalyzer {

    /** What an analysis depends on besides the document's own text. */
    private record Key(Settings settings, long strategyGeneration, long promptGeneration) {}

    private final PromptwiseAnalysis bundledAnalysis;
    private volatile PromptwiseAnalysis analysis;
    private final WorkspaceIndex index;
    private final ServerLog log;
    private volatile Settings settings = Settings.DEFAULTS;

    public DocumentAnalyzer(PromptwiseAnalysis analysis, WorkspaceIndex index, ServerLog log) {
        this.analysis = analysis;
        this.bundledAnalysis = analysis;
        this.index = index;
        this.log = log;
    }

    /** Returns the core's façade. */
    public PromptwiseAnalysis facade() {
        return analysis;
    }

    /** Returns the catalog the server started with, before any {@code pricing.file}. */
    public dev.promptwise.core.catalog.PriceCatalog bundledCatalog() {
        return bundledAnalysis.catalog();
    }

    /** Prices everything with {@code catalog} from now on (the settings' {@code pricing.file} applied). */
    public void useCatalog(dev.promptwise.core.catalog.PriceCatalog catalog) {
        analysis = catalog == bundledAnalysis.catalog() ? bundledAnalysis
                : new PromptwiseAnalysis(catalog, message -> log.warning(message));
    }

    /** Returns the workspace index. */
    public WorkspaceIndex index() {
        return index;
    }

    /** Returns the settings in force. */
    public Settings settings() {
        return settings;
    }

    /** Replaces the settings; later analyses use them. */
    public void updateSettings(Settings newSettings) {
        settings = newSettings;
    }

    /** Returns the workspace session: the index's files, analysed by the façade in force. */
    public WorkspaceSession session() {
        return new WorkspaceSession(analysis, index);
    }

    /** Returns whether the document is a strategy file. */
    public boolean isStrategy(DocumentSnapshot document) {
        return WorkspaceSession.isStrategyFile(document.path());
    }

    /**
     * Returns the analysis of {@code document} under the current settings and workspace, or empty when the document
     * is neither a prompt nor a strategy file (or, against the core's contract, its analysis failed, which is
     * logged).
     */
    public Optional<FileAnalysis> analysis(DocumentSnapshot document) {
        // Both kinds read other files through the disk: a strategy file its prompts, a prompt the files its inputs,
        // tools and images come from; a watched file's change moves the generation, and they are analysed again.
        Key key = new Key(settings, index.strategyGeneration(), index.promptGeneration());
        return document.analysis(key, snapshot -> analyzeOnce(snapshot, key.settings()));
    }

    /** Returns the analysed prompt of {@code document}, or empty when it is not a prompt. */
    public Optional<dev.promptwise.core.semantics.AnalyzedPrompt> prompt(DocumentSnapshot document) {
        return analysis(document).filter(FileAnalysis.Prompt.class::isInstance)
                .map(found -> ((FileAnalysis.Prompt) found).prompt());
    }

    /** Returns the open documents whose analysis depends on prompts: the strategy files. */
    public List<DocumentSnapshot> openStrategies(DocumentStore store) {
        return store.all().stream().filter(this::isStrategy).toList();
    }

    private Optional<FileAnalysis> analyzeOnce(DocumentSnapshot document, Settings settingsInForce) {
        try {
            String relative = index.relativePath(document.uri());
            return session().analyze(SourceFile.of(relative, document.path(), document.text()), settingsInForce,
                    null, Cancellation.NONE);
        } catch (CancellationException cancelled) {
            throw cancelled;
        } catch (RuntimeException failure) {
            log.error("Could not analyse " + document, failure);
            return Optional.empty();
        }
    }
}
