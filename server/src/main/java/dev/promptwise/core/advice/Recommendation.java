package dev.promptwise.core.advice;

import dev.promptwise.core.strategy.Approach;
import dev.promptwise.core.strategy.HybridPattern;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The decision engine's advice for one workload.
 *
 * @param approach the recommended approach
 * @param pattern the hybrid pattern when {@code approach} is hybrid, {@code null} otherwise
 * @param confidence how sure the advice is, in [0, 1]; it falls when facts are missing or factors disagree
 * @param factors every factor's assessment, in {@link Factor} order
 * @param deciding the factors that decide the advice, strongest first (for a hybrid, those on both sides)
 * @param rationale one sentence saying why, naming the deciding factors
 */
public record Recommendation(
        Approach approach,
        HybridPattern pattern,
        double confidence,
        List<FactorAssessment> factors,
        List<Factor> deciding,
        String rationale) {

    public Recommendation {
        factors = List.copyOf(factors);
        deciding = List.copyOf(deciding);
    }

    /** Returns the assessment of {@code factor} (every factor has one). */
    public FactorAssessment assessment(Factor factor) {
        for (FactorAssessment assessment : factors) {
            if (assessment.factor() == factor) {
                return assessment;
            }
        }
        throw new IllegalArgumentException("no assessment of " + factor);
    }

    /** Returns the advice as users write it: {@code fine-tuning}, or {@code hybrid (iterative-refinement)}. */
    public String label() {
        return pattern == null ? approach.id() : approach.id() + " (" + pattern.id() + ")";
    }

    /** Returns the deciding factors with their reasons, as "request volume: 250,000 requests a day is …" lines. */
    public String decidingReasons() {
        return deciding.stream()
                .map(factor -> factor.label() + ": " + assessment(factor).reason())
                .collect(Collectors.joining(" "));
    }

    /** Returns the confidence as a percentage for messages ({@code 72%}). */
    public String confidencePercent() {
        return String.format(Locale.ROOT, "%d%%", Math.round(confidence * 100));
    }
}
