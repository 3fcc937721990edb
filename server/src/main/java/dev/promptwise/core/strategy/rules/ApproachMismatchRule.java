package dev.promptwise.core.strategy.rules;

import dev.promptwise.core.advice.DecisionEngine;
import dev.promptwise.core.advice.Recommendation;
import dev.promptwise.core.analysis.Finding;
import dev.promptwise.core.analysis.Fix;
import dev.promptwise.core.config.Severity;
import dev.promptwise.core.strategy.Approach;
import dev.promptwise.core.strategy.Workload;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code approach-mismatch}: a workload declares an approach other than the one the decision engine recommends for
 * its facts. The message names the deciding factors with their reasons; the fix sets the recommended approach.
 * Advice too unsure to act on (below {@link #MIN_CONFIDENCE}) is not reported.
 */
public final class ApproachMismatchRule implements StrategyRule {

    public static final String ID = "approach-mismatch";

    /** The confidence below which a recommendation is too thin to contradict what the user declared. */
    public static final double MIN_CONFIDENCE = 0.2;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.WARNING;
    }

    @Override
    public List<Finding> check(StrategyContext ctx) {
        Severity severity = ctx.severity(this);
        if (severity == Severity.OFF) {
            return List.of();
        }
        List<Finding> findings = new ArrayList<>();
        for (Workload workload : ctx.strategy().workloads().values()) {
            Approach declared = workload.declaredApproach();
            if (declared == null) {
                continue;
            }
            Recommendation recommendation = DecisionEngine.recommend(workload, ctx.costOf(workload));
            if (recommendation.approach() == declared || recommendation.confidence() < MIN_CONFIDENCE) {
                continue;
            }
            String message = "'" + workload.name() + "' declares " + declared.id() + ", but the facts recommend "
                    + recommendation.label() + " (confidence " + recommendation.confidencePercent() + "). "
                    + recommendation.decidingReasons();
            Fix fix = ApproachFix.setApproach(ctx.strategy(), workload, recommendation);
            findings.add(new Finding(ID, severity, workload.approach().valueRange(), message, List.of(fix)));
        }
        return findings;
    }
}
