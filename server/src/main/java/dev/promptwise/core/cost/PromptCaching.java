package dev.promptwise.core.cost;

import dev.promptwise.core.catalog.ModelInfo;
import java.util.Locale;

/**
 * The prompt-caching rules of each provider: how many tokens of a static prefix the provider bills at its
 * cached-input price. Each rule is documented in {@code docs/cost-model.md}.
 */
public final class PromptCaching {

    /** OpenAI caches nothing below this many prefix tokens. */
    public static final int OPENAI_MINIMUM = 1024;

    /** OpenAI caches a prefix in steps of this many tokens above the minimum. */
    public static final int OPENAI_STEP = 128;

    /** Anthropic's minimum cacheable prefix for Sonnet and Opus models. */
    public static final int ANTHROPIC_MINIMUM = 1024;

    /** Anthropic's minimum cacheable prefix for Haiku models. */
    public static final int ANTHROPIC_HAIKU_MINIMUM = 2048;

    private PromptCaching() {}

    /**
     * Returns how many of the first {@code prefixTokens} tokens of a request {@code model}'s provider bills at the
     * cached price once the cache is warm; 0 when the provider does not cache, the model has no cached price, or
     * the prefix is shorter than the provider's minimum.
     */
    public static int cacheableTokens(ModelInfo model, int prefixTokens) {
        return cacheableTokens(model.provider(), model.id(), model.cachedInput(), model.cacheWrite(),
                model.cacheMinTokens(), prefixTokens);
    }

    /**
     * Returns the smallest prefix that {@code model}'s provider caches: the catalog's {@code cacheMinTokens} when it
     * gives one, else the provider's default rule; 0 when Promptwise knows no caching rule for it.
     */
    public static int minimumPrefix(ModelInfo model) {
        return minimumPrefix(model.provider(), model.id(), model.cacheMinTokens());
    }

    static int cacheableTokens(String provider, String modelId, Double cachedInput, Double cacheWrite,
            Integer catalogMinimum, int prefix) {
        if (cachedInput == null || prefix <= 0) {
            return 0;
        }
        String providerName = lower(provider);
        if (providerName.equals("anthropic") && cacheWrite == null) {
            // Anthropic bills cache writes; without their price a cached figure would be a guess.
            return 0;
        }
        int minimum = minimumPrefix(provider, modelId, catalogMinimum);
        if (minimum == 0 || prefix < minimum) {
            return 0;
        }
        if (providerName.equals("openai") || providerName.equals("azure")) {
            return minimum + OPENAI_STEP * ((prefix - minimum) / OPENAI_STEP);
        }
        return prefix;
    }

    static int minimumPrefix(String provider, String modelId, Integer catalogMinimum) {
        if (catalogMinimum != null && catalogMinimum > 0) {
            return catalogMinimum;
        }
        return defaultMinimumPrefix(provider, modelId);
    }

    /** The provider's rule for a model whose catalog entry gives no {@code cacheMinTokens}. */
    static int defaultMinimumPrefix(String provider, String modelId) {
        String id = lower(modelId);
        switch (lower(provider)) {
            case "openai":
            case "azure":
                // Azure OpenAI caches as OpenAI does.
                return OPENAI_MINIMUM;
            case "anthropic":
                return id.contains("haiku") ? ANTHROPIC_HAIKU_MINIMUM : ANTHROPIC_MINIMUM;
            case "google":
                // Google's pages disagree (1,024, 2,048 or 4,096 by date and model); the largest figure each
                // model has been given is used, so that a saving is never overstated.
                if (id.contains("flash-lite")) {
                    return 2048;
                }
                if (id.contains("2.5-flash") || id.contains("2.0-flash")) {
                    return 1024;
                }
                return 4096;
            default:
                return 0;
        }
    }

    /** Returns whether the provider charges for writing the cache (Anthropic) rather than for a cold request. */
    static boolean chargesCacheWrites(String provider) {
        return lower(provider).equals("anthropic");
    }

    private static String lower(String text) {
        return text == null ? "" : text.toLowerCase(Locale.ROOT);
    }
}
