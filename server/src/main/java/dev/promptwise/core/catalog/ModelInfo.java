package dev.promptwise.core.catalog;

import java.util.List;

/**
 * One model of the price catalog. Prices are USD per 1 million tokens; a {@code null} price is unknown.
 *
 * @param id the canonical id ({@code gpt-4o}, {@code claude-sonnet-4-20250514})
 * @param provider {@code openai}, {@code anthropic}, {@code google}, or a user's own name
 * @param input price of an input token
 * @param cachedInput price of a cached input token, or {@code null} when the provider does not cache
 * @param cacheWrite price of writing a cached token (Anthropic), or {@code null}
 * @param output price of an output token
 * @param contextWindow the most input tokens the model takes
 * @param maxOutput the most output tokens the model gives
 * @param encoding the tokenizer encoding ({@code o200k_base}, {@code cl100k_base})
 * @param exactTokens whether {@code encoding} is the model's own tokenizer; false for other providers, whose
 *     counts are estimates
 * @param fineTuning the fine-tuning prices, or {@code null} when the model cannot be fine-tuned or they are unknown
 * @param aliases other ids that name this model (dated ids, {@code openai/…}, display names)
 * @param source where the figures come from
 * @param asOf the date of the figures, {@code YYYY-MM-DD}
 */
public record ModelInfo(
        String id,
        String provider,
        double input,
        Double cachedInput,
        Double cacheWrite,
        double output,
        int contextWindow,
        int maxOutput,
        String encoding,
        boolean exactTokens,
        FineTuning fineTuning,
        List<String> aliases,
        String source,
        String asOf) {

    /**
     * Supervised fine-tuning prices.
     *
     * @param training price of a training token, or {@code null} when priced otherwise (by time)
     * @param input price of an input token to the fine-tuned model
     * @param cachedInput price of a cached input token to the fine-tuned model
     * @param output price of an output token from the fine-tuned model
     * @param note anything a user must know ("unconfirmed", "priced per hour")
     */
    public record FineTuning(Double training, double input, Double cachedInput, double output, String note) {}
}
