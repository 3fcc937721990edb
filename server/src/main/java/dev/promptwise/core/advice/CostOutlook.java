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
 */
public record CostOutlook(
        double promptOnlyMonthlyUsd, double fineTunedMonthlyUsd, double trainingCostUsd, Double breakEvenDays,
        boolean estimated, boolean trainingPriceUnconfirmed) {

    /** An outlook on exact counts and a confirmed training price. */
    public CostOutlook(double promptOnlyMonthlyUsd, double fineTunedMonthlyUsd, double trainingCostUsd,
            Double breakEvenDays) {
        this(promptOnlyMonthlyUsd, fineTunedMonthlyUsd, trainingCostUsd, breakEvenDays, false, false);
    }

    /** Returns how much fine-tuning saves a month; negative when it costs more. */
    public double monthlySavingUsd() {
        return promptOnlyMonthlyUsd - fineTunedMonthlyUsd;
    }
}
