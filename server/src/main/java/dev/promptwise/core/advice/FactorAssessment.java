package dev.promptwise.core.advice;

/**
 * One factor's verdict for one workload.
 *
 * @param factor the factor
 * @param vote which way it leans
 * @param weight how strongly, 0 for no lean; comparable across factors
 * @param reason one sentence built from the workload's facts, with their figures
 * @param known whether the workload gave the facts this factor needs; an unknown factor votes neutral
 */
public record FactorAssessment(Factor factor, Vote vote, double weight, String reason, boolean known) {

    /** Returns the weight signed towards fine-tuning: positive for fine-tuning, negative for prompt engineering. */
    public double signedWeight() {
        return switch (vote) {
            case FINE_TUNING -> weight;
            case PROMPT_ENGINEERING -> -weight;
            case NEUTRAL -> 0;
        };
    }
}
