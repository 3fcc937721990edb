package dev.promptwise.core.features;

import dev.promptwise.core.advice.CostOutlook;
import dev.promptwise.core.advice.DecisionEngine;
import dev.promptwise.core.advice.Factor;
import dev.promptwise.core.advice.FactorAssessment;
import dev.promptwise.core.advice.Recommendation;
import dev.promptwise.core.advice.Vote;
import dev.promptwise.core.strategy.KeyPath;
import dev.promptwise.core.strategy.StrategyFile;
import dev.promptwise.core.strategy.StrategyKeys;
import dev.promptwise.core.strategy.Workload;
import dev.promptwise.core.vocabulary.HoverInfo;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Hovers in strategy files: a key's documentation, with its factor's current vote and reason for a workload's
 * factor keys; on {@code approach} and on a workload's name, the recommendation with every factor. Model ids
 * (whose hover is their catalog entry) are left to the caller, which holds the catalog.
 */
public final class StrategyHover {

    private StrategyHover() {}

    /**
     * Returns the hover at {@code offset}, or empty when the offset is on nothing documented. {@code costOutlook}
     * gives the cost model's outlook of a workload, or {@code null} when it has none.
     */
    public static Optional<HoverInfo> hover(StrategyFile strategy, int offset,
            Function<Workload, CostOutlook> costOutlook) {
        if (strategy.yaml().root() == null) {
            return Optional.empty();
        }
        Optional<KeyPath> found = KeyPath.at(strategy.yaml().root(), offset);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        KeyPath keyPath = found.get();
        List<String> path = keyPath.path();
        Workload workload = path.size() >= 2 && path.get(0).equals("workloads") ? strategy.workload(path.get(1)) : null;
        if (workload != null && (path.size() == 2 || (path.size() == 3 && path.get(2).equals("approach")))) {
            Recommendation recommendation = DecisionEngine.recommend(workload, costOutlook.apply(workload));
            return Optional.of(new HoverInfo(keyPath.range(), markdown(recommendation, workload)));
        }
        Optional<String> documentation = StrategyKeys.documentation(path);
        if (documentation.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder markdown = new StringBuilder(documentation.get().strip());
        if (workload != null && path.size() == 4) {
            Factor factor = Factor.ofKey(path.get(2) + "." + path.get(3));
            if (factor != null) {
                Recommendation recommendation = DecisionEngine.recommend(workload, costOutlook.apply(workload));
                FactorAssessment assessment = recommendation.assessment(factor);
                markdown.append("\n\n---\n\n**").append(capitalise(factor.label())).append("** for `")
                        .append(workload.name()).append("`: ").append(voteText(assessment)).append(". ")
                        .append(assessment.reason());
            }
        }
        return Optional.of(new HoverInfo(keyPath.range(), markdown.toString()));
    }

    /** Returns the recommendation for a workload as Markdown: the advice, its rationale and a table of factors. */
    public static String markdown(Recommendation recommendation, Workload workload) {
        StringBuilder markdown = new StringBuilder();
        markdown.append("**Recommended for `").append(workload.name()).append("`: ")
                .append(recommendation.label()).append("** (confidence ")
                .append(recommendation.confidencePercent()).append(")");
        if (workload.declaredApproach() != null) {
            markdown.append(workload.declaredApproach() == recommendation.approach()
                    ? ", as declared" : ", declared " + workload.declaredApproach().id());
        }
        markdown.append("\n\n").append(recommendation.rationale()).append("\n\n");
        markdown.append("| factor | vote | reason |\n| --- | --- | --- |\n");
        for (FactorAssessment assessment : recommendation.factors()) {
            markdown.append("| ").append(assessment.factor().label()).append(" | ").append(voteText(assessment))
                    .append(" | ").append(assessment.reason().replace("|", "\\|")).append(" |\n");
        }
        return markdown.toString();
    }

    private static String voteText(FactorAssessment assessment) {
        if (!assessment.known()) {
            return "unknown";
        }
        if (assessment.vote() == Vote.NEUTRAL) {
            return "neutral";
        }
        String side = assessment.vote() == Vote.FINE_TUNING ? "fine-tuning" : "prompt engineering";
        return side + String.format(Locale.ROOT, " (%.1f)", assessment.weight());
    }

    private static String capitalise(String text) {
        return text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
    }
}
