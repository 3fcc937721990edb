package dev.promptwise.lsp;

import dev.promptwise.core.cost.CostFigures;
import dev.promptwise.core.cost.FineTunedCost;
import dev.promptwise.core.semantics.AnalyzedPrompt;
import dev.promptwise.core.semantics.AnalyzedStrategy;
import dev.promptwise.core.semantics.StrategyDocument;
import dev.promptwise.core.semantics.WorkloadAnalysis;
import dev.promptwise.core.vocabulary.Cancellation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Builds the answer of {@code promptwise.costReport}: every workload of every strategy file priced now, fine-tuned
 * and hybrid, and every prompt they reference or the editor has open. The field names are a contract with the VS
 * Code extension's report view.
 */
final class CostReports {

    /** The report. */
    record CostReport(String generatedAt, List<WorkloadRow> workloads, List<PromptRow> prompts) {}

    /** One workload's figures; {@code null} where unknown. */
    record WorkloadRow(String name, String strategyFile, String model, Double requestsPerDay, Double monthlyCostUsd,
            Double fineTunedMonthlyUsd, Double hybridMonthlyUsd, Double trainingCostUsd, Double breakEvenDays,
            String recommendedApproach, String declaredApproach) {}

    /** One prompt's figures; {@code null} where unknown. */
    record PromptRow(String path, int tokens, Double costPerRequestUsd, Double monthlyCostUsd) {}

    private CostReports() {}

    static CostReport build(DocumentAnalyzer analyzer, DocumentStore store, Cancellation cancellation) {
        WorkspaceIndex index = analyzer.index();
        List<WorkloadRow> workloads = new ArrayList<>();
        Map<String, PromptRow> prompts = new LinkedHashMap<>();
        for (StrategyDocument document : analyzer.session().strategyFiles()) {
            cancellation.check();
            AnalyzedStrategy strategy = analyzer.facade().analyzeStrategy(document, analyzer.settings(),
                    index.files(), cancellation);
            for (WorkloadAnalysis workload : strategy.workloads().values()) {
                workloads.add(row(document.path(), workload));
                if (workload.prompt() != null) {
                    prompts.putIfAbsent(workload.promptPath(), row(workload.prompt().path(), workload.prompt()));
                }
            }
        }
        for (DocumentSnapshot document : store.all()) {
            cancellation.check();
            analyzer.prompt(document).ifPresent(prompt -> prompts.putIfAbsent(prompt.path(), row(prompt.path(), prompt)));
        }
        return new CostReport(Instant.now().toString(), workloads, new ArrayList<>(prompts.values()));
    }

    private static WorkloadRow row(String strategyFile, WorkloadAnalysis analysis) {
        Optional<CostFigures> now = analysis.cost() == null ? Optional.empty() : analysis.cost().now();
        Optional<FineTunedCost> fineTuned = analysis.cost() == null ? Optional.empty() : analysis.cost().fineTuned();
        Optional<FineTunedCost> hybrid = analysis.cost() == null ? Optional.empty() : analysis.cost().hybrid();
        return new WorkloadRow(analysis.workload().name(), strategyFile,
                analysis.prompt() == null ? null : analysis.prompt().modelId(),
                now.map(CostFigures::requestsPerDay).orElse(null),
                now.map(CostFigures::costPerMonth).orElse(null),
                fineTuned.flatMap(ft -> boxed(ft.costPerMonth())).orElse(null),
                hybrid.flatMap(ft -> boxed(ft.costPerMonth())).orElse(null),
                fineTuned.flatMap(ft -> boxed(ft.trainingCost())).orElse(null),
                fineTuned.flatMap(ft -> boxed(ft.breakEvenDays())).orElse(null),
                analysis.recommendation().approach().id(),
                analysis.workload().declaredApproach() == null ? null : analysis.workload().declaredApproach().id());
    }

    private static PromptRow row(String path, AnalyzedPrompt prompt) {
        DocumentCostResult cost = DocumentCosts.of(prompt);
        return new PromptRow(path, cost.getTokens(), cost.getCostPerRequestUsd(), cost.getMonthlyCostUsd());
    }

    private static Optional<Double> boxed(OptionalDouble value) {
        return value.isPresent() ? Optional.of(value.getAsDouble()) : Optional.empty();
    }
}
