package dev.promptwise.lsp;

import dev.promptwise.core.semantics.AnalyzedStrategy;
import dev.promptwise.core.semantics.StrategyDocument;
import dev.promptwise.core.semantics.WorkloadAnalysis;
import dev.promptwise.core.vocabulary.Cancellation;
import dev.promptwise.report.CostReport;
import dev.promptwise.report.CostReportPage;
import dev.promptwise.report.ReportFigures;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the answers of {@code promptwise.costReport} (the figures as data) and {@code promptwise.costReportHtml}
 * (the page that {@code promptwise report --html} writes, rendered by the same {@link CostReportPage}): every
 * workload of every strategy file priced now, fine-tuned and hybrid, and every prompt they reference or the editor
 * has open. The field names are a contract with clients; the VS Code extension shows the page.
 */
final class CostReports {

    /** Which prompts the report prices. */
    static final String PROMPT_SCOPE = "The prompts that the workloads reference and those open in the editor, each"
            + " priced at the traffic of the first workload that names it, else at promptwise.traffic.requestsPerDay.";

    /** The answer of {@code promptwise.costReport}. */
    record Data(String generatedAt, List<WorkloadRow> workloads, List<PromptRow> prompts) {}

    /** One workload's figures; {@code null} where unknown. */
    record WorkloadRow(String name, String strategyFile, String model, Double requestsPerDay, Double monthlyCostUsd,
            Double fineTunedMonthlyUsd, Double hybridMonthlyUsd, Double trainingCostUsd, Double breakEvenDays,
            String recommendedApproach, String declaredApproach, String fineTuningBaseModel, String fineTuningNote) {}

    /** One prompt's figures; {@code null} where unknown. */
    record PromptRow(String path, int tokens, Double costPerRequestUsd, Double monthlyCostUsd) {}

    /** The answer of {@code promptwise.costReportHtml}: one self-contained page, which allows no script. */
    record Page(String html) {}

    private CostReports() {}

    /** Returns the figures as data. */
    static Data data(DocumentAnalyzer analyzer, DocumentStore store, Cancellation cancellation) {
        CostReport report = build(analyzer, store, cancellation, false);
        return new Data(report.generatedAt(), report.workloads().stream().map(CostReports::row).toList(),
                report.prompts().stream().map(prompt -> new PromptRow(prompt.path(), prompt.tokens(),
                        prompt.costPerRequestUsd(), prompt.monthlyCostUsd())).toList());
    }

    /** Returns the page, with each workload's chart. */
    static Page page(DocumentAnalyzer analyzer, DocumentStore store, Cancellation cancellation) {
        return new Page(CostReportPage.render(build(analyzer, store, cancellation, true)));
    }

    private static CostReport build(DocumentAnalyzer analyzer, DocumentStore store, Cancellation cancellation,
            boolean charts) {
        WorkspaceIndex index = analyzer.index();
        List<CostReport.Workload> workloads = new ArrayList<>();
        Map<String, CostReport.Prompt> prompts = new LinkedHashMap<>();
        for (StrategyDocument document : analyzer.session().strategyFiles()) {
            cancellation.check();
            AnalyzedStrategy strategy = analyzer.facade().analyzeStrategy(document, analyzer.settings(),
                    index.files(), cancellation);
            for (WorkloadAnalysis workload : strategy.workloads().values()) {
                cancellation.check();
                workloads.add(ReportFigures.workload(document.path(), workload, charts));
                if (workload.prompt() != null) {
                    prompts.computeIfAbsent(workload.promptPath(),
                            path -> ReportFigures.prompt(workload.prompt().path(), workload.prompt()));
                }
            }
        }
        for (DocumentSnapshot document : store.all()) {
            cancellation.check();
            analyzer.prompt(document).ifPresent(prompt -> prompts.computeIfAbsent(prompt.path(),
                    path -> ReportFigures.prompt(path, prompt)));
        }
        return new CostReport(Instant.now().toString(), workloads, new ArrayList<>(prompts.values()), PROMPT_SCOPE);
    }

    private static WorkloadRow row(CostReport.Workload workload) {
        return new WorkloadRow(workload.name(), workload.strategyFile(), workload.model(), workload.requestsPerDay(),
                workload.monthlyCostUsd(), workload.fineTunedMonthlyUsd(), workload.hybridMonthlyUsd(),
                workload.trainingCostUsd(), workload.breakEvenDays(), workload.recommendedApproach(),
                workload.declaredApproach(), workload.fineTuningBaseModel(), workload.fineTuningNote());
    }
}
