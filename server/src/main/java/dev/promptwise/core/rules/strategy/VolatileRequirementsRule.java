package dev.promptwise.core.rules.strategy;

import dev.promptwise.core.actions.ApproachFix;
import dev.promptwise.core.advice.DecisionEngine;
import dev.promptwise.core.advice.Recommendation;
import dev.promptwise.core.config.Severity;
import dev.promptwise.core.rules.FindingSink;
import dev.promptwise.core.strategy.Approach;
import dev.promptwise.core.strategy.ChangeFrequency;
import dev.promptwise.core.strategy.HybridPattern;
import dev.promptwise.core.strategy.Located;
import dev.promptwise.core.strategy.Workload;
import dev.promptwise.core.vocabulary.Fix;
import dev.promptwise.core.vocabulary.TextEdit;
import java.util.List;

/**
 * {@code volatile-requirements}: fine-tuning is planned for requirements that change every two weeks or more often,
 * so that each change means retraining. A hybrid (foundation-plus-specialization) keeps the changing rules in the
 * prompt, so only {@code approach: fine-tuning} is flagged. The advice is the decision engine's recommendation:
 * foundation-plus-specialization when training is otherwise worth it, else what the engine recommends (prompting,
 * or iterative-refinement when there are too few examples to train on yet).
 */
public final class VolatileRequirementsRule extends WorkloadRule {

    public static final String ID = "volatile-requirements";

    public VolatileRequirementsRule() {
        super(ID, Severity.WARNING);
    }

    @Override
    void check(StrategyContext ctx, Workload workload, FindingSink sink) {
        ChangeFrequency frequency = Located.valueOf(workload.requirements().changeFrequency());
        if (workload.declaredApproach() != Approach.FINE_TUNING || frequency == null || !frequency.isVolatile()) {
            return;
        }
        String perYear = switch (frequency) {
            case HOURLY -> "about 8,760";
            case DAILY -> "about 365";
            case BIWEEKLY -> "about 26";
            default -> "about 52";
        };
        String message = "Requirements change " + frequency.id() + " (" + perYear + " retrainings a year), but '"
                + workload.name() + "' plans fine-tuning: each change means retraining. ";
        // The advice is the decision engine's, so that this rule and approach-mismatch never disagree: with too few
        // examples, the engine prompts first (data blocks training before change rate does).
        Recommendation recommendation = DecisionEngine.recommend(workload, ctx.costOf(workload));
        Fix fix;
        if (recommendation.pattern() == HybridPattern.FOUNDATION_PLUS_SPECIALIZATION) {
            message += "Keep the changing rules in the prompt on top of a fine-tuned core (hybrid,"
                    + " foundation-plus-specialization).";
            fix = new Fix("Set approach to hybrid",
                    List.of(new TextEdit(workload.approach().valueRange(), Approach.HYBRID.id())), false);
        } else {
            message += "Keep the task in the prompt, where a change is an edit: the facts recommend "
                    + recommendation.label() + ".";
            fix = ApproachFix.setApproach(ctx.strategy(), workload, recommendation);
        }
        sink.report(workload.requirements().changeFrequency().valueRange(), message, List.of(fix));
    }
}
