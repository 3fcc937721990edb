package dev.promptwise.core.rules.strategy;

import dev.promptwise.core.config.Severity;
import dev.promptwise.core.rules.FindingSink;
import dev.promptwise.core.strategy.Located;
import dev.promptwise.core.strategy.ModelEntry;
import dev.promptwise.core.strategy.Workload;
import dev.promptwise.core.strategy.WorkspacePaths;
import java.util.List;

/**
 * {@code missing-prompt}: a workload's {@code prompt} or {@code fineTuning.dataset}, or a model's {@code tokenizer}
 * file, does not exist, is a folder, or resolves outside the workspace. Paths resolve relative to the strategy file ({@link WorkspacePaths}).
 */
public final class MissingPromptRule extends WorkloadRule {

    public static final String ID = "missing-prompt";

    public MissingPromptRule() {
        super(ID, Severity.ERROR);
    }

    @Override
    void checkModels(StrategyContext ctx, FindingSink sink) {
        for (ModelEntry model : ctx.strategy().models().values()) {
            check(ctx, "The tokenizer of model '" + model.id() + "'", model.tokenizer(), sink);
        }
    }

    @Override
    void check(StrategyContext ctx, Workload workload, FindingSink sink) {
        check(ctx, "The prompt of '" + workload.name() + "'", workload.prompt(), sink);
        check(ctx, "The dataset of '" + workload.name() + "'", workload.fineTuning().dataset(), sink);
    }

    private static void check(StrategyContext ctx, String subject, Located<String> reference, FindingSink sink) {
        String path = Located.valueOf(reference);
        if (path == null) {
            return;
        }
        WorkspacePaths.Resolution resolution = ctx.memo().resolve(ctx.strategyPath(), path);
        String message;
        if (!resolution.isInsideWorkspace()) {
            message = subject + " is refused: '" + path + "' " + resolution.refusal() + ".";
        } else if (!ctx.files().exists(resolution.path())) {
            message = subject + " does not exist: no file at '" + resolution.path() + "' in the workspace.";
        } else if (ctx.files().isDirectory(resolution.path())) {
            message = subject + " is a folder, not a file: '" + resolution.path() + "'.";
        } else {
            return;
        }
        sink.report(reference.valueRange(), message, List.of());
    }
}
