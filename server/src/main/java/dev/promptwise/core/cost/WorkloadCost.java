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
 */
public record WorkloadCost(
        Optional<CostFigures> now,
        Optional<CostFigures> cached,
        OptionalDouble reorderingSaving,
        Optional<FineTunedCost> fineTuned,
        Optional<FineTunedCost> hybrid,
        List<String> notes) {

    public WorkloadCost {
        notes = List.copyOf(notes);
    }
}
