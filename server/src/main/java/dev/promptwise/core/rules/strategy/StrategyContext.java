package dev.promptwise.core.rules.strategy;

import dev.promptwise.core.advice.CostOutlook;
import dev.promptwise.core.catalog.PriceCatalog;
import dev.promptwise.core.config.Settings;
import dev.promptwise.core.config.Severity;
import dev.promptwise.core.cost.WorkloadCost;
import dev.promptwise.core.strategy.StrategyFile;
import dev.promptwise.core.strategy.StrategyMemo;
import dev.promptwise.core.strategy.Workload;
import dev.promptwise.core.strategy.WorkspaceFiles;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Everything the strategy rules read: the parsed file, where it is, the settings, and the outside knowledge they
 * need passed in as functions (the catalog, the workspace's files, the cost model), so that the rules stay pure.
 *
 * @param strategy the parsed strategy file
 * @param strategyPath the strategy file's workspace-relative path ({@code promptwise.yaml})
 * @param settings the user's settings (rule severities)
 * @param knownModel whether the catalog prices a model id (the strategy's own {@code models} are checked apart)
 * @param modelSuggestions catalog ids close to an unknown id, closest first
 * @param files the workspace's files
 * @param costOutlook the cost model's outlook of a workload, or {@code null} for a workload it cannot price
 * @param workloadCost the cost model's full figures of a workload, or {@code null} for a workload it cannot price
 * @param memo the analysis host's memo of strategy files (its schema, its resolved paths): rules keep no state
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
        StrategyMemo memo) {

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
                catalog::suggestions, files, workload -> null);
    }

    /** Returns the severity of {@code rule} after settings. */
    public Severity severity(StrategyRule rule) {
        return settings.severity(rule.id(), rule.defaultSeverity());
    }

    /** Returns the severity the user set for {@code ruleId}, or {@code fallback}. */
    public Severity severity(String ruleId, Severity fallback) {
        return settings.severity(ruleId, fallback);
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
