package dev.promptwise.core.rules.strategy;

import dev.promptwise.core.vocabulary.Finding;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The registry of strategy rules, in the order a reader meets them, and the loop that runs them in isolation. */
public final class StrategyRules {

    /** Every strategy rule. */
    public static final List<StrategyRule> ALL = List.of(
            new StrategySchemaRule(),
            new StrategyUnknownModelRule(),
            new MissingPromptRule(),
            new ApproachMismatchRule(),
            new InsufficientTrainingDataRule(),
            new VolatileRequirementsRule(),
            new WorkloadCostAtScaleRule(),
            new FineTuningPaysOffRule());

    private static final System.Logger LOG = System.getLogger(StrategyRules.class.getName());

    private StrategyRules() {}

    /**
     * Returns the findings of every rule, in text order. A rule that throws is logged with its id and skipped; the
     * others still run.
     */
    public static List<Finding> check(StrategyContext ctx) {
        List<Finding> findings = new ArrayList<>();
        for (StrategyRule rule : ALL) {
            try {
                findings.addAll(rule.check(ctx));
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "Rule " + rule.id() + " failed and was skipped", e);
            }
        }
        findings.sort(Comparator.comparingInt((Finding f) -> f.range().start()).thenComparing(Finding::ruleId));
        return findings;
    }
}
