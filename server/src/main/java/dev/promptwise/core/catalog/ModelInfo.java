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
 * @param contextWindow the most input tokens the model takes, or 0 when the source does not say
 * @param maxOutput the most output tokens the model gives, or 0 when the source does not say
 * @param encoding the tokenizer encoding ({@code o200k_base}, {@code cl100k_base})
 * @param exactTokens whether {@code encoding} is the model's own tokenizer; false for other providers, whose
 *     counts are estimates
 * @param fineTuning how the model can be fine-tuned through its provider's API and at what prices, or {@code null}
 *     when it cannot be (or the catalog knows no price for it): {@link PriceCatalog#provider} says why
 * @param aliases other ids that name this model (dated ids, {@code openai/…}, display names)
 * @param source where the figures come from
 * @param asOf the date of the figures, {@code YYYY-MM-DD}, or only {@code YYYY} when the source gives no finer date
 * @param aboveThreshold the prices of a request whose prompt is longer than a threshold (Gemini 2.5 Pro above
 *     200k tokens), or {@code null} when one price holds at every length
 * @param note anything a user must know about the figures, or {@code null}
 * @param cacheMinTokens the smallest prefix the provider caches for this model (LiteLLM's
 *     {@code prompt_cache_min_tokens}), or {@code null} when the catalog does not say: then the provider's default
 *     rule applies ({@code PromptCaching})
 * @param reasoning whether the model thinks in hidden reasoning tokens that are billed as output (LiteLLM's
 *     {@code supports_reasoning}: the o-series, gpt-5, Claude 4 and later, Gemini 2.5)
 * @param deprecationDate the day the provider retires or deprecates the model ({@code YYYY-MM-DD}, LiteLLM's
 *     {@code deprecation_date}), or {@code null} when none is announced
 * @param successor the model the provider recommends in its place, or {@code null} when the catalog knows none
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
        String asOf,
        PriceTier aboveThreshold,
        String note,
        Integer cacheMinTokens,
        boolean reasoning,
        String deprecationDate,
        String successor) {

    public ModelInfo {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
    }

    /** The constructor before the catalog gave deprecation dates and successors: neither is known. */
    public ModelInfo(
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
            String asOf,
            PriceTier aboveThreshold,
            String note,
            Integer cacheMinTokens,
            boolean reasoning) {
        this(id, provider, input, cachedInput, cacheWrite, output, contextWindow, maxOutput, encoding, exactTokens,
                fineTuning, aliases, source, asOf, aboveThreshold, note, cacheMinTokens, reasoning, null, null);
    }

    /**
     * Returns whether the model is past its {@code deprecationDate} on {@code today} (ISO {@code YYYY-MM-DD}); false
     * when the catalog gives no date or {@code today} is {@code null}.
     */
    public boolean deprecatedOn(java.time.LocalDate today) {
        if (deprecationDate == null || today == null) {
            return false;
        }
        try {
            return !today.isBefore(java.time.LocalDate.parse(deprecationDate));
        } catch (java.time.format.DateTimeParseException e) {
            return false;
        }
    }

    /** The constructor before the catalog gave cache minimums and reasoning: neither is known. */
    public ModelInfo(
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
            String asOf,
            PriceTier aboveThreshold,
            String note) {
        this(id, provider, input, cachedInput, cacheWrite, output, contextWindow, maxOutput, encoding, exactTokens,
                fineTuning, aliases, source, asOf, aboveThreshold, note, null, false);
    }

    /** The constructor of the first catalog sketch, for models with one price at every length and no note. */
    public ModelInfo(
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
        this(id, provider, input, cachedInput, cacheWrite, output, contextWindow, maxOutput, encoding, exactTokens,
                fineTuning, aliases, source, asOf, null, null);
    }

    /**
     * Returns whether the catalog marks this model's training price unconfirmed: its fine-tuning note, its note or
     * its source says "unconfirmed". Every figure built on that price is flagged where it appears.
     */
    public boolean trainingPriceUnconfirmed() {
        return (fineTuning != null && saysUnconfirmed(fineTuning.note())) || saysUnconfirmed(note)
                || saysUnconfirmed(source);
    }

    private static boolean saysUnconfirmed(String text) {
        return text != null && text.toLowerCase(java.util.Locale.ROOT).contains("unconfirmed");
    }

    /** Returns the input price of a request with {@code promptTokens} prompt tokens, taking any threshold into account. */
    public double inputPriceFor(int promptTokens) {
        return isAboveThreshold(promptTokens) ? aboveThreshold.input() : input;
    }

    /**
     * Returns the cached input price of a request with {@code promptTokens} prompt tokens, or {@code null} when the
     * model has no cached price. Above a threshold whose cached price is unknown, the base cached price is returned.
     */
    public Double cachedInputPriceFor(int promptTokens) {
        if (isAboveThreshold(promptTokens) && aboveThreshold.cachedInput() != null) {
            return aboveThreshold.cachedInput();
        }
        return cachedInput;
    }

    /** Returns the output price of a request with {@code promptTokens} prompt tokens, taking any threshold into account. */
    public double outputPriceFor(int promptTokens) {
        return isAboveThreshold(promptTokens) ? aboveThreshold.output() : output;
    }

    private boolean isAboveThreshold(int promptTokens) {
        return aboveThreshold != null && promptTokens > aboveThreshold.thresholdTokens();
    }

    /**
     * Prices that apply when a request's prompt is longer than {@code thresholdTokens}.
     *
     * @param thresholdTokens the prompt length above which these prices apply
     * @param input price of an input token
     * @param cachedInput price of a cached input token, or {@code null} when the source gives none
     * @param output price of an output token
     */
    public record PriceTier(int thresholdTokens, double input, Double cachedInput, double output) {}

    /** Returns whether the model can be fine-tuned through its provider's API, as far as the catalog knows. */
    public boolean fineTunable() {
        return fineTuning != null;
    }

    /**
     * How a model can be fine-tuned through its provider's API, and what that costs.
     *
     * @param training price of a training token, or {@code null} when priced otherwise (by time)
     * @param input price of an input token to the fine-tuned model
     * @param cachedInput price of a cached input token to the fine-tuned model
     * @param output price of an output token from the fine-tuned model
     * @param note anything a user must know ("unconfirmed", "priced per hour"), or {@code null}
     * @param trainingPerHour price of an hour of training when training is priced by time, or {@code null}
     * @param baseModel the snapshot that is fine-tuned ({@code gpt-4o-mini-2024-07-18}), or {@code null}
     * @param methods the provider's fine-tuning methods for this model, among {@link #SUPERVISED},
     *     {@link #PREFERENCE} and {@link #REINFORCEMENT}; empty when the catalog entry does not say
     * @param source where the fine-tuning facts come from, or {@code null} when the entry does not say (then the
     *     model's own source)
     * @param asOf the date of those facts, {@code YYYY-MM-DD}, or {@code null}
     */
    public record FineTuning(
            Double training,
            double input,
            Double cachedInput,
            double output,
            String note,
            Double trainingPerHour,
            String baseModel,
            List<String> methods,
            String source,
            String asOf) {

        /** Supervised fine-tuning: the model is trained on example inputs and the answers wanted. */
        public static final String SUPERVISED = "supervised";
        /** Preference fine-tuning (OpenAI's direct preference optimisation): pairs of a better and a worse answer. */
        public static final String PREFERENCE = "preference";
        /** Reinforcement fine-tuning: a grader scores the model's answers. */
        public static final String REINFORCEMENT = "reinforcement";

        public FineTuning {
            methods = methods == null ? List.of() : List.copyOf(methods);
        }

        /** The constructor of the first catalog sketch, for training priced per token. */
        public FineTuning(Double training, double input, Double cachedInput, double output, String note) {
            this(training, input, cachedInput, output, note, null, null);
        }

        /** The constructor before methods, source and date were recorded. */
        public FineTuning(Double training, double input, Double cachedInput, double output, String note,
                Double trainingPerHour, String baseModel) {
            this(training, input, cachedInput, output, note, trainingPerHour, baseModel, List.of(), null, null);
        }

        /** Returns whether the provider offers {@code method} ({@link #SUPERVISED}…) for this model. */
        public boolean supports(String method) {
            return methods.contains(method);
        }
    }
}
