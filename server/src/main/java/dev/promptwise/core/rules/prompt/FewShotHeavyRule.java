package dev.promptwise.core.rules.prompt;

import dev.promptwise.core.actions.ExtractExamples;
import dev.promptwise.core.catalog.FineTunables;
import dev.promptwise.core.config.Severity;
import dev.promptwise.core.cost.CostMessages;
import dev.promptwise.core.cost.FineTunedCost;
import dev.promptwise.core.cost.WorkloadCost;
import dev.promptwise.core.rules.FindingSink;
import dev.promptwise.core.rules.Rule;
import dev.promptwise.core.semantics.AnalyzedPrompt;
import dev.promptwise.core.semantics.StrategyDocument;
import dev.promptwise.core.semantics.WorkloadBinding;
import dev.promptwise.core.syntax.FewShotExample;
import dev.promptwise.core.text.TextRange;
import dev.promptwise.core.vocabulary.Fix;
import java.util.List;
import java.util.Optional;

/**
 * {@code few-shot-heavy}: three or more few-shot examples take 40% or more of the prompt's tokens. Every request
 * pays for them; a fine-tuned model would not need them. The message gives the monthly saving of moving them into
 * a fine-tuned model at the prompt's traffic when it is known. The finding sits on the first example's first line.
 */
public final class FewShotHeavyRule implements Rule<PromptContext> {

    static final int MIN_EXAMPLES = 3;
    static final double MIN_SHARE = 0.40;

    @Override
    public String id() {
        return "few-shot-heavy";
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.INFORMATION;
    }

    /** Runs once per binding workload: its findings rest on its model, traffic and fine-tuning base model. */
    @Override
    public boolean dependsOnWorkload() {
        return true;
    }

    @Override
    public void check(PromptContext ctx, FindingSink sink) {
        AnalyzedPrompt prompt = ctx.prompt();
        List<FewShotExample> examples = prompt.document().examples();
        int promptTokens = prompt.totalTokens();
        if (examples.size() < MIN_EXAMPLES || promptTokens == 0) {
            return;
        }
        if ((double) prompt.exampleTokens() / promptTokens < MIN_SHARE) {
            return;
        }
        Optional<FineTunedCost> fineTuned = prompt.cost().flatMap(WorkloadCost::fineTuned);
        String noBase = prompt.model() == null
                ? "No price is known for " + prompt.modelId() + ", so no fine-tuned saving is computed."
                : prompt.fineTuningBase().reason();
        String message = CostMessages.fewShotHeavy(examples.size(), prompt.exampleTokens(), promptTokens, fineTuned,
                noBase, prompt.estimated());
        TextRange first = examples.get(0).range();
        TextRange line = RuleText.lineAt(ctx.text(), first.start());
        // The fix writes every example into a dataset: the largest piece of work of a keystroke in a large prompt,
        // so it is built only when someone will read it.
        List<Fix> fixes = ctx.wantsFixes() ? extractFix(ctx).stream().toList() : List.of();
        sink.report(new TextRange(first.start(), Math.max(first.start(), Math.min(line.end(), first.end()))), message,
                fixes);
    }

    /** Returns the fix that moves the examples into a fine-tuning dataset, or empty when it cannot be made. */
    static Optional<Fix> extractFix(PromptContext ctx) {
        AnalyzedPrompt prompt = ctx.prompt();
        WorkloadBinding binding = prompt.binding();
        ExtractExamples.Strategy strategy = null;
        String workload = null;
        if (binding != null) {
            strategy = new ExtractExamples.Strategy(binding.strategyPath(), binding.strategyText(), binding.strategy());
            workload = binding.workload().name();
        } else if (ctx.environment().rootStrategy() != null) {
            StrategyDocument root = ctx.environment().rootStrategy();
            strategy = new ExtractExamples.Strategy(root.path(), root.text(), root.strategy());
        }
        String declared = binding == null ? null : binding.fineTuningBaseModel();
        Optional<String> baseModel = FineTunables.forScaffold(prompt.catalog(), prompt.model(), declared);
        String noBase = baseModel.isPresent() ? null : prompt.model() == null
                ? prompt.modelId() + " is not in the price catalog"
                : FineTunables.cannotBeFineTuned(prompt.catalog(), prompt.model()) + ": "
                        + FineTunables.alternatives(prompt.catalog(), prompt.model());
        return ExtractExamples.fix(new ExtractExamples.Request(prompt.path(), prompt.document(),
                prompt.document().examples(), strategy, workload, baseModel.orElse(null),
                ctx.environment().files()::exists, noBase));
    }
}
