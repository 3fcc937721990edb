package dev.promptwise.core.cost;

import dev.promptwise.core.catalog.ModelInfo;
import java.util.List;

/**
 * What fine-tuning a workload would involve: the model to train, the data, and how often the requirements change.
 *
 * @param baseModel the model to fine-tune; its {@link ModelInfo#fineTuning()} gives the prices
 * @param labeledExamples labelled examples in the training set (the strategy file's {@code data.labeledExamples})
 * @param avgExampleTokens average content tokens of one training example, input and answer together: the strategy
 *     file's {@code data.avgExampleTokens}, else the traffic's average input plus output, else the prompt's own
 *     few-shot examples' average ({@link #exampleSize()} says which)
 * @param epochs epochs asked for, or {@code null} for the provider's default (3, adjusted to the dataset's size)
 * @param changeFrequency {@code daily}, {@code weekly}, {@code monthly}, {@code quarterly}, {@code yearly}, or
 *     {@code null} when unknown (then no retraining is counted)
 * @param strictOutputFormat whether downstream systems parse the output, so that the fine-tuned model learns the
 *     format and the prompt can drop its format instructions
 * @param exampleSize where {@code avgExampleTokens} comes from
 * @param missingInputs the strategy keys this plan's figures depend on that were not declared and were replaced by
 *     the prompt's own figures ({@code data.labeledExamples}: the prompt's few-shot examples counted instead)
 */
public record FineTuningPlan(
        ModelInfo baseModel,
        int labeledExamples,
        double avgExampleTokens,
        Integer epochs,
        String changeFrequency,
        boolean strictOutputFormat,
        ExampleSize exampleSize,
        List<String> missingInputs) {

    /** Where the size of one training example comes from, best first. */
    public enum ExampleSize {
        /** The strategy file's {@code data.avgExampleTokens}, or a figure the caller measured. */
        DECLARED,
        /** The traffic's {@code avgInputTokens + avgOutputTokens}: a training example is a request and its answer. */
        TRAFFIC,
        /** The prompt's own few-shot examples' average: a fallback the notes name. */
        PROMPT_EXAMPLES,
        /** Nothing sizes the examples: each training line holds the prompt and the variable input only. */
        UNKNOWN
    }

    /** The size of one training example and where it comes from. */
    public record ExampleTokens(double tokens, ExampleSize source) {}

    /**
     * Chooses the size of one training example from the facts at hand, best first: {@code declared}
     * ({@code data.avgExampleTokens}); else, when the answer's size is declared, {@code avgInput + avgOutput} (a
     * training example is a request's variable input and its answer); else the prompt's own few-shot examples'
     * average when it has any; else the variable input alone, so that the training cost is a lower bound.
     *
     * @param avgInput the traffic's average variable input, or {@code null} when not declared
     * @param avgOutput the traffic's average output, or {@code null} when not declared
     */
    public static ExampleTokens exampleTokens(Double declared, Integer avgInput, Integer avgOutput,
            int promptExampleCount, double promptExampleAverage) {
        if (declared != null && Double.isFinite(declared) && declared >= 0) {
            return new ExampleTokens(declared, ExampleSize.DECLARED);
        }
        int input = avgInput == null ? 0 : Math.max(0, avgInput);
        if (avgOutput != null) {
            return new ExampleTokens(input + Math.max(0, avgOutput), ExampleSize.TRAFFIC);
        }
        if (promptExampleCount > 0) {
            return new ExampleTokens(promptExampleAverage, ExampleSize.PROMPT_EXAMPLES);
        }
        return new ExampleTokens(input, ExampleSize.UNKNOWN);
    }

    /** The key of the labelled examples, as the strategy file writes it. */
    public static final String LABELED_EXAMPLES_KEY = "data.labeledExamples";

    public FineTuningPlan {
        exampleSize = exampleSize == null ? ExampleSize.DECLARED : exampleSize;
        missingInputs = missingInputs == null ? List.of() : List.copyOf(missingInputs);
    }

    /** Creates a plan whose every figure was declared. */
    public FineTuningPlan(ModelInfo baseModel, int labeledExamples, double avgExampleTokens, Integer epochs,
            String changeFrequency, boolean strictOutputFormat) {
        this(baseModel, labeledExamples, avgExampleTokens, epochs, changeFrequency, strictOutputFormat,
                ExampleSize.DECLARED, List.of());
    }
}
