package dev.promptwise.core.advice;

/**
 * What the cost model says about a workload at its traffic, the input of the factor "cost at scale".
 *
 * @param promptOnlyMonthlyUsd the monthly cost of the prompt as it is, in USD
 * @param fineTunedMonthlyUsd the monthly cost with a fine-tuned model and the shortened prompt, retraining
 *     amortised, in USD
 * @param trainingCostUsd the one-off cost of training, in USD
 * @param breakEvenDays the days until the saving pays the training back, or {@code null} when it never does
 * @param estimated whether the figures are built on an estimated token count (written with {@code ≈})
 * @param trainingPriceUnconfirmed whether the training price is unconfirmed (flagged where it is quoted)
 * @param baseModelId the model that would be fine-tuned, or {@code null} when not said
 * @param modelSwitchMonthlyUsd the monthly cost of the prompt as it is on the base model at its ordinary prices
 *     (a model switch without training); equal to {@code promptOnlyMonthlyUsd} when the base model is the
 *     workload's own
 * @param retrainingUnconfirmed whether the fine-tuned monthly figure (and so every saving built on it) includes
 *     retraining at an unconfirmed training price, so that it is flagged where it is quoted
 */
public record CostOutlook(
        double promptOnlyMonthlyUsd,
        double fineTunedMonthlyUsd,
        double trainingCostUsd,
        Double breakEvenDays,
        boolean estimated,
        boolean trainingPriceUnconfirmed,
        String baseModelId,
        double modelSwitchMonthlyUsd,
        boolean retrainingUnconfirmed) {

    /**
     * An outlook whose fine-tuned monthly figure is taken to include retraining: flagged whenever the training price
     * is unconfirmed.
     */
    public CostOutlook(double promptOnlyMonthlyUsd, double fineTunedMonthlyUsd, double trainingCostUsd,
            Double breakEvenDays, boolean estimated, boolean trainingPriceUnconfirmed, String baseModelId,
            double modelSwitchMonthlyUsd) {
        this(promptOnlyMonthlyUsd, fineTunedMonthlyUsd, trainingCostUsd, breakEvenDays, estimated,
                trainingPriceUnconfirmed, baseModelId, modelSwitchMonthlyUsd, trainingPriceUnconfirmed);
    }

    /** An outlook on exact counts and a confirmed training price, on the workload's own model. */
    public CostOutlook(double promptOnlyMonthlyUsd, double fineTunedMonthlyUsd, double trainingCostUsd,
            Double breakEvenDays) {
        this(promptOnlyMonthlyUsd, fineTunedMonthlyUsd, trainingCostUsd, breakEvenDays, false, false);
    }

    /** An outlook whose base model is the workload's own: no part of the saving comes from another model. */
    public CostOutlook(double promptOnlyMonthlyUsd, double fineTunedMonthlyUsd, double trainingCostUsd,
            Double breakEvenDays, boolean estimated, boolean trainingPriceUnconfirmed) {
        this(promptOnlyMonthlyUsd, fineTunedMonthlyUsd, trainingCostUsd, breakEvenDays, estimated,
                trainingPriceUnconfirmed, null, promptOnlyMonthlyUsd);
    }

    /** An outlook on exact counts and a confirmed training price. */
    public CostOutlook(double promptOnlyMonthlyUsd, double fineTunedMonthlyUsd, double trainingCostUsd,
            Double breakEvenDays, String baseModelId, double modelSwitchMonthlyUsd) {
        this(promptOnlyMonthlyUsd, fineTunedMonthlyUsd, trainingCostUsd, breakEvenDays, false, false, baseModelId,
                modelSwitchMonthlyUsd);
    }

    /** Returns how much fine-tuning saves a month; negative when it costs more. */
    public double monthlySavingUsd() {
        return promptOnlyMonthlyUsd - fineTunedMonthlyUsd;
    }

    /**
     * Returns the part of {@link #monthlySavingUsd()} that comes from the shorter prompt on the fine-tuned model:
     * the model switch minus the fine-tuned figure; negative when fine-tuning costs more than switching alone.
     */
    public double savingFromPromptUsd() {
        return modelSwitchMonthlyUsd - fineTunedMonthlyUsd;
    }

    /** Returns the part of {@link #monthlySavingUsd()} that comes from moving to another model; 0 on the own model. */
    public double savingFromModelUsd() {
        return promptOnlyMonthlyUsd - modelSwitchMonthlyUsd;
    }
}
