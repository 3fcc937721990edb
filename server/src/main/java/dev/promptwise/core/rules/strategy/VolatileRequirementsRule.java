package dev.promptwise.core.rules.strategy;

import dev.promptwise.core.config.Severity;
import dev.promptwise.core.rules.FindingSink;
import dev.promptwise.core.strategy.Approach;
import dev.promptwise.core.strategy.ChangeFrequency;
import dev.promptwise.core.strategy.Located;
import dev.promptwise.core.strategy.Workload;
import dev.promptwise.core.vocabulary.Fix;
import dev.promptwise.core.vocabulary.TextEdit;
import java.util.List;

/**
 * {@code volatile-requirements}: fine-tuning is planned for requirements that change weekly or daily, so that each
 * change means retraining. A hybrid (foundation-plus-specialization) keeps the changing rules in the prompt, so
 * only {@code approach: fine-tuning} is flagged.
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
                + workload.name() + "' plans fine-tuning: each change means retraining. Keep the changing rules"
                + " in the prompt on top of a fine-tuned core (hybrid, foundation-plus-specialization).";
        Fix fix = new Fix("Set approach to hybrid",
                List.of(new TextEdit(workload.approach().valueRange(), Approach.HYBRID.id())), false);
        sink.report(workload.requirements().changeFrequency().valueRange(), message, List.of(fix));
    }
}
