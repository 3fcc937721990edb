package dev.promptwise.core.rules.prompt;

import dev.promptwise.core.config.Severity;
import dev.promptwise.core.cost.Money;
import dev.promptwise.core.rules.FindingSink;
import dev.promptwise.core.rules.Rule;
import dev.promptwise.core.semantics.AnalyzedPrompt;
import dev.promptwise.core.syntax.Message;

/** {@code prompt-too-long}: the prompt's tokens exceed its budget (workload, defaults, then setting; 4,000 if none). */
public final class PromptTooLongRule implements Rule<PromptContext> {

    @Override
    public String id() {
        return "prompt-too-long";
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.WARNING;
    }

    /** Runs once per binding workload: its findings rest on its token budget and, for its money, model and traffic. */
    @Override
    public boolean dependsOnWorkload() {
        return true;
    }

    @Override
    public void check(PromptContext ctx, FindingSink sink) {
        AnalyzedPrompt prompt = ctx.prompt();
        int total = prompt.totalTokens();
        int budget = prompt.budget();
        if (total <= budget) {
            return;
        }
        StringBuilder message = new StringBuilder();
        Double perMonth = prompt.inputCostPerMonth();
        Double perRequest = prompt.inputCostPerRequest();
        if (perMonth != null) {
            message.append(Money.perMonth(perMonth, prompt.estimated())).append(" of prompt input: ");
        } else if (perRequest != null) {
            message.append(Money.perRequest(perRequest, prompt.estimated())).append(" of prompt input: ");
        }
        message.append(RuleText.tokens(prompt, total)).append(" tokens, ")
                .append(Money.count(total - budget, prompt.estimated())).append(" over the budget of ").append(Money.count(budget));
        int largest = largestMessage(prompt);
        if (largest >= 0 && prompt.document().messages().size() > 1) {
            Message biggest = prompt.document().messages().get(largest);
            message.append("; the largest part is the ").append(biggest.role()).append(" message (")
                    .append(Money.tokens(prompt.messageTokens(largest), prompt.estimated())).append(")");
        }
        sink.report(RuleText.firstLine(ctx.text()), message.toString());
    }

    private static int largestMessage(AnalyzedPrompt prompt) {
        int best = -1;
        for (int i = 0; i < prompt.document().messages().size(); i++) {
            if (best < 0 || prompt.messageTokens(i) > prompt.messageTokens(best)) {
                best = i;
            }
        }
        return best;
    }
}
