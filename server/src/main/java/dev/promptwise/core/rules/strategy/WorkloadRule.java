package dev.promptwise.core.rules.strategy;

import dev.promptwise.core.config.Severity;
import dev.promptwise.core.strategy.Workload;
import dev.promptwise.core.vocabulary.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A strategy rule that judges each workload on its own. It holds what those rules share: the id, the default
 * severity, the early return when settings turn the rule off, and the loop over the workloads in file order.
 */
abstract class WorkloadRule implements StrategyRule {

    private final String id;
    private final Severity defaultSeverity;

    WorkloadRule(String id, Severity defaultSeverity) {
        this.id = id;
        this.defaultSeverity = defaultSeverity;
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final Severity defaultSeverity() {
        return defaultSeverity;
    }

    @Override
    public final List<Finding> check(StrategyContext ctx) {
        Severity severity = ctx.severity(this);
        if (severity == Severity.OFF) {
            return List.of();
        }
        List<Finding> findings = new ArrayList<>();
        for (Workload workload : ctx.strategy().workloads().values()) {
            check(ctx, workload, severity, findings::add);
        }
        return findings;
    }

    /** Gives {@code findings} what is wrong with {@code workload}, at {@code severity}; nothing when all is well. */
    abstract void check(StrategyContext ctx, Workload workload, Severity severity, Consumer<Finding> findings);
}
