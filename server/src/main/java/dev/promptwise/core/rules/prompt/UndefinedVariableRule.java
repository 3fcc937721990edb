package dev.promptwise.core.rules.prompt;

import dev.promptwise.core.actions.DeclareVariable;
import dev.promptwise.core.config.Severity;
import dev.promptwise.core.rules.FindingSink;
import dev.promptwise.core.rules.Rule;
import dev.promptwise.core.strategy.DidYouMean;
import dev.promptwise.core.syntax.DeclaredInput;
import dev.promptwise.core.syntax.PromptDocument;
import dev.promptwise.core.syntax.VariableUse;
import dev.promptwise.core.vocabulary.Fix;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

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
        // One message and fix per name, however often it is used: a file of thousands of uses costs one YAML read.
        Function<String, Optional<Fix>> fixes = DeclareVariable.forDocument(document);
        java.util.SortedSet<String> candidates = new java.util.TreeSet<>(declared);
        Map<String, Report> reports = new HashMap<>();
        for (VariableUse use : document.variables()) {
            if (!declared.contains(use.name())) {
                Report report = reports.computeIfAbsent(use.name(), name -> new Report(
                        "Variable '" + name + "' is used but no input declares it: the template renders it empty"
                                + suggestion(name, candidates),
                        fixes.apply(name).stream().toList()));
                sink.report(use.nameRange(), report.message(), report.fixes());
            }
        }
    }

    private record Report(String message, List<Fix> fixes) {}

    private static String suggestion(String name, java.util.SortedSet<String> declared) {
        String best = DidYouMean.best(name, declared);
        return best == null ? "" : " (did you mean '" + best + "'?)";
    }
}
