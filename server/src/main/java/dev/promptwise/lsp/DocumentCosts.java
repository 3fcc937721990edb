package dev.promptwise.lsp;

import dev.promptwise.core.semantics.AnalyzedPrompt;
import dev.promptwise.report.CostReport;
import dev.promptwise.report.ReportFigures;

/**
 * Prices one analysed prompt for {@code promptwise/documentCost} with the cost report's own figures, so that the
 * status bar and the report never disagree: the cost model's figures at the prompt's workload traffic when it has
 * some, else the price of its input alone.
 */
final class DocumentCosts {

    private DocumentCosts() {}

    /** Returns the cost of one request with {@code prompt}, and of a month of them when the traffic is known. */
    static DocumentCostResult of(AnalyzedPrompt prompt) {
        CostReport.Prompt figures = ReportFigures.prompt(prompt.path(), prompt);
        return new DocumentCostResult(figures.tokens(), figures.estimated(), figures.costPerRequestUsd(),
                figures.monthlyCostUsd(), figures.model());
    }
}
