package dev.promptwise.core.strategy;

import dev.promptwise.core.text.TextRange;

/**
 * One workload of a strategy file: a prompt, the traffic it sees and what its task demands. Every fact is a
 * {@link Located} that is {@code null} when the key is absent; sections are never {@code null} (an absent section
 * is an instance whose facts are all {@code null} and whose {@code keyRange} is {@code null}).
 *
 * @param name the workload's name, the key under {@code workloads}
 * @param nameRange the range of that key
 * @param range the range of the whole entry, key and value
 * @param prompt the prompt file, relative to the strategy file
 * @param model the model id
 * @param approach the declared approach; its value is {@code null} when the text is not a known approach
 * @param fineTuning the planned fine-tuning
 */
public record Workload(
        String name,
        TextRange nameRange,
        TextRange range,
        Located<String> prompt,
        Located<String> model,
        Located<Approach> approach,
        Traffic traffic,
        Task task,
        Requirements requirements,
        Data data,
        Team team,
        FineTuning fineTuning,
        Budget budget) {

    /** Returns the declared approach, or {@code null} when none is declared or it is not a known one. */
    public Approach declaredApproach() {
        return Located.valueOf(approach);
    }

    /**
     * How much traffic the workload sees.
     *
     * @param avgReasoningTokens the hidden reasoning tokens of an answer, which a reasoning model bills as output
     */
    public record Traffic(
            TextRange keyRange, Located<Double> requestsPerDay, Located<Double> avgInputTokens,
            Located<Double> avgOutputTokens, Located<Double> avgReasoningTokens) {
        public static final Traffic ABSENT = new Traffic(null, null, null, null, null);
    }

    /**
     * What the task is and how well it must be done.
     *
     * @param domain the domain; a domain outside the known list reads as {@link Domain#OTHER}
     * @param domainName the domain as written (stripped), for messages about a domain outside the list
     * @param accuracyTarget the target as a fraction (95 and "95%" read as 0.95)
     * @param specialized whether the task needs internalised expertise; it overrides the domain's known class
     */
    public record Task(
            TextRange keyRange, Located<Domain> domain, Located<String> domainName, Located<Complexity> complexity,
            Located<OutputFormat> outputFormat, Located<Double> accuracyTarget, Located<Double> currentAccuracy,
            Located<Boolean> specialized) {
        public static final Task ABSENT = new Task(null, null, null, null, null, null, null, null);
    }

    /** How the requirements move. */
    public record Requirements(
            TextRange keyRange, Located<ChangeFrequency> changeFrequency, Located<Variability> variability) {
        public static final Requirements ABSENT = new Requirements(null, null, null);
    }

    /**
     * The labelled data the team holds.
     *
     * @param avgExampleTokens the average content tokens of one labelled example, input and answer together; when
     *     absent, training is sized from the traffic's average input and output
     */
    public record Data(TextRange keyRange, Located<Integer> labeledExamples, Located<Boolean> proprietary,
            Located<Double> avgExampleTokens) {
        public static final Data ABSENT = new Data(null, null, null, null);
    }

    /** Who does the work and by when. */
    public record Team(TextRange keyRange, Located<Level> mlExpertise, Located<Double> timelineWeeks) {
        public static final Team ABSENT = new Team(null, null, null);
    }

    /** The planned fine-tuning. */
    public record FineTuning(
            TextRange keyRange, Located<String> baseModel, Located<String> dataset, Located<Integer> epochs,
            Located<HybridPattern> pattern) {
        public static final FineTuning ABSENT = new FineTuning(null, null, null, null, null);
    }
}
