package dev.promptwise.core.rules.strategy;

import dev.promptwise.core.actions.ReplaceModel;
import dev.promptwise.core.catalog.ModelSuggestion;
import dev.promptwise.core.config.Severity;
import dev.promptwise.core.rules.FindingSink;
import dev.promptwise.core.rules.Rule;
import dev.promptwise.core.strategy.DidYouMean;
import dev.promptwise.core.strategy.Located;
import dev.promptwise.core.strategy.StrategyFile;
import dev.promptwise.core.strategy.Workload;
import dev.promptwise.core.vocabulary.Fix;
import dev.promptwise.core.vocabulary.TextEdit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code unknown-model}: a model id in the strategy file ({@code defaults.model}, a workload's {@code model} or
 * {@code fineTuning.baseModel}) that neither the price catalog nor the file's own {@code models} knows, so no price
 * or tokenizer applies. Offers known ids ranked by family, tokenizer, price class and name, saying what differs; the
 * first fix is preferred only when it keeps the tokenizer and the price class.
 */
public final class StrategyUnknownModelRule implements Rule<StrategyContext> {

    public static final String ID = "unknown-model";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.WARNING;
    }

    @Override
    public void check(StrategyContext ctx, FindingSink sink) {
        StrategyFile strategy = ctx.strategy();
        List<Located<String>> references = new ArrayList<>();
        references.add(strategy.defaults().model());
        for (Workload workload : strategy.workloads().values()) {
            references.add(workload.model());
            references.add(workload.fineTuning().baseModel());
        }
        for (Located<String> reference : references) {
            String id = Located.valueOf(reference);
            if (id == null || strategy.models().containsKey(id) || ctx.knownModel().test(id)) {
                continue;
            }
            Map<String, ModelSuggestion> suggestions = new LinkedHashMap<>();
            ctx.rankedModelSuggestions().apply(id).forEach(s -> suggestions.putIfAbsent(s.id(), s));
            DidYouMean.closest(id, strategy.models().keySet(), 3)
                    .forEach(own -> suggestions.putIfAbsent(own, ModelSuggestion.plain(own)));
            List<ModelSuggestion> closest = suggestions.values().stream().limit(3).toList();
            String message = "No price or tokenizer is known for '" + id + "'"
                    + (closest.isEmpty() ? "." : ReplaceModel.didYouMean(closest, id))
                    + " Declare it under models: to price it.";
            List<Fix> fixes = new ArrayList<>();
            for (ModelSuggestion suggestion : closest) {
                fixes.add(new Fix(ReplaceModel.title(suggestion, id),
                        List.of(new TextEdit(reference.valueRange(), suggestion.id())),
                        fixes.isEmpty() && suggestion.likeForLike()));
            }
            sink.report(reference.valueRange(), message, fixes);
        }
    }
}
