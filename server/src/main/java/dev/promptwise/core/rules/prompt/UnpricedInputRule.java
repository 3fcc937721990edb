package dev.promptwise.core.rules.prompt;

import dev.promptwise.core.config.Severity;
import dev.promptwise.core.rules.FindingSink;
import dev.promptwise.core.rules.Rule;
import dev.promptwise.core.semantics.AttachmentCosting;
import java.util.List;

/**
 * {@code unpriced-input}: something the prompt sends with every request that Promptwise cannot count, so that its
 * cost figures are lower bounds: a {@code ${file:…}} input default or tools file that is missing, unreadable or
 * outside the workspace, tools named but defined in code, an image given by URL or variable, or one whose format or
 * model has no known pricing rule. Reported on the reference itself.
 */
public final class UnpricedInputRule implements Rule<PromptContext> {

    @Override
    public String id() {
        return "unpriced-input";
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.INFORMATION;
    }

    @Override
    public void check(PromptContext ctx, FindingSink sink) {
        List<AttachmentCosting.Item> unpriced = ctx.prompt().attachments().unpriced();
        for (AttachmentCosting.Item item : unpriced) {
            sink.report(item.attachment().range(), item.problem() + " Its cost figures are lower bounds (\"at least\").",
                    List.of());
        }
    }
}
