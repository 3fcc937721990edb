package dev.promptwise.core.rules.strategy;

import dev.promptwise.core.actions.ApproachFix;
import dev.promptwise.core.advice.DecisionEngine;
import dev.promptwise.core.advice.Recommendation;
import dev.promptwise.core.config.Severity;
import dev.promptwise.core.rules.FindingSink;
import dev.promptwise.core.strategy.Approach;
import dev.promptwise.core.strategy.Workload;
import dev.promptwise.core.vocabulary.Fix;
import java.util.List;

/**
 * {@code approach-mismatch}: a workload declares an approach other than the one the decision engine recommends for
 * its facts. The message names the deciding factors with their reasons; the fix sets the recommended approach.
 * Advice too unsure to act on (below {@link #MIN_CONFIDENCE}) is not reported.
 */
public final class ApproachMismatchRule extends WorkloadRule {

    public static final String ID = "approach-mismatch";

    public ApproachMismatchRule() {
        super(ID, Severity.WARNING);
    }

    /** The confidence below which a recommendation is too thin to contradict what the user declared. */
    public static final double MIN_CONFIDENCE = 0.2;

    @Override
    void check(StrategyContext ctx, Workload workload, FindingSink sink) {
        Approach declared = workload.declaredApproach();
        if (declared == null) {
            return;
        }
        Recommendation recommendation = DecisionEngine.recommend(workload, ctx.costOf(workload));
        if (recommendation.approach() == declared || recommendation.confidence() < MIN_CONFIDENCE) {
            return;
        }
        String message = "'" + workload.name() + "' declares " + declared.id() + ", but the facts recommend "
                + recommendation.label() + " (confidence " + recommendation.confidencePercent() + "). "
                + recommendation.decidingReasons();
        Fix fix = ApproachFix.setApproach(ctx.strategy(), workload, recommendation, ctx.catalog(),
                ctx.settings().defaultModel());
        sink.report(workload.approach().valueRange(), message, List.of(fix));
    }
}
