package dev.promptwise.core.strategy;

import dev.promptwise.core.text.TextRange;

/**
 * A model the strategy file adds to the price catalog or overrides in it ({@code models:}). Prices are USD per
 * 1 million tokens; facts are {@code null} when absent.
 *
 * @param id the model id, the key under {@code models}
 * @param idRange the range of that key
 */
public record ModelEntry(
        String id,
        TextRange idRange,
        Located<String> provider,
        Located<Double> input,
        Located<Double> cachedInput,
        Located<Double> cacheWrite,
        Located<Double> output,
        Located<Double> contextWindow,
        Located<Double> maxOutput,
        Located<String> encoding,
        FineTuningPrices fineTuning,
        Located<String> tokenizer) {

    /** The prices of fine-tuning this model and of using the fine-tuned model. */
    public record FineTuningPrices(
            TextRange keyRange, Located<Double> training, Located<Double> input, Located<Double> cachedInput,
            Located<Double> output) {
        public static final FineTuningPrices ABSENT = new FineTuningPrices(null, null, null, null, null);
    }
}
