package dev.promptwise.report;

import dev.promptwise.core.cost.CostFigures;
import dev.promptwise.core.cost.CostMessages;
import dev.promptwise.core.cost.CostModel;
import dev.promptwise.core.cost.FineTunedCost;
import dev.promptwise.core.cost.Traffic;
import dev.promptwise.core.cost.WorkloadCost;
import dev.promptwise.core.semantics.AnalyzedPrompt;
import dev.promptwise.core.semantics.WorkloadAnalysis;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Takes the cost report's figures from the core's analyses, so that the command line and the language server report
 * the same numbers: the only class of this package that reads the core's analysis types.
 */
public final class ReportFigures {

    /** The chart prices this many intervals between no traffic and its right edge. */
    static final int CHART_STEPS = 24;

    private ReportFigures() {}

    /**
     * Returns one workload's figures.
     *
     * @param strategyFile the path of its strategy file, as the edge shows paths
     * @param chart whether to price the workload at the chart's volumes too (25 more prices and a break-even
     *     search), which only the page needs
     */
    public static CostReport.Workload workload(String strategyFile, WorkloadAnalysis analysis, boolean chart) {
        WorkloadCost cost = analysis.cost();
        Optional<CostFigures> now = cost == null ? Optional.empty() : cost.now();
        Optional<FineTunedCost> fineTuned = cost == null ? Optional.empty() : cost.fineTuned();
        Optional<FineTunedCost> hybrid = cost == null ? Optional.empty() : cost.hybrid();
        List<CostReport.Point> curve = new ArrayList<>();
        Double breakEven = chart ? curve(analysis.prompt(), curve) : null;
        return new CostReport.Workload(analysis.workload().name(), strategyFile,
                analysis.prompt() == null ? null : analysis.prompt().modelId(),
                now.map(CostFigures::requestsPerDay).orElse(null),
                now.map(CostFigures::costPerMonth).orElse(null),
                fineTuned.map(ft -> boxed(ft.costPerMonth())).orElse(null),
                hybrid.map(ft -> boxed(ft.costPerMonth())).orElse(null),
                fineTuned.map(ft -> boxed(ft.trainingCost())).orElse(null),
                // Fine-tuning's own payback: the shorter prompt's saving against the base model as it is, so that a
                // saving that comes only from moving to a cheaper model is never shown as fine-tuning paying back.
                fineTuned.map(ft -> boxed(ft.promptBreakEvenDays())).orElse(null),
                fineTuned.map(ft -> boxed(ft.savingFromPrompt())).orElse(null),
                analysis.recommendation().approach().id(),
                analysis.recommendation().label(),
                analysis.recommendation().rationale(),
                analysis.workload().declaredApproach() == null ? null : analysis.workload().declaredApproach().id(),
                curve, breakEven,
                now.map(CostFigures::estimated).orElse(false) || fineTuned.map(FineTunedCost::estimated).orElse(false),
                fineTuned.map(FineTunedCost::trainingPriceUnconfirmed).orElse(false),
                fineTuned.map(FineTunedCost::retrainingUnconfirmed).orElse(false),
                fineTuned.map(FineTunedCost::baseModelId).orElse(null),
                fineTuningNote(analysis.prompt(), fineTuned),
                now.map(CostFigures::isLowerBound).orElse(false),
                analysis.prompt() == null ? List.of() : analysis.prompt().missingInputs());
    }

    /**
     * Returns the sentence of the report on the fine-tuned alternative: its monthly saving split into the shorter
     * prompt's part and a different model's part, or why there is none; {@code null} when there is nothing to say.
     */
    static String fineTuningNote(AnalyzedPrompt prompt, Optional<FineTunedCost> fineTuned) {
        if (fineTuned.isEmpty()) {
            return prompt == null || prompt.model() == null ? null : prompt.fineTuningBase().reason();
        }
        return CostMessages.savingSentence(fineTuned.get());
    }

    /**
     * Returns what one request with {@code prompt} costs, and a month of them: the cost model's figures at the
     * prompt's traffic when it has some, else the price of its input alone.
     *
     * @param path the prompt's path, as the edge shows paths
     */
    public static CostReport.Prompt prompt(String path, AnalyzedPrompt prompt) {
        Optional<CostFigures> now = prompt.cost().flatMap(WorkloadCost::now);
        return new CostReport.Prompt(path, prompt.modelId(), prompt.totalTokens(), prompt.totalEstimated(),
                now.map(CostFigures::costPerRequest).orElse(prompt.inputCostPerRequest()),
                now.map(CostFigures::costPerMonth).orElse(prompt.inputCostPerMonth()), now.isEmpty(),
                now.map(CostFigures::isLowerBound).orElse(!prompt.attachments().unpriced().isEmpty()));
    }

    /**
     * Prices the prompt at volumes from none to twice the larger of its traffic and its break-even into
     * {@code curve}, and returns the break-even volume of fine-tuning; adds nothing when the prompt, its model's
     * prices or its traffic are unknown.
     */
    private static Double curve(AnalyzedPrompt prompt, List<CostReport.Point> curve) {
        Traffic traffic = prompt == null ? null : prompt.traffic();
        if (prompt == null || prompt.model() == null || traffic == null || !traffic.isUsable()) {
            return null;
        }
        OptionalDouble even = CostModel.breakEvenRequestsPerDay(prompt.model(), prompt.costInput(), traffic,
                prompt.fineTuningPlan(), CostModel.Alternative.FINE_TUNED);
        Double breakEven = even.isPresent() ? even.getAsDouble() : null;
        double top = Math.max(traffic.requestsPerDay(), breakEven == null ? 0 : breakEven) * 2;
        top = top > 0 ? top : 1000;
        for (int i = 0; i <= CHART_STEPS; i++) {
            double perDay = top * i / CHART_STEPS;
            WorkloadCost at = CostModel.price(prompt.model(), prompt.costInput(),
                    traffic.atVolume(perDay), prompt.fineTuningPlan());
            curve.add(new CostReport.Point(perDay,
                    at.now().map(CostFigures::costPerMonth).orElse(Double.NaN),
                    at.fineTuned().map(ft -> ft.costPerMonth().orElse(Double.NaN)).orElse(Double.NaN),
                    at.hybrid().map(ft -> ft.costPerMonth().orElse(Double.NaN)).orElse(Double.NaN)));
        }
        return breakEven;
    }

    private static Double boxed(OptionalDouble value) {
        return value.isPresent() ? value.getAsDouble() : null;
    }
}
