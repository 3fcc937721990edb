package dev.promptwise.core.rules.prompt;

import dev.promptwise.core.catalog.ModelInfo;
import dev.promptwise.core.config.Severity;
import dev.promptwise.core.cost.Money;
import dev.promptwise.core.rules.FindingSink;
import dev.promptwise.core.rules.Rule;
import dev.promptwise.core.semantics.AnalyzedPrompt;

/**
 * {@code context-window-exceeded}: the prompt's tokens plus the output it reserves exceed the model's context
 * window, so the provider would refuse the request. The reserved output is the file's own maximum output setting;
 * a file without one reserves nothing, because the provider then limits the output instead of refusing.
 */
public final class ContextWindowExceededRule implements Rule<PromptContext> {

    @Override
    public String id() {
        return "context-window-exceeded";
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.ERROR;
    }

    /** Runs once per binding workload: its findings rest on its model, whose window and tokenizer it reads. */
    @Override
    public boolean dependsOnWorkload() {
        return true;
    }

    @Override
    public void check(PromptContext ctx, FindingSink sink) {
        AnalyzedPrompt prompt = ctx.prompt();
        ModelInfo model = prompt.model();
        if (model == null || model.contextWindow() <= 0) {
            return;
        }
        Integer maxOutput = prompt.document().maxOutputTokens();
        int reserved = maxOutput == null ? 0 : Math.max(0, maxOutput);
        long needed = (long) prompt.totalTokens() + reserved;
        if (needed <= model.contextWindow()) {
            return;
        }
        String message = Money.count(prompt.totalTokens(), prompt.totalEstimated()) + " prompt tokens"
                + (reserved > 0 ? " plus " + Money.count(reserved) + " reserved for output" : "")
                + " exceed the " + Money.count(model.contextWindow()) + "-token context window of " + model.id()
                + " by " + Money.count(needed - model.contextWindow(), prompt.totalEstimated()) + ": the request would be refused";
        sink.report(RuleText.firstLine(ctx.text()), message);
    }
}
