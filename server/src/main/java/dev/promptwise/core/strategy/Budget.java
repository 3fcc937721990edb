package dev.promptwise.core.strategy;

import dev.promptwise.core.text.TextRange;

/**
 * A budget, under {@code defaults} or a workload; facts are {@code null} when absent.
 *
 * @param keyRange the range of the {@code budget} key, or {@code null} when the section is absent
 * @param maxPromptTokens the most tokens a prompt may take
 * @param maxMonthlyCost the most the workload may cost a month, in USD
 */
public record Budget(TextRange keyRange, Located<Double> maxPromptTokens, Located<Double> maxMonthlyCost) {

    public static final Budget ABSENT = new Budget(null, null, null);
}
