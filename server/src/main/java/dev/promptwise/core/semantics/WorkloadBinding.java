package dev.promptwise.core.semantics;

import dev.promptwise.core.strategy.Budget;
import dev.promptwise.core.strategy.ChangeFrequency;
import dev.promptwise.core.strategy.Located;
import dev.promptwise.core.strategy.OutputFormat;
import dev.promptwise.core.strategy.StrategyFile;
import dev.promptwise.core.strategy.Workload;

/**
 * Ties a prompt to the workload of a strategy file that references it: the prompt is then judged with that
 * workload's model, budget and traffic instead of the settings' defaults.
 *
 * @param strategyPath the strategy file's workspace-relative path
 * @param strategyText the strategy file's text, which fixes that edit it point into
 * @param strategy the parsed strategy file
 * @param workload the workload whose {@code prompt} is this file
 */
public record WorkloadBinding(String strategyPath, String strategyText, StrategyFile strategy, Workload workload) {

    /** Returns the workload's own model, or {@code null} when it names none. */
    public String modelId() {
        return Located.valueOf(workload.model());
    }

    /** Returns the strategy file's default model, or {@code null} when it names none. */
    public String defaultModelId() {
        return Located.valueOf(strategy.defaults().model());
    }

    /** Returns the workload's token budget, else the strategy's default one, or {@code null} when neither is set. */
    public Integer maxPromptTokens() {
        Double value = firstKnown(workload.budget(), strategy.defaults().budget(), true);
        return value == null ? null : (int) Math.round(value);
    }

    /** Returns the workload's monthly budget in USD, else the strategy's default, or {@code null}. */
    public Double maxMonthlyCost() {
        return firstKnown(workload.budget(), strategy.defaults().budget(), false);
    }

    /** Returns the workload's requests per day, or {@code null} when not given. */
    public Double requestsPerDay() {
        return Located.valueOf(workload.traffic().requestsPerDay());
    }

    /** Returns the workload's average variable input tokens per request, or 0 when not given. */
    public int avgInputTokens() {
        Double value = Located.valueOf(workload.traffic().avgInputTokens());
        return value == null ? 0 : (int) Math.round(value);
    }

    /** Returns the workload's average variable input tokens per request, or {@code null} when not given. */
    public Integer declaredAvgInputTokens() {
        Double value = Located.valueOf(workload.traffic().avgInputTokens());
        return value == null ? null : (int) Math.round(value);
    }

    /** Returns the workload's average output tokens per request, or {@code null} when not given. */
    public Integer avgOutputTokens() {
        Double value = Located.valueOf(workload.traffic().avgOutputTokens());
        return value == null ? null : (int) Math.round(value);
    }

    /** Returns the workload's average hidden reasoning tokens per request, or {@code null} when not given. */
    public Integer avgReasoningTokens() {
        Double value = Located.valueOf(workload.traffic().avgReasoningTokens());
        return value == null ? null : (int) Math.round(value);
    }

    /** Returns whether downstream systems parse the workload's output. */
    public boolean strictOutputFormat() {
        OutputFormat format = Located.valueOf(workload.task().outputFormat());
        return format != null && format.isStrict();
    }

    /** Returns how often the requirements change ({@code weekly}), or {@code null} when not given. */
    public String changeFrequency() {
        ChangeFrequency frequency = Located.valueOf(workload.requirements().changeFrequency());
        return frequency == null ? null : frequency.id();
    }

    /** Returns the labelled examples the team holds, or {@code null} when not given. */
    public Integer labeledExamples() {
        return Located.valueOf(workload.data().labeledExamples());
    }

    /** Returns the average tokens of one labelled example the workload declares, or {@code null}. */
    public Double avgExampleTokens() {
        return Located.valueOf(workload.data().avgExampleTokens());
    }

    /** Returns the fine-tuning base model the workload names, or {@code null}. */
    public String fineTuningBaseModel() {
        return Located.valueOf(workload.fineTuning().baseModel());
    }

    /** Returns the epochs the workload asks for, or {@code null} for the provider's default. */
    public Integer epochs() {
        return Located.valueOf(workload.fineTuning().epochs());
    }

    private static Double firstKnown(Budget own, Budget defaults, boolean tokens) {
        Double value = Located.valueOf(tokens ? own.maxPromptTokens() : own.maxMonthlyCost());
        if (value != null) {
            return value;
        }
        return Located.valueOf(tokens ? defaults.maxPromptTokens() : defaults.maxMonthlyCost());
    }
}
