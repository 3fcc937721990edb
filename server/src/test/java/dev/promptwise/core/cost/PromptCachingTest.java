package dev.promptwise.core.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.promptwise.core.catalog.ModelInfo;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Checks each provider's caching rule at the edges of its minimum and its steps. */
class PromptCachingTest {

    @ParameterizedTest(name = "gpt-4o caches {1} of a {0}-token prefix")
    @CsvSource({
        "0, 0",
        "1023, 0",
        "1024, 1024",
        "1151, 1024",
        "1152, 1152",
        "1500, 1408",
        "2047, 1920",
        "2048, 2048",
    })
    void openAiCachesFrom1024TokensIn128TokenSteps(int prefixTokens, int expectedCached) {
        assertEquals(expectedCached, PromptCaching.cacheableTokens(ModelFacts.gpt4o(), prefixTokens));
    }

    @ParameterizedTest(name = "{0} caches {2} of a {1}-token prefix")
    @CsvSource({
        "sonnet, 1023, 0",
        "sonnet, 1024, 1024",
        "sonnet, 1151, 1151",
        "haiku, 1024, 0",
        "haiku, 2047, 0",
        "haiku, 2048, 2048",
        "haiku, 3000, 3000",
    })
    void anthropicCachesTheWholePrefixFromItsMinimum(String family, int prefixTokens, int expectedCached) {
        ModelInfo model = family.equals("haiku") ? ModelFacts.claudeHaiku35() : ModelFacts.claudeSonnet4();
        assertEquals(expectedCached, PromptCaching.cacheableTokens(model, prefixTokens));
    }

    @ParameterizedTest(name = "{0} caches {2} of a {1}-token prefix")
    @CsvSource({
        "gemini-2.5-flash, 1023, 0",
        "gemini-2.5-flash, 1500, 1500",
        "gemini-2.5-pro, 2048, 0",
        "gemini-2.5-pro, 4096, 4096",
    })
    void googleCachesTheWholePrefixFromItsMinimum(String id, int prefixTokens, int expectedCached) {
        ModelInfo model = id.equals("gemini-2.5-pro") ? ModelFacts.gemini25Pro() : ModelFacts.gemini25Flash();
        assertEquals(expectedCached, PromptCaching.cacheableTokens(model, prefixTokens));
    }

    /**
     * The catalog's {@code cacheMinTokens} (LiteLLM's {@code prompt_cache_min_tokens}) decides: Haiku 4.5 and Opus
     * 4.5 cache nothing below 4,096 tokens, so a 3,000-token prefix is billed in full; Sonnet 4.5 caches it.
     */
    @ParameterizedTest(name = "{0} caches {2} of a {1}-token prefix")
    @CsvSource({
        "claude-haiku-4.5, 3000, 0",
        "claude-haiku-4.5, 4095, 0",
        "claude-haiku-4.5, 4096, 4096",
        "claude-opus-4.5, 3000, 0",
        "claude-opus-4.5, 4096, 4096",
        "claude-sonnet-4.5, 1023, 0",
        "claude-sonnet-4.5, 3000, 3000",
        "claude-3-5-haiku-20241022, 2047, 0",
        "claude-3-5-haiku-20241022, 2048, 2048",
    })
    void theCatalogsMinimumDecides(String id, int prefixTokens, int expectedCached) {
        ModelInfo model = dev.promptwise.core.catalog.PriceCatalog.bundled().resolve(id).orElseThrow();
        assertEquals(expectedCached, PromptCaching.cacheableTokens(model, prefixTokens));
    }

    /** A catalog entry without a minimum keeps the provider's default; one with a minimum overrides it. */
    @ParameterizedTest(name = "minimum {1} caches {2} of 1,500 tokens")
    @CsvSource({
        "openai, , 1408",
        "openai, 1280, 1408",
        "openai, 1501, 0",
        "anthropic, , 1500",
        "anthropic, 2048, 0",
    })
    void aMinimumOverridesTheProvidersDefault(String provider, Integer minimum, int expectedCached) {
        ModelInfo model = new ModelInfo("custom", provider, 3, 0.3, 3.75, 15, 200_000, 8_000, "o200k_base", false,
                null, List.of(), "test", "2026-07-24", null, null, minimum, false);
        assertEquals(expectedCached, PromptCaching.cacheableTokens(model, 1500));
    }

    @ParameterizedTest(name = "no caching for {0}")
    @CsvSource({"no cached price", "anthropic without a write price", "unknown provider"})
    void noCachingWithoutAKnownRuleAndPrice(String situation) {
        ModelInfo model = switch (situation) {
            case "no cached price" -> new ModelInfo("acme", "openai", 1, null, null, 2, 1000, 100, "o200k_base",
                    true, null, List.of(), "test", "2025-09-05");
            case "anthropic without a write price" -> new ModelInfo("claude-x", "anthropic", 3, 0.3, null, 15,
                    1000, 100, "o200k_base", false, null, List.of(), "test", "2025-09-05");
            default -> new ModelInfo("acme-ft-triage", "acme", 0.3, 0.15, null, 1.2, 1000, 100, "o200k_base",
                    false, null, List.of(), "test", "2025-09-05");
        };
        assertEquals(0, PromptCaching.cacheableTokens(model, 5000));
    }
}
