package dev.promptwise.core.catalog;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Which model a workload's fine-tuned alternative is priced on, and what to say when there is none. One rule for
 * the cost model, the rules and the fixes, written out in {@code docs/cost-model.md} ("The base model"):
 *
 * <ol>
 *   <li>the workload's declared {@code fineTuning.baseModel}, when the catalog can fine-tune it;</li>
 *   <li>otherwise, when none is declared, the workload's own model, when its provider fine-tunes it;</li>
 *   <li>otherwise there is no fine-tuned alternative, and {@link Choice#reason()} says why.</li>
 * </ol>
 *
 * <p>A fix that scaffolds a {@code fineTuning} section goes one step further ({@link #forScaffold}): the own model
 * when it is fine-tunable, else the cheapest fine-tunable model of the same provider, else none.
 */
public final class FineTunables {

    /** How many fine-tunable models a message names as the closest to one that is not. */
    public static final int CLOSEST = 3;

    private FineTunables() {}

    /**
     * The base model of a fine-tuned alternative, or why there is none.
     *
     * @param base the model to fine-tune, or {@code null} when there is none
     * @param declared whether the strategy file named it ({@code fineTuning.baseModel})
     * @param reason why there is no base model, as a sentence a message can quote; {@code null} when there is one
     */
    public record Choice(ModelInfo base, boolean declared, String reason) {

        public boolean present() {
            return base != null;
        }
    }

    /**
     * Chooses the base model of the fine-tuned alternative.
     *
     * @param catalog the catalog the workload is priced with
     * @param ownModel the workload's own model, or {@code null} when the catalog does not know it
     * @param declaredBase the workload's {@code fineTuning.baseModel}, or {@code null} or blank when not given
     */
    public static Choice choose(PriceCatalog catalog, ModelInfo ownModel, String declaredBase) {
        if (declaredBase != null && !declaredBase.isBlank()) {
            Optional<ModelInfo> declared = catalog.resolve(declaredBase);
            if (declared.isEmpty()) {
                return new Choice(null, true, "The fine-tuning base model " + declaredBase.strip()
                        + " is not in the price catalog, so no fine-tuned cost is computed.");
            }
            if (!declared.get().fineTunable()) {
                return new Choice(null, true, cannotBeFineTuned(catalog, declared.get())
                        + ", so no fine-tuned cost is computed: " + alternatives(catalog, declared.get()) + ".");
            }
            return new Choice(declared.get(), true, null);
        }
        if (ownModel == null) {
            return new Choice(null, false, "The workload's model is not in the price catalog, so no fine-tuned cost"
                    + " is computed.");
        }
        if (ownModel.fineTunable()) {
            return new Choice(ownModel, false, null);
        }
        return new Choice(null, false, cannotBeFineTuned(catalog, ownModel) + ", so there is no fine-tuned"
                + " alternative; declare fineTuning.baseModel to compare with a fine-tunable model"
                + suggestionTail(catalog, ownModel) + ".");
    }

    /**
     * Returns the base model a fix writes into a new {@code fineTuning} section: the declared one when given, else
     * the own model when fine-tunable, else the cheapest fine-tunable model of the same provider; empty when the
     * provider fine-tunes none (then the section leaves {@code baseModel} out and {@link #cannotBeFineTuned} says
     * why).
     */
    public static Optional<String> forScaffold(PriceCatalog catalog, ModelInfo ownModel, String declaredBase) {
        if (declaredBase != null && !declaredBase.isBlank()) {
            return Optional.of(declaredBase.strip());
        }
        if (ownModel == null) {
            return Optional.empty();
        }
        if (ownModel.fineTunable()) {
            return Optional.of(ownModel.id());
        }
        return cheapest(catalog, ownModel.provider()).map(ModelInfo::id);
    }

    /**
     * Returns the sentence that says a model cannot be fine-tuned: "o3 cannot be fine-tuned through OpenAI's API"
     * when its provider fine-tunes other models, "claude-sonnet-4.5 cannot be fine-tuned through Anthropic's API"
     * or the provider's own note when it fine-tunes none, and "acme has no fine-tuning prices in the price catalog"
     * for a provider the catalog does not describe. No final full stop.
     */
    public static String cannotBeFineTuned(PriceCatalog catalog, ModelInfo model) {
        ProviderInfo provider = catalog.provider(model.provider());
        if (provider.source() == null && provider.fineTuningNote() == null) {
            return model.id() + " has no fine-tuning prices in the price catalog";
        }
        if (!provider.fineTuningThroughApi() && provider.id().equals("google")) {
            return model.id() + " cannot be fine-tuned at a known price: " + provider.fineTuningNote();
        }
        return model.id() + " cannot be fine-tuned through " + provider.name() + "'s API";
    }

    /**
     * Returns up to {@link #CLOSEST} fine-tunable models of {@code model}'s provider, the closest in list price
     * first (the distance between the logarithms of input + output price, so that a model twice as dear is as far
     * as one half as dear); empty when the provider fine-tunes none. Ties keep catalog order.
     */
    public static List<ModelInfo> closest(PriceCatalog catalog, ModelInfo model) {
        double price = listPrice(model);
        return sameProvider(catalog, model.provider()).stream()
                .filter(candidate -> !candidate.id().equals(model.id()))
                .sorted(Comparator.comparingDouble(candidate -> Math.abs(
                        Math.log(listPrice(candidate)) - Math.log(price))))
                .limit(CLOSEST)
                .toList();
    }

    /**
     * Returns the cheapest fine-tunable model of {@code provider}: the lowest fine-tuned input + output price among
     * those trained on examples (supervised, or methods not recorded), else among all; empty when it fine-tunes none.
     */
    public static Optional<ModelInfo> cheapest(PriceCatalog catalog, String provider) {
        List<ModelInfo> candidates = sameProvider(catalog, provider);
        List<ModelInfo> supervised = candidates.stream().filter(model -> model.fineTuning().methods().isEmpty()
                || model.fineTuning().supports(ModelInfo.FineTuning.SUPERVISED)).toList();
        return (supervised.isEmpty() ? candidates : supervised).stream()
                .min(Comparator.comparingDouble(model -> model.fineTuning().input() + model.fineTuning().output()));
    }

    /**
     * Returns "the closest fine-tunable OpenAI models are gpt-4.1, o4-mini and gpt-4o" or "Anthropic's API offers
     * no fine-tuning of Claude models" (the provider's note), without a final full stop.
     */
    public static String alternatives(PriceCatalog catalog, ModelInfo model) {
        List<ModelInfo> closest = closest(catalog, model);
        ProviderInfo provider = catalog.provider(model.provider());
        if (closest.isEmpty()) {
            return provider.fineTuningNote() != null ? provider.fineTuningNote()
                    : "the catalog knows no fine-tunable " + provider.name() + " model";
        }
        return "the closest fine-tunable " + provider.name() + " models are " + listed(closest);
    }

    private static String suggestionTail(PriceCatalog catalog, ModelInfo model) {
        List<ModelInfo> closest = closest(catalog, model);
        return closest.isEmpty() ? "" : " (of " + catalog.provider(model.provider()).name() + "'s, the closest are "
                + listed(closest) + ")";
    }

    private static List<ModelInfo> sameProvider(PriceCatalog catalog, String provider) {
        return catalog.models().stream()
                .filter(model -> model.fineTunable() && model.provider().equalsIgnoreCase(provider))
                .toList();
    }

    private static double listPrice(ModelInfo model) {
        return Math.max(1e-9, model.input() + model.output());
    }

    private static String listed(List<ModelInfo> models) {
        List<String> ids = models.stream().map(ModelInfo::id).toList();
        if (ids.size() == 1) {
            return ids.get(0);
        }
        return String.join(", ", ids.subList(0, ids.size() - 1)) + " and " + ids.get(ids.size() - 1);
    }
}
