package dev.promptwise.core.analysis;

import dev.promptwise.core.catalog.PriceCatalog;
import dev.promptwise.core.config.Settings;
import dev.promptwise.core.syntax.PromptDocument;
import dev.promptwise.core.syntax.PromptFormat;
import dev.promptwise.core.syntax.PromptParsers;
import java.util.List;
import java.util.Optional;

/**
 * The core's façade: one method per editor feature, text and settings in, plain records out. The LSP adapter
 * and the command line call only this.
 */
public final class PromptwiseAnalysis {

    private final PriceCatalog catalog;

    public PromptwiseAnalysis(PriceCatalog catalog) {
        this.catalog = catalog;
    }

    public PriceCatalog catalog() {
        return catalog;
    }

    /** Returns the prompt format of a file, or empty when Promptwise does not read it. */
    public Optional<PromptFormat> formatOf(String path, String text) {
        return PromptParsers.formatOf(path, text);
    }

    /** Parses and tokenizes one version of a prompt file. Never throws on user input. */
    public AnalyzedPrompt analyze(String path, PromptFormat format, String text, Settings settings) {
        PromptDocument document = PromptParsers.parse(format, text);
        return new AnalyzedPrompt(path, document, settings);
    }

    /** Returns the findings of every enabled rule; a failing rule is logged and skipped. */
    public List<Finding> diagnostics(AnalyzedPrompt prompt, Cancellation cancellation) {
        return List.of();
    }

    /** Returns the hover at {@code offset}, or empty when there is nothing to say there. */
    public Optional<HoverInfo> hover(AnalyzedPrompt prompt, int offset, Cancellation cancellation) {
        return Optional.empty();
    }

    /** Returns the code lenses of the prompt. */
    public List<Lens> codeLenses(AnalyzedPrompt prompt, Cancellation cancellation) {
        return List.of();
    }

    /** Returns the inlay hints (tokens per message) whose offsets fall inside {@code start..end}. */
    public List<InlayHintInfo> inlayHints(AnalyzedPrompt prompt, int start, int end, Cancellation cancellation) {
        return List.of();
    }

    /** Returns the document's outline. */
    public List<Symbol> documentSymbols(AnalyzedPrompt prompt, Cancellation cancellation) {
        return List.of();
    }
}
