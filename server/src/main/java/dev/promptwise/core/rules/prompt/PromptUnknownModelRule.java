package dev.promptwise.core.rules.prompt;

import dev.promptwise.core.actions.ReplaceModel;
import dev.promptwise.core.catalog.ModelSuggestion;
import dev.promptwise.core.config.Severity;
import dev.promptwise.core.rules.FindingSink;
import dev.promptwise.core.rules.Rule;
import dev.promptwise.core.syntax.ModelReference;
import dev.promptwise.core.vocabulary.Fix;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code unknown-model} in a prompt file: the model the file names has no price or tokenizer in the catalog (the
 * bundled one plus the strategy file's {@code models}); the fixes replace it with the catalog ids ranked by family,
 * tokenizer, price class and name, the first preferred only when it keeps the tokenizer and price class. Values
 * that a runtime fills in ({@code ${env:MODEL}}) are left alone.
 */
public final class PromptUnknownModelRule implements Rule<PromptContext> {

    @Override
    public String id() {
        return "unknown-model";
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.WARNING;
    }

    @Override
    public void check(PromptContext ctx, FindingSink sink) {
        ModelReference reference = ctx.document().model();
        if (reference == null || reference.id().isBlank() || reference.id().contains("${")
                || ctx.prompt().catalog().resolve(reference.id()).isPresent()) {
            return;
        }
        List<ModelSuggestion> suggestions = ctx.prompt().catalog().rankedSuggestions(reference.id());
        List<Fix> fixes = new ArrayList<>();
        for (ModelSuggestion suggestion : suggestions) {
            fixes.add(ReplaceModel.fix(ctx.text(), reference, suggestion, reference.id(), fixes.isEmpty()));
        }
        String message = "No price or tokenizer is known for '" + reference.id() + "'"
                + ReplaceModel.didYouMean(suggestions.stream().limit(1).toList(), reference.id())
                + " Token counts are estimated with o200k_base; declare the model under models: in promptwise.yaml"
                + " to price it.";
        sink.report(reference.range(), message, fixes);
    }
}
