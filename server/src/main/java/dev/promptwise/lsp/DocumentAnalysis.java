package dev.promptwise.lsp;

import dev.promptwise.core.semantics.AnalyzedPrompt;
import dev.promptwise.core.semantics.AnalyzedStrategy;

/** What one document version is to the server: an analysed prompt or an analysed strategy file. */
public sealed interface DocumentAnalysis {

    /** A prompt file, judged by its workload when a strategy file references it. */
    record Prompt(AnalyzedPrompt prompt) implements DocumentAnalysis {}

    /** A strategy file with its workloads priced and weighed. */
    record Strategy(AnalyzedStrategy strategy) implements DocumentAnalysis {}
}
