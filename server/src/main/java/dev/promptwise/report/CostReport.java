package dev.promptwise.report;

import java.util.List;

/**
 * The figures of the cost report, as both edges show them: every workload priced now, fine-tuned and hybrid with
 * its cost curve, and every prompt priced per request and per month. An edge builds it with {@link ReportFigures}
 * from the analyses it holds and {@link CostReportPage} renders it; a figure that is not known is {@code null}.
 *
 * @param generatedAt when the figures were computed, an ISO-8601 instant
 * @param workloads the workloads of every strategy file, in file order
 * @param prompts the prompts priced on their own, each once
 * @param promptScope one sentence saying which prompts {@code prompts} holds, since each edge knows a different set
 */
public record CostReport(String generatedAt, List<Workload> workloads, List<Prompt> prompts, String promptScope) {

    public CostReport {
        workloads = List.copyOf(workloads);
        prompts = List.copyOf(prompts);
    }

    /**
     * One workload's figures.
     *
     * @param name the workload's name
     * @param strategyFile the path of the strategy file that describes it, as the edge shows paths
     * @param model the model its prompt is priced at, or {@code null} when there is no prompt
     * @param requestsPerDay the traffic the figures assume
     * @param monthlyCostUsd the prompt as written, per month
     * @param fineTunedMonthlyUsd a fine-tuned model, serving and retraining, per month
     * @param hybridMonthlyUsd the hybrid, serving and retraining, per month
     * @param trainingCostUsd one training run of the fine-tuned model
     * @param breakEvenDays the days until the shorter prompt's saving pays back the training
     *     ({@code FineTunedCost.promptBreakEvenDays}): a saving that comes from moving to a cheaper base model is not
     *     counted, it needs no training
     * @param fineTunedMonthlySavingUsd the shorter prompt's part of the fine-tuning saving: the prompt as written on
     *     the base model at its ordinary prices minus the fine-tuned figure (the whole saving when the base model is
     *     the workload's own); not positive when fine-tuning never pays back
     * @param recommendedApproach the recommended approach's id ({@code fine-tuning})
     * @param recommendation the recommendation as users write it, with the hybrid pattern when there is one
     * @param rationale the sentence that says why
     * @param declaredApproach the approach the strategy file declares, or {@code null}
     * @param curve the monthly cost of each approach at volumes from none to past the workload's own and its
     *     break-even; empty when the prompt, its model's prices or the traffic are unknown, or when the edge asked
     *     for no chart
     * @param breakEvenRequestsPerDay the volume above which fine-tuning is the cheaper, when there is one
     * @param estimated whether the money figures are built on an estimated token count (written with ≈)
     * @param trainingPriceUnconfirmed whether the training cost rests on a price the catalog marks unconfirmed
     * @param retrainingUnconfirmed whether the fine-tuned and hybrid monthly figures include retraining at that
     *     unconfirmed price
     * @param fineTuningBaseModel the model the fine-tuned and hybrid figures are priced on, or {@code null} when
     *     there is no possible base model (then those figures are {@code null} too)
     * @param fineTuningNote the sentence that splits the fine-tuning saving into the shorter prompt's part and a
     *     different model's part, or says why there is no fine-tuned alternative; {@code null} when nothing is known
     * @param lowerBound whether the prompt-only figure leaves out inputs sent with each request that cannot be priced
     *     (an image or file whose size is unknown), so that it is at least that
     * @param missingInputs what the figures could not take into account, in {@code missingInputs}' words (the
     *     command line's JSON): unpriced inputs, traffic figures not given
     */
    public record Workload(String name, String strategyFile, String model, Double requestsPerDay,
            Double monthlyCostUsd, Double fineTunedMonthlyUsd, Double hybridMonthlyUsd, Double trainingCostUsd,
            Double breakEvenDays, Double fineTunedMonthlySavingUsd, String recommendedApproach,
            String recommendation, String rationale, String declaredApproach, List<Point> curve,
            Double breakEvenRequestsPerDay, boolean estimated, boolean trainingPriceUnconfirmed,
            boolean retrainingUnconfirmed, String fineTuningBaseModel, String fineTuningNote, boolean lowerBound,
            List<String> missingInputs) {

        public Workload {
            curve = List.copyOf(curve);
            missingInputs = List.copyOf(missingInputs);
        }

        /** A workload whose figures leave nothing out. */
        public Workload(String name, String strategyFile, String model, Double requestsPerDay,
                Double monthlyCostUsd, Double fineTunedMonthlyUsd, Double hybridMonthlyUsd, Double trainingCostUsd,
                Double breakEvenDays, Double fineTunedMonthlySavingUsd, String recommendedApproach,
                String recommendation, String rationale, String declaredApproach, List<Point> curve,
                Double breakEvenRequestsPerDay, boolean estimated, boolean trainingPriceUnconfirmed,
                boolean retrainingUnconfirmed, String fineTuningBaseModel, String fineTuningNote) {
            this(name, strategyFile, model, requestsPerDay, monthlyCostUsd, fineTunedMonthlyUsd, hybridMonthlyUsd,
                    trainingCostUsd, breakEvenDays, fineTunedMonthlySavingUsd, recommendedApproach, recommendation,
                    rationale, declaredApproach, curve, breakEvenRequestsPerDay, estimated, trainingPriceUnconfirmed,
                    retrainingUnconfirmed, fineTuningBaseModel, fineTuningNote, false, List.of());
        }

        /** A workload whose figures rest on exact counts and confirmed prices, without a named base model. */
        public Workload(String name, String strategyFile, String model, Double requestsPerDay,
                Double monthlyCostUsd, Double fineTunedMonthlyUsd, Double hybridMonthlyUsd, Double trainingCostUsd,
                Double breakEvenDays, Double fineTunedMonthlySavingUsd, String recommendedApproach,
                String recommendation, String rationale, String declaredApproach, List<Point> curve,
                Double breakEvenRequestsPerDay) {
            this(name, strategyFile, model, requestsPerDay, monthlyCostUsd, fineTunedMonthlyUsd, hybridMonthlyUsd,
                    trainingCostUsd, breakEvenDays, fineTunedMonthlySavingUsd, recommendedApproach, recommendation,
                    rationale, declaredApproach, curve, breakEvenRequestsPerDay, false, false, false, null, null);
        }
    }

    /** Monthly cost at one volume for each approach; NaN where unknown. */
    public record Point(double requestsPerDay, double promptOnly, double fineTuned, double hybrid) {}

    /**
     * One prompt's figures.
     *
     * @param path the prompt's path, as the edge shows paths
     * @param model the model it is priced at
     * @param tokens its tokens
     * @param estimated whether the count comes from another model's tokenizer
     * @param costPerRequestUsd one request, or {@code null} when the model's price is unknown
     * @param monthlyCostUsd a month of requests, or {@code null} when the traffic or the price is unknown
     * @param inputOnly whether the figures price the prompt's input alone (no traffic is known, so no output or
     *     variable input is counted)
     * @param lowerBound whether they leave out inputs that cannot be priced, so that they are at least that
     */
    public record Prompt(String path, String model, int tokens, boolean estimated, Double costPerRequestUsd,
            Double monthlyCostUsd, boolean inputOnly, boolean lowerBound) {

        /** A prompt priced at its traffic, leaving nothing out. */
        public Prompt(String path, String model, int tokens, boolean estimated, Double costPerRequestUsd,
                Double monthlyCostUsd) {
            this(path, model, tokens, estimated, costPerRequestUsd, monthlyCostUsd, false, false);
        }
    }
}
