package dev.promptwise.core.cost;

import dev.promptwise.core.catalog.ModelInfo;
import java.util.List;

/**
 * What fine-tuning a workload would involve: the model to train, the data, and how often the requirements change.
 *
 * @param baseModel the model to fine-tune; its {@link ModelInfo#fineTuning()} gives the prices
 * @param labeledExamples labelled examples in the training set (the strategy file's {@code data.labeledExamples})
 * @param avgExampleTokens average content tokens of one example, input and answer together, measured on the
 *     prompt's own few-shot examples
 * @param epochs epochs asked for, or {@code null} for the provider's default (3, adjusted to the dataset's size)
 * @param changeFrequency {@code daily}, {@code weekly}, {@code monthly}, {@code quarterly}, {@code yearly}, or
 *     {@code null} when unknown (then no retraining is counted)
 * @param strictOutputFormat whether downstream systems parse the output, so that the fine-tuned model learns the
 *     format and the prompt can drop its format instructions
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
        List<String> missingInputs) {

    /** The key of the labelled examples, as the strategy file writes it. */
    public static final String LABELED_EXAMPLES_KEY = "data.labeledExamples";

    public FineTuningPlan {
        missingInputs = missingInputs == null ? List.of() : List.copyOf(missingInputs);
    }

    /** Creates a plan whose every figure was declared. */
    public FineTuningPlan(ModelInfo baseModel, int labeledExamples, double avgExampleTokens, Integer epochs,
            String changeFrequency, boolean strictOutputFormat) {
        this(baseModel, labeledExamples, avgExampleTokens, epochs, changeFrequency, strictOutputFormat, List.of());
    }
}
