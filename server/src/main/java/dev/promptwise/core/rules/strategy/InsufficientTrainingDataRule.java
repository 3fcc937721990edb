package dev.promptwise.core.rules.strategy;

import dev.promptwise.core.advice.DecisionEngine;
import dev.promptwise.core.config.Severity;
import dev.promptwise.core.rules.FindingSink;
import dev.promptwise.core.rules.Rule;
import dev.promptwise.core.strategy.Approach;
import dev.promptwise.core.strategy.HybridPattern;
import dev.promptwise.core.strategy.Located;
import dev.promptwise.core.strategy.Workload;
import java.util.List;

/**
 * {@code insufficient-training-data}: a workload that fine-tunes (or is a hybrid) has too few labelled examples:
 * an error below {@value #MINIMUM_EXAMPLES}, a warning below {@link DecisionEngine#TOO_FEW_EXAMPLES}. A severity set
 * in settings applies to both. A hybrid whose {@code fineTuning.pattern} is {@code iterative-refinement} is not
 * flagged: prompting first and collecting the data is the advice itself, and the decision engine's for too few
 * examples.
 */
public final class InsufficientTrainingDataRule implements Rule<StrategyContext> {

    public static final String ID = "insufficient-training-data";

    /** Fewer labelled examples than this cannot train a model at all (OpenAI refuses fewer than 10). */
    public static final int MINIMUM_EXAMPLES = 10;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.ERROR;
    }

    @Override
    public void check(StrategyContext ctx, FindingSink sink) {
        for (Workload workload : ctx.strategy().workloads().values()) {
            Approach declared = workload.declaredApproach();
            Integer examples = Located.valueOf(workload.data().labeledExamples());
            // An iterative-refinement hybrid is the plan this rule recommends: prompt first, build the dataset from
            // the outputs, then train. Its small dataset today is not a mistake.
            boolean collectsFirst = declared == Approach.HYBRID
                    && Located.valueOf(workload.fineTuning().pattern()) == HybridPattern.ITERATIVE_REFINEMENT;
            if (declared == null || !declared.trainsAModel() || examples == null || collectsFirst
                    || examples >= DecisionEngine.TOO_FEW_EXAMPLES) {
                continue;
            }
            boolean tooFewToTrain = examples < MINIMUM_EXAMPLES;
            String message = examples + (examples == 1 ? " labelled example" : " labelled examples") + " for "
                    + declared.id() + " of '" + workload.name() + "': "
                    + (tooFewToTrain ? "training needs at least " + MINIMUM_EXAMPLES + ", and "
                            + DecisionEngine.TOO_FEW_EXAMPLES + " to expect a gain over few-shot prompting."
                            : "at least " + DecisionEngine.TOO_FEW_EXAMPLES + " are needed to expect a gain over"
                                    + " few-shot prompting.")
                    + " Collect more, or prompt first and build the dataset from the outputs (iterative-refinement).";
            sink.report(tooFewToTrain ? Severity.ERROR : Severity.WARNING,
                    workload.data().labeledExamples().valueRange(), message, List.of());
        }
    }
}
