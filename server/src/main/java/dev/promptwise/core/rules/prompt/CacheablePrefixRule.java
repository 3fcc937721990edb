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
import dev.promptwise.core.syntax.Message;
import dev.promptwise.core.syntax.VariableUse;
import java.util.List;
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
        // The fix reads the messages' lines; findings that are only published do not need it.
        sink.report(first.range(), message,
                ctx.wantsFixes() ? MoveVariables.fix(prompt.document()).stream().toList() : List.of());
    }

    /** Returns the first variable of the first message that has one; the first variable when none lies in one. */
    private static VariableUse firstVariable(AnalyzedPrompt prompt) {
        // One pass over the variables, which need not come in text order: for each, the message it lies in.
        List<Message> messages = prompt.document().messages();
        VariableUse first = null;
        int firstMessage = messages.size();
        for (VariableUse use : prompt.document().variables()) {
            int start = use.range().start();
            for (int index = 0; index <= Math.min(firstMessage, messages.size() - 1); index++) {
                if (messages.get(index).contentRange().contains(start)) {
                    if (index < firstMessage || start < first.range().start()) {
                        first = use;
                        firstMessage = index;
                    }
                    break;
                }
            }
        }
        return first != null ? first : prompt.document().variables().get(0);
    }
}
