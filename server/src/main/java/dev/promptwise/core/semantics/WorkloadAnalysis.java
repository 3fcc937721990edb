package dev.promptwise.core.semantics;

import dev.promptwise.core.advice.CostOutlook;
import dev.promptwise.core.advice.Recommendation;
import dev.promptwise.core.cost.WorkloadCost;
import dev.promptwise.core.strategy.Workload;

/**
 * One workload of a strategy file with what Promptwise knows of it: its prompt analysed with the workload's facts,
 * its cost at scale, and the recommendation.
 *
 * @param workload the workload as written
 * @param promptPath the workspace-relative path its {@code prompt} resolves to, or {@code null} when it names none
 *     or the path leaves the workspace
 * @param prompt the prompt analysed with this workload's model, budget and traffic, or {@code null} when it could
 *     not be read or is not a prompt file; its binding carries the workload and the file's defaults but not the
 *     file's text and tree (the analysis is reused by later versions of the file)
 * @param cost the cost model's figures, or {@code null} when the prompt or the model's prices are unknown
 * @param outlook the summary the decision engine weighs, or {@code null} when the cost is unknown
 * @param recommendation the decision engine's advice with every factor's vote
 */
public record WorkloadAnalysis(Workload workload, String promptPath, AnalyzedPrompt prompt, WorkloadCost cost,
        CostOutlook outlook, Recommendation recommendation) {}
