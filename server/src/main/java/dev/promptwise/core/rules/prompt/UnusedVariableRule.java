package dev.promptwise.core.rules.prompt;

import dev.promptwise.core.config.Severity;
import dev.promptwise.core.rules.FindingSink;
import dev.promptwise.core.rules.Rule;
import dev.promptwise.core.syntax.DeclaredInput;
import dev.promptwise.core.syntax.VariableUse;
import dev.promptwise.core.vocabulary.Fix;
import dev.promptwise.core.vocabulary.TextEdit;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** {@code unused-variable}: an input is declared but the template never uses it; the fix removes the declaration. */
public final class UnusedVariableRule implements Rule<PromptContext> {

    @Override
    public String id() {
        return "unused-variable";
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.WARNING;
    }

    @Override
    public void check(PromptContext ctx, FindingSink sink) {
        Set<String> used = new HashSet<>();
        for (VariableUse use : ctx.document().variables()) {
            used.add(use.name());
        }
        for (DeclaredInput input : ctx.document().inputs()) {
            if (used.contains(input.name())) {
                continue;
            }
            List<Fix> fixes = input.removalRange() == null ? List.of()
                    : List.of(new Fix("Remove unused input '" + input.name() + "'",
                            List.of(new TextEdit(input.removalRange(), "")), true));
            sink.report(input.range(), "Input '" + input.name() + "' is declared but the template never uses it",
                    fixes);
        }
    }
}
