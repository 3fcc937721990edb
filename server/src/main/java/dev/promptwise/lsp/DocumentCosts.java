package dev.promptwise.lsp;

import dev.promptwise.core.analysis.AnalyzedPrompt;
import dev.promptwise.core.catalog.ModelInfo;
import dev.promptwise.core.catalog.PriceCatalog;
import dev.promptwise.core.syntax.Message;
import dev.promptwise.core.syntax.PromptDocument;
import dev.promptwise.core.tokens.TokenCounter;
import java.util.Optional;

/**
 * Prices one prompt for {@code promptwise/documentCost} from what the core offers today: the model the file names
 * (or the settings' default), its catalog entry and the token counter. The input side only: output tokens and
 * workloads are the cost model's business.
 */
final class DocumentCosts {

    private static final String FALLBACK_ENCODING = "o200k_base";

    private DocumentCosts() {}

    /** Returns the cost of one request with {@code prompt}. */
    static DocumentCostResult of(AnalyzedPrompt prompt, PriceCatalog catalog) {
        PromptDocument document = prompt.document();
        String model = document.model() != null ? document.model().id() : prompt.settings().defaultModel();
        Optional<ModelInfo> info = catalog.resolve(model);
        TokenCounter counter = TokenCounter.forEncoding(info.map(ModelInfo::encoding).orElse(FALLBACK_ENCODING));
        int tokens = document.messages().isEmpty() ? counter.count(document.text())
                : document.messages().stream().map(Message::content).mapToInt(counter::count).sum();
        boolean estimated = info.map(modelInfo -> !modelInfo.exactTokens()).orElse(true);
        Double perRequest = info.map(modelInfo -> tokens * modelInfo.input() / 1_000_000).orElse(null);
        Double requestsPerDay = prompt.settings().requestsPerDay();
        Double monthly = perRequest == null || requestsPerDay == null ? null : perRequest * requestsPerDay * 30;
        return new DocumentCostResult(tokens, estimated, perRequest, monthly, model);
    }
}
