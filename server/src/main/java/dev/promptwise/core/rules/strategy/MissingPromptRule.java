package dev.promptwise.core.rules.strategy;

import dev.promptwise.core.config.Severity;
import dev.promptwise.core.rules.FindingSink;
import dev.promptwise.core.strategy.Located;
import dev.promptwise.core.strategy.Workload;
import dev.promptwise.core.strategy.WorkspacePaths;
import java.util.List;

/**
 * {@code missing-prompt}: a workload's {@code prompt} or {@code fineTuning.dataset} does not exist, is a folder, or
 * resolves outside the workspace. Paths resolve relative to the strategy file ({@link WorkspacePaths}).
 */
public final class MissingPromptRule extends WorkloadRule {

    public static final String ID = "missing-prompt";

    public MissingPromptRule() {
        super(ID, Severity.ERROR);
    }

    @Override
    void check(StrategyContext ctx, Workload workload, FindingSink sink) {
        check(ctx, workload, workload.prompt(), "prompt", sink);
        check(ctx, workload, workload.fineTuning().dataset(), "dataset", sink);
    }

    private static void check(StrategyContext ctx, Workload workload, Located<String> reference, String what,
            FindingSink sink) {
        String path = Located.valueOf(reference);
        if (path == null) {
            return;
        }
        WorkspacePaths.Resolution resolution = WorkspacePaths.resolve(ctx.strategyPath(), path);
        String message;
        if (!resolution.isInsideWorkspace()) {
            message = "The " + what + " of '" + workload.name() + "' is refused: '" + path + "' "
                    + resolution.refusal() + ".";
        } else if (!ctx.files().exists(resolution.path())) {
            message = "The " + what + " of '" + workload.name() + "' does not exist: no file at '"
                    + resolution.path() + "' in the workspace.";
        } else if (ctx.files().isDirectory(resolution.path())) {
            message = "The " + what + " of '" + workload.name() + "' is a folder, not a file: '"
                    + resolution.path() + "'.";
        } else {
            return;
        }
        sink.report(reference.valueRange(), message, List.of());
    }
}
