package dev.promptwise.core.rules.prompt;

import dev.promptwise.core.config.Severity;
import dev.promptwise.core.cost.CostFigures;
import dev.promptwise.core.cost.CostMessages;
import dev.promptwise.core.cost.WorkloadCost;
import dev.promptwise.core.rules.FindingSink;
import dev.promptwise.core.rules.Rule;
import dev.promptwise.core.semantics.AnalyzedPrompt;
import java.util.List;
import java.util.Optional;

/**
 * {@code cost-at-scale} on a prompt: at its workload's traffic (or the settings' default traffic), the prompt costs
 * more a month than its budget allows. The strategy file's workload gets the same finding.
 */
public final class PromptCostAtScaleRule implements Rule<PromptContext> {

    @Override
    public String id() {
        return "cost-at-scale";
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.WARNING;
    }

    /** Runs once per binding workload: its findings rest on its monthly budget, model and traffic. */
    @Override
    public boolean dependsOnWorkload() {
        return true;
    }

    @Override
    public void check(PromptContext ctx, FindingSink sink) {
        AnalyzedPrompt prompt = ctx.prompt();
        Double budget = prompt.maxMonthlyCost();
        Optional<CostFigures> now = prompt.cost().flatMap(WorkloadCost::now);
        if (budget == null || now.isEmpty()) {
            return;
        }
        if (now.get().costPerMonth() > budget) {
            sink.report(RuleText.firstLine(ctx.text()), CostMessages.costAtScale(now.get(), budget));
        } else if (now.get().isLowerBound()) {
            // Under the budget only because a traffic figure was priced as 0: say so rather than stay silent.
            sink.report(Severity.INFORMATION, RuleText.firstLine(ctx.text()), CostMessages.costAtScaleUnknown(now.get(), budget), List.of());
        }
    }
}
