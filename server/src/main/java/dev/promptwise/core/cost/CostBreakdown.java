package dev.promptwise.core.cost;

/**
 * Where the money of a request (or of a month of requests) goes: the static prompt, the variable parts, the
 * answer, less what the prompt cache saves. Amounts are USD.
 *
 * @param staticInput the static prompt and the chat overhead at the full input price
 * @param variableInput the template variables' tokens at the full input price
 * @param output the answer's tokens at the output price
 * @param cacheSaving what the prompt cache takes off {@code staticInput}; negative never, because caching that
 *     would cost more is not assumed
 */
public record CostBreakdown(double staticInput, double variableInput, double output, double cacheSaving) {

    /** The part of a cost that contributes most to it. */
    public enum Contributor {
        STATIC_PROMPT("static prompt"),
        VARIABLE_INPUT("variable input"),
        OUTPUT("output");

        private final String label;

        Contributor(String label) {
            this.label = label;
        }

        /** Returns the words a message uses for this part ({@code static prompt}). */
        public String label() {
            return label;
        }
    }

    /** Returns what is paid: static + variable + output − cache saving. */
    public double total() {
        return staticInput + variableInput + output - cacheSaving;
    }

    /** Returns the static prompt's cost once the cache saving is taken off. */
    public double staticInputAfterCache() {
        return staticInput - cacheSaving;
    }

    /**
     * Returns the part that costs most: the static prompt (after the cache saving), the variable input or the
     * output; the static prompt when they are equal, as it is the part an author can shorten.
     */
    public Contributor largestContributor() {
        double staticAmount = staticInputAfterCache();
        if (output > staticAmount && output >= variableInput) {
            return Contributor.OUTPUT;
        }
        if (variableInput > staticAmount && variableInput > output) {
            return Contributor.VARIABLE_INPUT;
        }
        return Contributor.STATIC_PROMPT;
    }

    /** Returns the amount of {@code contributor} in this breakdown. */
    public double amountOf(Contributor contributor) {
        switch (contributor) {
            case OUTPUT:
                return output;
            case VARIABLE_INPUT:
                return variableInput;
            default:
                return staticInputAfterCache();
        }
    }

    CostBreakdown times(double factor) {
        return new CostBreakdown(staticInput * factor, variableInput * factor, output * factor, cacheSaving * factor);
    }
}
