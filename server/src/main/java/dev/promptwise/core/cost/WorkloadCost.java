package dev.promptwise.core.cost;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Every cost figure of one workload, as {@link CostModel#price} computes it. A figure that cannot be known is
 * empty, never zero or NaN, and {@link #notes()} says why.
 *
 * @param now the prompt as written, with the caching its current layout allows; empty without usable traffic
 * @param cached the prompt with its variables moved after the static text, so that the whole static prefix can be
 *     cached; equal to {@code now} when the variables already come last; empty without usable traffic
 * @param reorderingSaving {@code now} minus {@code cached} per month: the saving of the {@code cacheable-prefix}
 *     rule; empty without usable traffic
 * @param fineTuned a fine-tuned base model with the prompt minus its examples (and minus its format instructions
 *     when the output format is strict); empty when no plan is given or the base model has no fine-tuning prices
 * @param hybrid the same fine-tuned model sent only what varies per request (see {@code docs/cost-model.md});
 *     empty under the same conditions as {@code fineTuned}
 * @param notes why figures are empty, in sentences a message can quote
 * @param missingInputs the strategy keys that a figure here depends on and that were not declared, in the order
 *     {@code traffic.requestsPerDay}, {@code traffic.avgInputTokens}, {@code traffic.avgOutputTokens},
 *     {@code data.labeledExamples}: a missing count priced as 0 makes its figures lower bounds, one replaced by the
 *     prompt's own figures makes them estimates
 */
public record WorkloadCost(
        Optional<CostFigures> now,
        Optional<CostFigures> cached,
        OptionalDouble reorderingSaving,
        Optional<FineTunedCost> fineTuned,
        Optional<FineTunedCost> hybrid,
        List<String> notes,
        List<String> missingInputs) {

    public WorkloadCost {
        notes = List.copyOf(notes);
        missingInputs = missingInputs == null ? List.of() : List.copyOf(missingInputs);
    }

    /** Creates figures whose every input was declared, or whose missing inputs are only explained in the notes. */
    public WorkloadCost(Optional<CostFigures> now, Optional<CostFigures> cached, OptionalDouble reorderingSaving,
            Optional<FineTunedCost> fineTuned, Optional<FineTunedCost> hybrid, List<String> notes) {
        this(now, cached, reorderingSaving, fineTuned, hybrid, notes, List.of());
    }
}
