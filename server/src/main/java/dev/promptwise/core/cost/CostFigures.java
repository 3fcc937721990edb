package dev.promptwise.core.cost;

import java.util.List;

/**
 * The cost of one way of sending a prompt (as written, reordered, or to a fine-tuned model) at a workload's
 * traffic, per request and per month, with the token counts it was computed from.
 *
 * @param modelId the model whose prices were used
 * @param inputTokens input tokens of one request: static + chat overhead + variable parts
 * @param staticTokens the static part of {@code inputTokens}: static text and chat overhead
 * @param cachedTokens input tokens of one request read from the prompt cache when it is warm; 0 without caching
 * @param outputTokens output tokens of one request, with the hidden reasoning tokens of a reasoning model
 * @param requestsPerDay the traffic the figures assume
 * @param perRequest the average request: cold and warm requests averaged, or a cold request when there is no
 *     traffic to keep the cache warm
 * @param perMonth 30 days of requests
 * @param estimated whether the token counts come from another model's tokenizer, so that every figure is an
 *     estimate and is written with {@code ≈}
 * @param missingInputs the strategy keys of traffic figures that were not declared and were priced as 0
 *     ({@link Traffic#missingInputs()}); when there are any, every figure here is a lower bound
 */
public record CostFigures(
        String modelId,
        int inputTokens,
        int staticTokens,
        int cachedTokens,
        int outputTokens,
        double requestsPerDay,
        CostBreakdown perRequest,
        CostBreakdown perMonth,
        boolean estimated,
        List<String> missingInputs) {

    public CostFigures {
        missingInputs = missingInputs == null ? List.of() : List.copyOf(missingInputs);
    }

    /** Figures counted with the model's own tokenizer, on traffic whose every figure was declared. */
    public CostFigures(String modelId, int inputTokens, int staticTokens, int cachedTokens, int outputTokens,
            double requestsPerDay, CostBreakdown perRequest, CostBreakdown perMonth) {
        this(modelId, inputTokens, staticTokens, cachedTokens, outputTokens, requestsPerDay, perRequest, perMonth,
                false, List.of());
    }

    /** Figures on traffic whose every figure was declared. */
    public CostFigures(String modelId, int inputTokens, int staticTokens, int cachedTokens, int outputTokens,
            double requestsPerDay, CostBreakdown perRequest, CostBreakdown perMonth, boolean estimated) {
        this(modelId, inputTokens, staticTokens, cachedTokens, outputTokens, requestsPerDay, perRequest, perMonth,
                estimated, List.of());
    }

    /** Figures counted with the model's own tokenizer. */
    public CostFigures(String modelId, int inputTokens, int staticTokens, int cachedTokens, int outputTokens,
            double requestsPerDay, CostBreakdown perRequest, CostBreakdown perMonth, List<String> missingInputs) {
        this(modelId, inputTokens, staticTokens, cachedTokens, outputTokens, requestsPerDay, perRequest, perMonth,
                false, missingInputs);
    }

    /** Returns whether a traffic figure was not declared, so that the real cost is at least these figures. */
    public boolean isLowerBound() {
        return Traffic.isLowerBound(missingInputs);
    }

    /** Returns whether the model reasons in hidden tokens, billed as output, that the traffic does not declare. */
    public boolean reasoningNotCounted() {
        return missingInputs.contains(Traffic.AVG_REASONING_KEY);
    }

    /** Returns the average cost of one request in USD. */
    public double costPerRequest() {
        return perRequest.total();
    }

    /** Returns the tokens that the template variables add to each request. */
    public int variableTokens() {
        return inputTokens - staticTokens;
    }

    /** Returns the cost of 30 days in USD. */
    public double costPerMonth() {
        return perMonth.total();
    }
}
