package dev.promptwise.core.rules.strategy;

import dev.promptwise.core.config.Severity;
import dev.promptwise.core.cost.CostFigures;
import dev.promptwise.core.cost.CostMessages;
import dev.promptwise.core.cost.WorkloadCost;
import dev.promptwise.core.rules.FindingSink;
import dev.promptwise.core.strategy.Located;
import dev.promptwise.core.strategy.Workload;
import java.util.List;
import java.util.Optional;

/**
 * {@code cost-at-scale} on a workload: its monthly cost at its traffic exceeds its budget (the workload's
 * {@code budget.maxMonthlyCost}, else the defaults'). The prompt file that the workload references gets the same
 * finding from the prompt rule of the same id, so its author sees it while typing.
 */
public final class WorkloadCostAtScaleRule extends WorkloadRule {

    public static final String ID = "cost-at-scale";

    public WorkloadCostAtScaleRule() {
        super(ID, Severity.WARNING);
    }

    @Override
    void check(StrategyContext ctx, Workload workload, FindingSink sink) {
        Double budget = Located.valueOf(workload.budget().maxMonthlyCost());
        if (budget == null) {
            budget = Located.valueOf(ctx.strategy().defaults().budget().maxMonthlyCost());
        }
        WorkloadCost cost = ctx.costFigures(workload);
        Optional<CostFigures> now = cost == null ? Optional.empty() : cost.now();
        if (budget == null || now.isEmpty()) {
            return;
        }
        if (now.get().costPerMonth() > budget) {
            sink.report(workload.nameRange(), CostMessages.costAtScale(now.get(), budget));
        } else if (now.get().isLowerBound()) {
            // Under the budget only because a traffic figure was priced as 0: say so rather than stay silent.
            sink.report(Severity.INFORMATION, workload.nameRange(), CostMessages.costAtScaleUnknown(now.get(), budget), List.of());
        }
    }
}
