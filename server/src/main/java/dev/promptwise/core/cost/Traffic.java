package dev.promptwise.core.cost;

import java.util.List;

/**
 * The traffic a workload sees, from the strategy file's {@code traffic} section or the settings.
 *
 * @param requestsPerDay requests sent per day; 0 is a valid figure (nothing is spent)
 * @param avgInputTokens average tokens that the template variables add to each request
 * @param avgOutputTokens average tokens of each answer
 * @param avgReasoningTokens average hidden reasoning tokens of each answer, billed as output by a reasoning model
 *     (o-series, gpt-5); 0 when not declared
 * @param missingInputs the strategy keys behind a figure above that was not declared and was priced as 0
 *     ({@code traffic.avgOutputTokens}, {@code traffic.avgInputTokens}: every cost built on this traffic is then a
 *     lower bound; {@code traffic.avgReasoningTokens} on a reasoning model: its hidden reasoning is not counted), and
 *     the inputs the prompt sends that could not be priced ({@link #isUnpricedInput}: also lower bounds)
 */
public record Traffic(double requestsPerDay, int avgInputTokens, int avgOutputTokens, int avgReasoningTokens,
        List<String> missingInputs) {

    /** The key of the average hidden reasoning tokens, as the strategy file writes it. */
    public static final String AVG_REASONING_KEY = "traffic.avgReasoningTokens";

    /** The key of the average output tokens, as the strategy file writes it. */
    public static final String AVG_OUTPUT_KEY = "traffic.avgOutputTokens";

    /** The key of the average variable input tokens, as the strategy file writes it. */
    public static final String AVG_INPUT_KEY = "traffic.avgInputTokens";

    public Traffic {
        missingInputs = missingInputs == null ? List.of() : List.copyOf(missingInputs);
    }

    /** Creates traffic whose every figure was declared, without reasoning tokens. */
    public Traffic(double requestsPerDay, int avgInputTokens, int avgOutputTokens) {
        this(requestsPerDay, avgInputTokens, avgOutputTokens, 0, List.of());
    }

    /** Returns the same traffic at another volume, with the same token averages and missing inputs. */
    public Traffic atVolume(double otherRequestsPerDay) {
        return new Traffic(otherRequestsPerDay, avgInputTokens, avgOutputTokens, avgReasoningTokens, missingInputs);
    }

    /** Returns whether every figure is finite and not negative, so that prices computed from it are numbers. */
    public boolean isUsable() {
        return Double.isFinite(requestsPerDay) && requestsPerDay >= 0 && avgInputTokens >= 0 && avgOutputTokens >= 0
                && avgReasoningTokens >= 0;
    }

    /** Returns whether a count priced as 0 was not declared, so that costs built on this traffic are lower bounds. */
    public boolean isLowerBound() {
        return isLowerBound(missingInputs);
    }

    /**
     * Returns whether {@code missingInputs} names the input or output average, or an input sent with every request
     * that could not be priced ({@link #isUnpricedInput}): each is priced as 0 when missing.
     */
    static boolean isLowerBound(List<String> missingInputs) {
        return missingInputs.contains(AVG_INPUT_KEY) || missingInputs.contains(AVG_OUTPUT_KEY)
                || missingInputs.stream().anyMatch(Traffic::isUnpricedInput);
    }

    /**
     * Returns whether a missing input is a file, tool or image the prompt sends that could not be priced
     * ({@code image:…}, {@code tools:…}, {@code file:…}) rather than a strategy key.
     */
    public static boolean isUnpricedInput(String missingInput) {
        return missingInput.startsWith("image:") || missingInput.startsWith("tools:")
                || missingInput.startsWith("file:");
    }
}
