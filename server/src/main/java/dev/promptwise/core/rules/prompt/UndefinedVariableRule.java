package dev.promptwise.core.rules.prompt;

import dev.promptwise.core.actions.DeclareVariable;
import dev.promptwise.core.config.Severity;
import dev.promptwise.core.rules.FindingSink;
import dev.promptwise.core.rules.Rule;
import dev.promptwise.core.strategy.DidYouMean;
import dev.promptwise.core.syntax.DeclaredInput;
import dev.promptwise.core.syntax.PromptDocument;
import dev.promptwise.core.syntax.VariableUse;
import java.util.HashSet;
import java.util.Set;

/**
 * {@code undefined-variable}: the template uses a variable that no input declares. Only checked in formats that
 * declare inputs and in files that declare at least one, so a file without an inputs section is not flooded.
 */
public final class UndefinedVariableRule implements Rule<PromptContext> {

    @Override
    public String id() {
        return "undefined-variable";
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.WARNING;
    }

    @Override
    public void check(PromptContext ctx, FindingSink sink) {
        PromptDocument document = ctx.document();
        if (!document.declaresInputs()) {
            return;
        }
        Set<String> declared = new HashSet<>();
        for (DeclaredInput input : document.inputs()) {
            declared.add(input.name());
        }
        for (VariableUse use : document.variables()) {
            if (!declared.contains(use.name())) {
                sink.report(use.nameRange(), "Variable '" + use.name() + "' is used but no input declares it: "
                        + "the template renders it empty" + suggestion(use.name(), declared),
                        DeclareVariable.fix(document, use.name()).stream().toList());
            }
        }
    }

    private static String suggestion(String name, Set<String> declared) {
        String best = DidYouMean.best(name, new java.util.TreeSet<>(declared));
        return best == null ? "" : " (did you mean '" + best + "'?)";
    }
}
