package dev.promptwise.core.rules.strategy;

import dev.promptwise.core.advice.DecisionEngine;
import dev.promptwise.core.config.Severity;
import dev.promptwise.core.cost.CostMessages;
import dev.promptwise.core.cost.FineTunedCost;
import dev.promptwise.core.cost.WorkloadCost;
import dev.promptwise.core.rules.FindingSink;
import dev.promptwise.core.strategy.Approach;
import dev.promptwise.core.strategy.Workload;

/**
 * {@code fine-tuning-pays-off}: a workload that does not fine-tune yet would pay back the training of a fine-tuned
 * model within {@link DecisionEngine#QUICK_BREAK_EVEN_DAYS} days from the shorter prompt's saving alone, retraining
 * included; the message gives the break-even and the monthly saving, split into the shorter prompt's part and the
 * part from moving to another base model.
 */
public final class FineTuningPaysOffRule extends WorkloadRule {

    public static final String ID = "fine-tuning-pays-off";

    public FineTuningPaysOffRule() {
        super(ID, Severity.INFORMATION);
    }

    @Override
    void check(StrategyContext ctx, Workload workload, FindingSink sink) {
        Approach declared = workload.declaredApproach();
        WorkloadCost cost = ctx.costFigures(workload);
        if (declared == Approach.FINE_TUNING || declared == Approach.HYBRID || cost == null
                || cost.fineTuned().isEmpty()) {
            return;
        }
        FineTunedCost fineTuned = cost.fineTuned().get();
        // The shorter prompt's saving must pay the training back on its own: a saving that comes only from moving
        // to a cheaper base model is a model switch, which needs no training.
        boolean paysOff = fineTuned.promptBreakEvenDays().isPresent()
                && fineTuned.promptBreakEvenDays().getAsDouble() <= DecisionEngine.QUICK_BREAK_EVEN_DAYS
                && fineTuned.monthlySaving().isPresent() && fineTuned.monthlySaving().getAsDouble() > 0;
        if (paysOff) {
            sink.report(workload.nameRange(), CostMessages.fineTuningPaysOff(fineTuned));
        }
    }
}
