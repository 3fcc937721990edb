package dev.promptwise.core.cost;

import dev.promptwise.core.catalog.ModelInfo;
import java.util.List;

/**
 * Catalog entries built by hand from {@code shared/reference/model-facts.md} (LiteLLM snapshot of 2025-09-05 and
 * OpenAI's fine-tuning prices), so that the cost tests do not depend on the bundled catalog's contents.
 */
final class ModelFacts {

    private static final String SOURCE = "model-facts.md";
    private static final String AS_OF = "2025-09-05";

    private ModelFacts() {}

    static ModelInfo gpt4o() {
        return openai("gpt-4o", 2.50, 1.25, 10.00,
                new ModelInfo.FineTuning(25.00, 3.75, 1.875, 15.00, "1.5x the base price"));
    }

    static ModelInfo gpt4oMini() {
        return openai("gpt-4o-mini", 0.15, 0.075, 0.60,
                new ModelInfo.FineTuning(3.00, 0.30, 0.15, 1.20, "2x the base price"));
    }

    static ModelInfo gpt41() {
        return openai("gpt-4.1", 2.00, 0.50, 8.00,
                new ModelInfo.FineTuning(25.00, 3.00, 0.75, 12.00, "training price unconfirmed"));
    }

    static ModelInfo o4Mini() {
        return openai("o4-mini", 1.10, 0.275, 4.40,
                new ModelInfo.FineTuning(null, 4.00, 1.00, 16.00, "per hour of training (100 USD per hour)"));
    }

    static ModelInfo o3() {
        return openai("o3", 2.00, 0.50, 8.00, null);
    }

    static ModelInfo claudeSonnet4() {
        return new ModelInfo("claude-sonnet-4-20250514", "anthropic", 3.00, 0.30, 3.75, 15.00, 200_000, 64_000,
                "o200k_base", false, null, List.of(), SOURCE, AS_OF);
    }

    static ModelInfo claudeHaiku35() {
        return new ModelInfo("claude-3-5-haiku-20241022", "anthropic", 0.80, 0.08, 1.00, 4.00, 200_000, 8_192,
                "o200k_base", false, null, List.of(), SOURCE, AS_OF);
    }

    static ModelInfo gemini25Flash() {
        return new ModelInfo("gemini-2.5-flash", "google", 0.30, 0.075, null, 2.50, 1_048_576, 65_535,
                "o200k_base", false, null, List.of(), SOURCE, AS_OF);
    }

    static ModelInfo gemini25Pro() {
        return new ModelInfo("gemini-2.5-pro", "google", 1.25, 0.3125, null, 10.00, 1_048_576, 65_535,
                "o200k_base", false, null, List.of(), SOURCE, AS_OF);
    }

    private static ModelInfo openai(String id, double input, double cached, double output,
            ModelInfo.FineTuning fineTuning) {
        return new ModelInfo(id, "openai", input, cached, null, output, 128_000, 16_384, "o200k_base", true,
                fineTuning, List.of(), SOURCE, AS_OF);
    }
}
