package dev.promptwise.core.rules;

import dev.promptwise.core.analysis.AnalyzedPrompt;
import dev.promptwise.core.cost.Money;
import dev.promptwise.core.config.Severity;
import dev.promptwise.core.syntax.FewShotExample;
import dev.promptwise.core.text.TextRange;
import java.util.List;

/**
 * {@code few-shot-heavy}: three or more few-shot examples take 40% or more of the prompt's tokens. Every request
 * pays for them; a fine-tuned model would not need them. The finding sits on the first example's first line.
 */
final class FewShotHeavyRule implements Rule {

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

    @Override
    public void check(PromptContext ctx, FindingSink sink) {
        AnalyzedPrompt prompt = ctx.prompt();
        List<FewShotExample> examples = prompt.document().examples();
        if (examples.size() < MIN_EXAMPLES || prompt.textTokens() == 0) {
            return;
        }
        double share = Math.min(1.0, (double) prompt.exampleTokens() / prompt.textTokens());
        if (share < MIN_SHARE) {
            return;
        }
        StringBuilder message = new StringBuilder();
        Double perMonth = prompt.inputCostPerMonth();
        if (perMonth != null) {
            message.append(Money.usd(perMonth * share)).append("/month goes to examples: ");
        } else if (prompt.inputCostPerRequest() != null) {
            message.append(Money.usd(prompt.inputCostPerRequest() * share)).append("/request goes to examples: ");
        }
        message.append(examples.size()).append(" few-shot examples take ").append(Math.round(share * 100))
                .append("% of the prompt (").append(RuleText.tokens(prompt, prompt.exampleTokens())).append(" of ")
                .append(RuleText.tokens(prompt, prompt.textTokens()))
                .append(" tokens); a fine-tuned model would not need them on every request");
        TextRange first = examples.get(0).range();
        TextRange line = RuleText.lineAt(ctx.text(), first.start());
        sink.report(new TextRange(first.start(), Math.max(first.start(), Math.min(line.end(), first.end()))),
                message.toString());
    }
}
