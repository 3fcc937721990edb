package dev.promptwise.core.rules.prompt;

import dev.promptwise.core.config.Severity;
import dev.promptwise.core.cost.Money;
import dev.promptwise.core.rules.FindingSink;
import dev.promptwise.core.rules.Rule;
import dev.promptwise.core.semantics.AnalyzedPrompt;
import dev.promptwise.core.semantics.AttachmentCosting;
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
        boolean estimated = prompt.totalEstimated();
        Double perMonth = prompt.inputCostPerMonth();
        Double perRequest = prompt.inputCostPerRequest();
        if (perMonth != null) {
            // At list price: the prompt cache may take part of it off, as cost-at-scale's figures do.
            message.append(Money.perMonth(perMonth, estimated)).append(" of prompt input at list price: ");
        } else if (perRequest != null) {
            message.append(Money.perRequest(perRequest, estimated)).append(" of prompt input at list price: ");
        }
        message.append(Money.count(total, estimated)).append(" tokens, ")
                .append(Money.count(total - budget, estimated)).append(" over the budget of ").append(Money.count(budget));
        int largest = largestMessage(prompt);
        AttachmentCosting.Item attached = largestAttachment(prompt);
        if (attached != null && (largest < 0 || attached.tokens() > prompt.messageTokens(largest))) {
            // A file, tools or an image sent with the prompt outweighs every message: name it, it is what to cut.
            String title = attached.title().replace("`", "'");
            message.append("; the largest part is ").append(Character.toLowerCase(title.charAt(0)))
                    .append(title.substring(1)).append(" (")
                    .append(Money.tokens(attached.tokens(), prompt.estimated() || attached.estimated())).append(")");
        } else if (largest >= 0 && prompt.document().messages().size() > 1) {
            Message biggest = prompt.document().messages().get(largest);
            message.append("; the largest part is the ").append(biggest.role()).append(" message (")
                    .append(Money.tokens(prompt.messageTokens(largest), prompt.estimated())).append(")");
        }
        sink.report(RuleText.firstLine(ctx.text()), message.toString());
    }

    /** Returns the priced attachment with the most tokens, or {@code null} when the prompt sends none. */
    private static AttachmentCosting.Item largestAttachment(AnalyzedPrompt prompt) {
        AttachmentCosting.Item best = null;
        for (AttachmentCosting.Item item : prompt.attachments().items()) {
            if (item.priced() && (best == null || item.tokens() > best.tokens())) {
                best = item;
            }
        }
        return best;
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
