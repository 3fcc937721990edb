package dev.promptwise.core.strategy.rules;

import dev.promptwise.core.analysis.Finding;
import dev.promptwise.core.config.Severity;
import dev.promptwise.core.strategy.Located;
import dev.promptwise.core.strategy.Workload;
import dev.promptwise.core.strategy.WorkspacePaths;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code missing-prompt}: a workload's {@code prompt} or {@code fineTuning.dataset} does not exist, is a folder, or
 * resolves outside the workspace. Paths resolve relative to the strategy file ({@link WorkspacePaths}).
 */
public final class MissingPromptRule implements StrategyRule {

    public static final String ID = "missing-prompt";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.ERROR;
    }

    @Override
    public List<Finding> check(StrategyContext ctx) {
        Severity severity = ctx.severity(this);
        if (severity == Severity.OFF) {
            return List.of();
        }
        List<Finding> findings = new ArrayList<>();
        for (Workload workload : ctx.strategy().workloads().values()) {
            check(ctx, severity, workload, workload.prompt(), "prompt", findings);
            check(ctx, severity, workload, workload.fineTuning().dataset(), "dataset", findings);
        }
        return findings;
    }

    private static void check(StrategyContext ctx, Severity severity, Workload workload, Located<String> reference,
            String what, List<Finding> findings) {
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
        findings.add(new Finding(ID, severity, reference.valueRange(), message, List.of()));
    }
}
