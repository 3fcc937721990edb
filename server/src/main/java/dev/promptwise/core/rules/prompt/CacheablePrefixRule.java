package dev.promptwise.core.rules.prompt;

import dev.promptwise.core.actions.MoveVariables;
import dev.promptwise.core.catalog.ModelInfo;
import dev.promptwise.core.config.Severity;
import dev.promptwise.core.cost.CostMessages;
import dev.promptwise.core.cost.PromptCaching;
import dev.promptwise.core.cost.PromptCostInput;
import dev.promptwise.core.cost.WorkloadCost;
import dev.promptwise.core.rules.FindingSink;
import dev.promptwise.core.rules.Rule;
import dev.promptwise.core.semantics.AnalyzedPrompt;
import dev.promptwise.core.syntax.VariableUse;
import java.util.Optional;

/**
 * {@code cacheable-prefix}: template variables sit before a long static block, so the provider's prompt cache,
 * which reuses only an identical prefix, cannot apply; moving them after the static text would let it. Reported
 * on the first variable, only for models whose provider caches and only when reordering would cache more tokens.
 */
public final class CacheablePrefixRule implements Rule<PromptContext> {

    @Override
    public String id() {
        return "cacheable-prefix";
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.INFORMATION;
    }

    /** Runs once per binding workload: its findings rest on its model, whose provider may cache, and its traffic. */
    @Override
    public boolean dependsOnWorkload() {
        return true;
    }

    @Override
    public void check(PromptContext ctx, FindingSink sink) {
        AnalyzedPrompt prompt = ctx.prompt();
        ModelInfo model = prompt.model();
        if (model == null || model.cachedInput() == null || prompt.document().variables().isEmpty()) {
            return;
        }
        PromptCostInput input = prompt.costInput();
        int now = PromptCaching.cacheableTokens(model, input.cacheablePrefixTokens());
        int reordered = PromptCaching.cacheableTokens(model, input.prefixTokensIfReordered());
        if (reordered <= now) {
            return;
        }
        Optional<WorkloadCost> cost = prompt.cost();
        if (cost.isPresent() && cost.get().reorderingSaving().isPresent()
                && !(cost.get().reorderingSaving().getAsDouble() > 0)) {
            return;
        }
        VariableUse first = firstVariable(prompt);
        String message = cost.map(CostMessages::cacheablePrefix).orElse("Template variables come before the static"
                + " text, so the provider's prompt cache cannot reuse it");
        sink.report(first.range(), message, MoveVariables.fix(prompt.document()).stream().toList());
    }

    private static VariableUse firstVariable(AnalyzedPrompt prompt) {
        VariableUse first = null;
        for (var message : prompt.document().messages()) {
            for (VariableUse use : prompt.document().variables()) {
                if (message.contentRange().contains(use.range().start())
                        && (first == null || use.range().start() < first.range().start())) {
                    first = use;
                }
            }
            if (first != null) {
                return first;
            }
        }
        return prompt.document().variables().get(0);
    }
}
