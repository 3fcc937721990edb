package dev.promptwise.core.rules.strategy;

import dev.promptwise.core.config.Severity;
import dev.promptwise.core.rules.FindingSink;
import dev.promptwise.core.rules.Rule;
import dev.promptwise.core.strategy.Workload;

/**
 * A strategy rule that judges each workload on its own. It holds what those rules share: the id, the default
 * severity and the loop over the workloads in file order. Settings and disable comments are the runner's.
 */
abstract class WorkloadRule implements Rule<StrategyContext> {

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
    public final void check(StrategyContext ctx, FindingSink sink) {
        checkModels(ctx, sink);
        for (Workload workload : ctx.strategy().workloads().values()) {
            check(ctx, workload, sink);
        }
    }

    /** Reports what is wrong with the file's {@code models} section, before its workloads; nothing by default. */
    void checkModels(StrategyContext ctx, FindingSink sink) {}

    /** Reports to {@code sink} what is wrong with {@code workload}; nothing when all is well. */
    abstract void check(StrategyContext ctx, Workload workload, FindingSink sink);
}
