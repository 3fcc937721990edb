package dev.promptwise.lsp;

import dev.promptwise.core.cost.CostFigures;
import dev.promptwise.core.cost.WorkloadCost;
import dev.promptwise.core.semantics.AnalyzedPrompt;
import java.util.Optional;

/**
 * Prices one analysed prompt for {@code promptwise/documentCost} and the cost report: the cost model's figures at
 * the prompt's workload traffic when it has some, else the price of its input alone.
 */
final class DocumentCosts {

    private DocumentCosts() {}

    /** Returns the cost of one request with {@code prompt}, and of a month of them when the traffic is known. */
    static DocumentCostResult of(AnalyzedPrompt prompt) {
        Optional<CostFigures> now = prompt.cost().flatMap(WorkloadCost::now);
        Double perRequest = now.map(CostFigures::costPerRequest).orElse(prompt.inputCostPerRequest());
        Double monthly = now.map(CostFigures::costPerMonth).orElse(prompt.inputCostPerMonth());
        return new DocumentCostResult(prompt.totalTokens(), prompt.estimated(), perRequest, monthly, prompt.modelId());
    }
}
