package dev.promptwise.core.advice;

import java.util.List;

/**
 * The factors of the decision framework (DESIGN section 1, docs/decision-framework.md), in the order they are shown.
 * Each knows the strategy keys that feed it, so that a hover on a key can show its factor's vote.
 */
public enum Factor {
    TASK_SPECIFICITY("task-specificity", "task specificity", 1.0, List.of("task.domain", "task.complexity")),
    REQUEST_VOLUME("request-volume", "request volume", 1.0, List.of("traffic.requestsPerDay")),
    DATA("data", "data", 1.0, List.of("data.labeledExamples", "data.proprietary")),
    CHANGE_RATE("change-rate", "change rate", 1.0,
            List.of("requirements.changeFrequency", "requirements.variability")),
    OUTPUT_CONSISTENCY("output-consistency", "output consistency", 0.6, List.of("task.outputFormat")),
    ACCURACY("accuracy", "accuracy", 0.8, List.of("task.accuracyTarget", "task.currentAccuracy")),
    TEAM_AND_TIMELINE("team-and-timeline", "team and timeline", 0.8, List.of("team.mlExpertise", "team.timelineWeeks")),
    COST_AT_SCALE("cost-at-scale", "cost at scale", 1.0, List.of());

    private final String id;
    private final String label;
    private final double importance;
    private final List<String> keys;

    Factor(String id, String label, double importance, List<String> keys) {
        this.id = id;
        this.label = label;
        this.importance = importance;
        this.keys = keys;
    }

    /** Returns the stable kebab-case id ({@code request-volume}). */
    public String id() {
        return id;
    }

    /** Returns the name shown to users ({@code request volume}). */
    public String label() {
        return label;
    }

    /** Returns how much knowing this factor counts towards the recommendation's confidence. */
    public double importance() {
        return importance;
    }

    /** Returns the workload keys that feed this factor, relative to the workload ({@code traffic.requestsPerDay}). */
    public List<String> keys() {
        return keys;
    }

    /** Returns the factor that the workload key ({@code traffic.requestsPerDay}) feeds, or {@code null} when none. */
    public static Factor ofKey(String workloadKey) {
        for (Factor factor : values()) {
            if (factor.keys.contains(workloadKey)) {
                return factor;
            }
        }
        return null;
    }
}
