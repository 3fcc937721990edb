package dev.promptwise.core.rules.strategy;

import dev.promptwise.core.catalog.ModelInfo;
import dev.promptwise.core.catalog.PriceCatalog;
import dev.promptwise.core.config.Severity;
import dev.promptwise.core.rules.FindingSink;
import dev.promptwise.core.rules.Rule;
import dev.promptwise.core.strategy.Located;
import dev.promptwise.core.strategy.StrategyFile;
import dev.promptwise.core.strategy.Workload;
import dev.promptwise.core.vocabulary.Fix;
import dev.promptwise.core.vocabulary.TextEdit;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code deprecated-model} in a strategy file: {@code defaults.model} or a workload's {@code model} is past its
 * deprecation date in the catalog the file is priced with, on the day the edge judges on; as
 * {@code PromptDeprecatedModelRule}, with the successor as the fix when the catalog knows one. A model the file
 * declares under {@code models:} is the file's own and not judged.
 */
public final class StrategyDeprecatedModelRule implements Rule<StrategyContext> {

    @Override
    public String id() {
        return "deprecated-model";
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.WARNING;
    }

    @Override
    public void check(StrategyContext ctx, FindingSink sink) {
        PriceCatalog catalog = ctx.catalog();
        LocalDate today = catalog.today();
        if (today == null) {
            return;
        }
        StrategyFile strategy = ctx.strategy();
        List<Located<String>> references = new ArrayList<>();
        references.add(strategy.defaults().model());
        for (Workload workload : strategy.workloads().values()) {
            references.add(workload.model());
        }
        for (Located<String> reference : references) {
            String id = Located.valueOf(reference);
            if (id == null || strategy.models().containsKey(id)) {
                continue;
            }
            Optional<ModelInfo> model = catalog.resolve(id);
            if (model.isEmpty() || !model.get().deprecatedOn(today)) {
                continue;
            }
            String successor = model.get().successor();
            boolean successorKnown = successor != null && catalog.resolve(successor).isPresent();
            String message = "'" + id + "' is deprecated since " + model.get().deprecationDate()
                    + ": its provider may stop serving it" + (successorKnown ? "; its successor is " + successor : "")
                    + ".";
            List<Fix> fixes = successorKnown ? List.of(new Fix("Replace with " + successor,
                    List.of(new TextEdit(reference.valueRange(), successor)), true)) : List.of();
            sink.report(reference.valueRange(), message, fixes);
        }
    }
}
