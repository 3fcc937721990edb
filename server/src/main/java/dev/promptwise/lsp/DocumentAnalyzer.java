package dev.promptwise.lsp;

import dev.promptwise.core.analysis.PromptwiseAnalysis;
import dev.promptwise.core.config.Settings;
import dev.promptwise.core.semantics.FixEnvironment;
import dev.promptwise.core.semantics.StrategyDocument;
import dev.promptwise.core.vocabulary.Cancellation;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;

/**
 * Holds the core's façade, the current settings and the workspace index, and gives each document version its
 * analysis: computed once per version, settings and workspace generation, and shared by every request and
 * validation of that version. A prompt is analysed with the workload that references it; a strategy file with
 * the current text of every prompt it names.
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

    /** Returns whether the document is a strategy file. */
    public boolean isStrategy(DocumentSnapshot document) {
        return PromptwiseAnalysis.isStrategyFile(document.path());
    }

    /**
     * Returns the analysis of {@code document} under the current settings and workspace, or empty when the document
     * is neither a prompt nor a strategy file (or, against the core's contract, its analysis failed, which is
     * logged).
     */
    public Optional<DocumentAnalysis> analysis(DocumentSnapshot document) {
        boolean strategy = isStrategy(document);
        Key key = new Key(settings, index.strategyGeneration(), strategy ? index.promptGeneration() : 0);
        return document.analysis(key, snapshot -> analyzeOnce(snapshot, key.settings(), strategy));
    }

    /** Returns the analysed prompt of {@code document}, or empty when it is not a prompt. */
    public Optional<dev.promptwise.core.semantics.AnalyzedPrompt> prompt(DocumentSnapshot document) {
        return analysis(document).filter(DocumentAnalysis.Prompt.class::isInstance)
                .map(found -> ((DocumentAnalysis.Prompt) found).prompt());
    }

    /** Returns the workspace that fixes reaching other files are made against: its files and root strategy file. */
    public FixEnvironment fixEnvironment() {
        StrategyDocument root = index.strategies().stream()
                .filter(strategy -> strategy.path().equals("promptwise.yaml") || strategy.path().equals("promptwise.yml"))
                .findFirst().orElse(null);
        return new FixEnvironment(index.files(), root);
    }

    /** Returns the open documents whose analysis depends on prompts: the strategy files. */
    public List<DocumentSnapshot> openStrategies(DocumentStore store) {
        return store.all().stream().filter(this::isStrategy).toList();
    }

    private Optional<DocumentAnalysis> analyzeOnce(DocumentSnapshot document, Settings settingsInForce,
            boolean strategy) {
        try {
            String relative = index.relativePath(document.uri());
            if (strategy) {
                return Optional.of(new DocumentAnalysis.Strategy(analysis.analyzeStrategy(
                        document.strategyDocument(analysis, relative), settingsInForce, index.files(),
                        Cancellation.NONE)));
            }
            return analysis.formatOf(document.path(), document.text())
                    .map(format -> new DocumentAnalysis.Prompt(analysis.analyze(relative, format, document.text(),
                            settingsInForce, index.bindingFor(relative).orElse(null))));
        } catch (CancellationException cancelled) {
            throw cancelled;
        } catch (RuntimeException failure) {
            log.error("Could not analyse " + document, failure);
            return Optional.empty();
        }
    }
}
