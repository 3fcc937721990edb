package dev.promptwise.core.rules.strategy;

import dev.promptwise.core.catalog.FineTunables;
import dev.promptwise.core.catalog.ModelInfo;
import dev.promptwise.core.catalog.PriceCatalog;
import dev.promptwise.core.config.Severity;
import dev.promptwise.core.rules.FindingSink;
import dev.promptwise.core.strategy.Approach;
import dev.promptwise.core.strategy.Located;
import dev.promptwise.core.strategy.Workload;
import dev.promptwise.core.vocabulary.Fix;
import dev.promptwise.core.vocabulary.TextEdit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code base-model-not-fine-tunable}: fine-tuning is planned on a model its provider does not fine-tune through
 * its API (by the catalog's {@code fineTuning} facts), so no fine-tuned or hybrid figure can be priced. Two cases:
 *
 * <ul>
 *   <li>a declared {@code fineTuning.baseModel} that cannot be fine-tuned (Claude through Anthropic's API,
 *       {@code o3}, {@code gpt-5}): the finding sits on that value and names the closest fine-tunable models of the
 *       same provider, each with a fix, or says the provider offers none;</li>
 *   <li>{@code approach: fine-tuning} or {@code hybrid} with no {@code fineTuning.baseModel}, on a workload whose
 *       model cannot be fine-tuned: the finding sits on the approach.</li>
 * </ul>
 *
 * Models the catalog does not know are {@code unknown-model}'s.
 */
public final class BaseModelNotFineTunableRule extends WorkloadRule {

    public static final String ID = "base-model-not-fine-tunable";

    public BaseModelNotFineTunableRule() {
        super(ID, Severity.WARNING);
    }

    @Override
    void check(StrategyContext ctx, Workload workload, FindingSink sink) {
        PriceCatalog catalog = ctx.catalog();
        Located<String> declared = workload.fineTuning().baseModel();
        String declaredId = Located.valueOf(declared);
        if (declaredId != null && !declaredId.isBlank()) {
            Optional<ModelInfo> base = catalog.resolve(declaredId);
            if (base.isEmpty() || base.get().fineTunable() || declared.valueRange() == null) {
                return;
            }
            List<ModelInfo> closest = FineTunables.closest(catalog, base.get());
            List<Fix> fixes = new ArrayList<>();
            for (ModelInfo suggestion : closest) {
                fixes.add(new Fix("Fine-tune " + suggestion.id() + " instead",
                        List.of(new TextEdit(declared.valueRange(), suggestion.id())), fixes.isEmpty()));
            }
            sink.report(declared.valueRange(), FineTunables.cannotBeFineTuned(catalog, base.get()) + ": "
                    + FineTunables.alternatives(catalog, base.get()) + ". No fine-tuned or hybrid cost is computed"
                    + " for '" + workload.name() + "'.", fixes);
            return;
        }
        Approach approach = workload.declaredApproach();
        if (approach == null || !approach.trainsAModel() || workload.approach() == null
                || workload.approach().valueRange() == null) {
            return;
        }
        Optional<ModelInfo> own = catalog.resolve(ctx.strategy().modelOf(workload));
        if (own.isEmpty() || own.get().fineTunable()) {
            return;
        }
        sink.report(workload.approach().valueRange(), "'" + workload.name() + "' declares " + approach.id()
                + ", but " + FineTunables.cannotBeFineTuned(catalog, own.get()) + " and no fineTuning.baseModel is"
                + " declared: " + FineTunables.alternatives(catalog, own.get()) + ".");
    }
}
