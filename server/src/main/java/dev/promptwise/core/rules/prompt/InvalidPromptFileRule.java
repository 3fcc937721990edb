package dev.promptwise.core.rules.prompt;

import dev.promptwise.core.config.Severity;
import dev.promptwise.core.rules.FindingSink;
import dev.promptwise.core.rules.Rule;
import dev.promptwise.core.syntax.SyntaxProblem;

/** {@code invalid-prompt-file}: front matter or template syntax is broken; one finding per parser problem. */
public final class InvalidPromptFileRule implements Rule<PromptContext> {

    @Override
    public String id() {
        return "invalid-prompt-file";
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.ERROR;
    }

    @Override
    public void check(PromptContext ctx, FindingSink sink) {
        for (SyntaxProblem problem : ctx.document().problems()) {
            sink.report(problem.range(), problem.message());
        }
    }
}
