package dev.promptwise.core.rules.prompt;

import dev.promptwise.core.actions.ReplaceModel;
import dev.promptwise.core.catalog.ModelInfo;
import dev.promptwise.core.catalog.PriceCatalog;
import dev.promptwise.core.config.Severity;
import dev.promptwise.core.rules.FindingSink;
import dev.promptwise.core.rules.Rule;
import dev.promptwise.core.syntax.ModelReference;
import dev.promptwise.core.vocabulary.Fix;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * {@code deprecated-model} in a prompt file: the model it names is past its deprecation date (LiteLLM's
 * {@code deprecation_date}) on the day the edge judges on (today; {@link PriceCatalog#on}), so its provider may
 * stop serving it. Names the date and, when the catalog knows one, the successor, offered as a fix. Silent when
 * the edge gives no day.
 */
public final class PromptDeprecatedModelRule implements Rule<PromptContext> {

    @Override
    public String id() {
        return "deprecated-model";
    }

    @Override
    public Severity defaultSeverity() {
        return Severity.WARNING;
    }

    @Override
    public void check(PromptContext ctx, FindingSink sink) {
        ModelReference reference = ctx.document().model();
        PriceCatalog catalog = ctx.prompt().catalog();
        LocalDate today = catalog.today();
        if (reference == null || today == null || reference.id().contains("${")) {
            return;
        }
        Optional<ModelInfo> model = catalog.resolve(reference.id());
        if (model.isEmpty() || !model.get().deprecatedOn(today)) {
            return;
        }
        String successor = model.get().successor();
        boolean successorKnown = successor != null && catalog.resolve(successor).isPresent();
        String message = "'" + reference.id() + "' is deprecated since " + model.get().deprecationDate()
                + ": its provider may stop serving it" + (successorKnown ? "; its successor is " + successor : "")
                + ".";
        List<Fix> fixes = successorKnown && ctx.wantsFixes()
                ? List.of(ReplaceModel.fix(ctx.text(), reference, successor)) : List.of();
        sink.report(reference.range(), message, fixes);
    }
}
