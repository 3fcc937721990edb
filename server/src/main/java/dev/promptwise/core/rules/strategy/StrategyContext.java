package dev.promptwise.core.rules.strategy;

import dev.promptwise.core.actions.Suppressions;
import dev.promptwise.core.advice.CostOutlook;
import dev.promptwise.core.catalog.ModelSuggestion;
import dev.promptwise.core.catalog.PriceCatalog;
import dev.promptwise.core.config.Settings;
import dev.promptwise.core.cost.WorkloadCost;
import dev.promptwise.core.rules.RuleContext;
import dev.promptwise.core.strategy.StrategyFile;
import dev.promptwise.core.strategy.StrategyMemo;
import dev.promptwise.core.strategy.Workload;
import dev.promptwise.core.strategy.WorkspaceFiles;
import dev.promptwise.core.vocabulary.Fix;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Everything the strategy rules read: the parsed file, where it is, the settings, and the outside knowledge they
 * need passed in as functions (the catalog, the workspace's files, the cost model), so that the rules stay pure.
 *
 * @param strategy the parsed strategy file
 * @param strategyPath the strategy file's workspace-relative path ({@code promptwise.yaml})
 * @param settings the user's settings (rule severities, applied by the runner)
 * @param knownModel whether the catalog prices a model id (the strategy's own {@code models} are checked apart)
 * @param modelSuggestions catalog ids close to an unknown id, closest first
 * @param files the workspace's files
 * @param costOutlook the cost model's outlook of a workload, or {@code null} for a workload it cannot price
 * @param workloadCost the cost model's full figures of a workload, or {@code null} for a workload it cannot price
 * @param memo the analysis host's memo of strategy files (its schema, its resolved paths): rules keep no state
 * @param rankedModelSuggestions the catalog models to offer in place of an unknown id, best first, each saying
 *     whether it differs in tokenizer or price class; by default {@code modelSuggestions} without such facts
 * @param catalog the price catalog the workloads are priced with (the bundled one plus the file's {@code models}),
 *     for what rules must know of a model beyond its being known: whether and how it can be fine-tuned
 */
public record StrategyContext(
        StrategyFile strategy,
        String strategyPath,
        Settings settings,
        Predicate<String> knownModel,
        Function<String, List<String>> modelSuggestions,
        WorkspaceFiles files,
        Function<Workload, CostOutlook> costOutlook,
        Function<Workload, WorkloadCost> workloadCost,
        StrategyMemo memo,
        Function<String, List<ModelSuggestion>> rankedModelSuggestions,
        PriceCatalog catalog) implements RuleContext {

    /** Returns a context whose suggestions carry no tokenizer or price facts, with the bundled catalog's facts. */
    public StrategyContext(StrategyFile strategy, String strategyPath, Settings settings, Predicate<String> knownModel,
            Function<String, List<String>> modelSuggestions, WorkspaceFiles files,
            Function<Workload, CostOutlook> costOutlook, Function<Workload, WorkloadCost> workloadCost,
            StrategyMemo memo) {
        this(strategy, strategyPath, settings, knownModel, modelSuggestions, files, costOutlook, workloadCost, memo,
                id -> modelSuggestions.apply(id).stream().map(ModelSuggestion::plain).toList(), PriceCatalog.bundled());
    }

    /** Returns a context whose model facts come from {@code catalog}. */
    public StrategyContext(StrategyFile strategy, String strategyPath, Settings settings, Predicate<String> knownModel,
            Function<String, List<String>> modelSuggestions, WorkspaceFiles files,
            Function<Workload, CostOutlook> costOutlook, Function<Workload, WorkloadCost> workloadCost,
            StrategyMemo memo, PriceCatalog catalog) {
        this(strategy, strategyPath, settings, knownModel, modelSuggestions, files, costOutlook, workloadCost, memo,
                catalog::rankedSuggestions, catalog);
    }

    /** Returns a context whose suggestions are ranked by {@code rankedModelSuggestions}, with the bundled catalog. */
    public StrategyContext(StrategyFile strategy, String strategyPath, Settings settings, Predicate<String> knownModel,
            Function<String, List<String>> modelSuggestions, WorkspaceFiles files,
            Function<Workload, CostOutlook> costOutlook, Function<Workload, WorkloadCost> workloadCost,
            StrategyMemo memo, Function<String, List<ModelSuggestion>> rankedModelSuggestions) {
        this(strategy, strategyPath, settings, knownModel, modelSuggestions, files, costOutlook, workloadCost, memo,
                rankedModelSuggestions, PriceCatalog.bundled());
    }

    /** Returns a context with a memo of its own. */
    public StrategyContext(StrategyFile strategy, String strategyPath, Settings settings, Predicate<String> knownModel,
            Function<String, List<String>> modelSuggestions, WorkspaceFiles files,
            Function<Workload, CostOutlook> costOutlook, Function<Workload, WorkloadCost> workloadCost) {
        this(strategy, strategyPath, settings, knownModel, modelSuggestions, files, costOutlook, workloadCost,
                new StrategyMemo());
    }

    /** Returns a context that knows outlooks but no full cost figures (the cost rules then stay silent). */
    public StrategyContext(StrategyFile strategy, String strategyPath, Settings settings, Predicate<String> knownModel,
            Function<String, List<String>> modelSuggestions, WorkspaceFiles files,
            Function<Workload, CostOutlook> costOutlook) {
        this(strategy, strategyPath, settings, knownModel, modelSuggestions, files, costOutlook, workload -> null);
    }

    /** Returns a context whose model knowledge comes from {@code catalog} and which knows no costs. */
    public static StrategyContext of(StrategyFile strategy, String strategyPath, Settings settings,
            PriceCatalog catalog, WorkspaceFiles files) {
        return new StrategyContext(strategy, strategyPath, settings, id -> catalog.resolve(id).isPresent(),
                catalog::suggestions, files, workload -> null, workload -> null, new StrategyMemo(),
                catalog::rankedSuggestions, catalog);
    }

    @Override
    public String path() {
        return strategyPath;
    }

    /** Returns {@code true}: a strategy file's fixes are small edits, cheap enough to build on every run. */
    @Override
    public boolean wantsFixes() {
        return true;
    }

    /** Returns the rules the {@code # promptwise-disable} comments at the top of the strategy file switch off. */
    @Override
    public Set<String> disabledRules() {
        return Suppressions.findInStrategy(strategy.text());
    }

    @Override
    public Optional<Fix> disableFix(String ruleId) {
        return Suppressions.disableInStrategy(strategy.text(), ruleId);
    }

    /** Returns the cost model's figures of a workload, or {@code null} when none are known. */
    public WorkloadCost costFigures(Workload workload) {
        return workloadCost == null ? null : workloadCost.apply(workload);
    }

    /** Returns the cost outlook of a workload, or {@code null} when none is known. */
    public CostOutlook costOf(Workload workload) {
        return costOutlook == null ? null : costOutlook.apply(workload);
    }
}
