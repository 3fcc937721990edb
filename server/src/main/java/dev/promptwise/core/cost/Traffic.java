package dev.promptwise.core.cost;

/**
 * The traffic a workload sees, from the strategy file's {@code traffic} section or the settings.
 *
 * @param requestsPerDay requests sent per day; 0 is a valid figure (nothing is spent)
 * @param avgInputTokens average tokens that the template variables add to each request
 * @param avgOutputTokens average tokens of each answer
 */
public record Traffic(double requestsPerDay, int avgInputTokens, int avgOutputTokens) {

    /** Returns whether every figure is finite and not negative, so that prices computed from it are numbers. */
    public boolean isUsable() {
        return Double.isFinite(requestsPerDay) && requestsPerDay >= 0 && avgInputTokens >= 0 && avgOutputTokens >= 0;
    }
}
