package dev.promptwise.core.advice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.promptwise.core.strategy.Approach;
import dev.promptwise.core.strategy.HybridPattern;
import dev.promptwise.core.strategy.StrategyParser;
import dev.promptwise.core.strategy.Workload;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The decision framework's cases from issue 3, and the properties its reasons and confidence must have. */
class DecisionEngineTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("low-volume prototype with changing requirements", """
                        traffic: { requestsPerDay: 300 }
                        task: { domain: general, outputFormat: text }
                        requirements: { changeFrequency: weekly, variability: varied }
                        data: { labeledExamples: 15 }
                        team: { mlExpertise: low, timelineWeeks: 3 }
                        """, Approach.PROMPT_ENGINEERING, null),
                Arguments.of("high-volume medical task with thousands of proprietary examples", """
                        traffic: { requestsPerDay: 250000, avgInputTokens: 400, avgOutputTokens: 200 }
                        task: { domain: medical, complexity: high, outputFormat: json, accuracyTarget: 0.98 }
                        requirements: { changeFrequency: quarterly, variability: uniform }
                        data: { labeledExamples: 5000, proprietary: true }
                        team: { mlExpertise: high, timelineWeeks: 12 }
                        """, Approach.FINE_TUNING, null),
                Arguments.of("high-volume legal task with thousands of proprietary examples, costs known", """
                        traffic: { requestsPerDay: 120000 }
                        task: { domain: legal, complexity: medium, outputFormat: json }
                        requirements: { changeFrequency: yearly }
                        data: { labeledExamples: 3000, proprietary: true }
                        """, Approach.FINE_TUNING, null),
                Arguments.of("high volume whose rules change weekly", """
                        traffic: { requestsPerDay: 400000 }
                        task: { domain: finance, complexity: medium, outputFormat: json }
                        requirements: { changeFrequency: weekly }
                        data: { labeledExamples: 2000, proprietary: true }
                        team: { mlExpertise: medium, timelineWeeks: 8 }
                        """, Approach.HYBRID, HybridPattern.FOUNDATION_PLUS_SPECIALIZATION),
                Arguments.of("high volume but only 20 labelled examples", """
                        traffic: { requestsPerDay: 300000 }
                        task: { domain: general, outputFormat: json }
                        requirements: { changeFrequency: monthly }
                        data: { labeledExamples: 20 }
                        team: { mlExpertise: medium, timelineWeeks: 6 }
                        """, Approach.HYBRID, HybridPattern.ITERATIVE_REFINEMENT),
                Arguments.of("strict JSON output with accuracy plateaued below target", """
                        traffic: { requestsPerDay: 5000 }
                        task: { domain: general, complexity: high, outputFormat: json, accuracyTarget: 0.97, currentAccuracy: 0.89 }
                        """, Approach.FINE_TUNING, null),
                Arguments.of("immediate deadline with no ML expertise", """
                        traffic: { requestsPerDay: 200000 }
                        task: { domain: legal, outputFormat: json }
                        data: { labeledExamples: 3000 }
                        team: { mlExpertise: none, timelineWeeks: 1 }
                        """, Approach.PROMPT_ENGINEERING, null),
                Arguments.of("nothing known", "{}", Approach.PROMPT_ENGINEERING, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void recommendsTheApproachOfEachCase(String name, String facts, Approach approach, HybridPattern pattern) {
        Recommendation recommendation = recommend(facts, name.contains("costs known")
                ? new CostOutlook(30_000, 9_000, 4_000, 6.0) : null);
        assertEquals(approach, recommendation.approach(), recommendation.rationale());
        assertEquals(pattern, recommendation.pattern(), recommendation.rationale());
        assertTrue(recommendation.confidence() >= 0 && recommendation.confidence() <= 1);
        assertEquals(Factor.values().length, recommendation.factors().size());
    }

    @Test
    void strictJsonWithAPlateauLeansOnAccuracyAndOutput() {
        Recommendation recommendation = recommend("""
                task: { outputFormat: json, accuracyTarget: 0.97, currentAccuracy: 0.89 }
                """, null);
        assertEquals(Vote.FINE_TUNING, recommendation.assessment(Factor.ACCURACY).vote());
        assertEquals(Vote.FINE_TUNING, recommendation.assessment(Factor.OUTPUT_CONSISTENCY).vote());
        assertNotEquals(Approach.PROMPT_ENGINEERING, recommendation.approach());
        assertTrue(recommendation.deciding().contains(Factor.ACCURACY));
    }

    @Test
    void reasonsQuoteTheWorkloadsFigures() {
        Recommendation recommendation = recommend("""
                traffic: { requestsPerDay: 250000 }
                task: { domain: legal, complexity: high, outputFormat: json, accuracyTarget: 0.97, currentAccuracy: 0.91 }
                requirements: { changeFrequency: weekly }
                data: { labeledExamples: 3000, proprietary: true }
                team: { mlExpertise: medium, timelineWeeks: 6 }
                """, new CostOutlook(18_750, 5_200, 2_400, 5.3));
        assertEquals("250,000 requests a day is high volume: the shorter prompt of a fine-tuned model saves on every"
                + " request.", recommendation.assessment(Factor.REQUEST_VOLUME).reason());
        assertEquals("3,000 labelled examples of proprietary data are a large dataset to train on, and knowledge no"
                + " public model has.", recommendation.assessment(Factor.DATA).reason());
        assertEquals("Requirements change weekly: editing a prompt is instant, each retraining is not.",
                recommendation.assessment(Factor.CHANGE_RATE).reason());
        assertTrue(recommendation.assessment(Factor.ACCURACY).reason().contains("91% against a target of 97%"));
        assertTrue(recommendation.assessment(Factor.ACCURACY).reason().contains("6 points short"));
        assertEquals("6 weeks to production with medium ML expertise: the team can collect data and train a model.",
                recommendation.assessment(Factor.TEAM_AND_TIMELINE).reason());
        assertEquals("A fine-tuned model would cost $5,200.00 a month against $18,750.00 prompt-only, paying back $2,400.00"
                + " of training in 6 days.", recommendation.assessment(Factor.COST_AT_SCALE).reason());
        assertTrue(recommendation.assessment(Factor.TASK_SPECIFICITY).reason().startsWith("A high-complexity legal"));
        assertEquals(HybridPattern.FOUNDATION_PLUS_SPECIALIZATION, recommendation.pattern());
        assertTrue(recommendation.rationale().contains("change rate"), recommendation.rationale());
    }

    @Test
    void confidenceFallsWhenFactsAreMissing() {
        String full = """
                traffic: { requestsPerDay: 250000 }
                task: { domain: medical, complexity: high, outputFormat: json, accuracyTarget: 0.98, currentAccuracy: 0.9 }
                requirements: { changeFrequency: quarterly }
                data: { labeledExamples: 5000, proprietary: true }
                team: { mlExpertise: high, timelineWeeks: 12 }
                """;
        String fewer = """
                traffic: { requestsPerDay: 250000 }
                task: { domain: medical, complexity: high }
                data: { labeledExamples: 5000, proprietary: true }
                """;
        CostOutlook cost = new CostOutlook(30_000, 9_000, 4_000, 6.0);
        Recommendation withCost = recommend(full, cost);
        Recommendation withoutCost = recommend(full, null);
        Recommendation withFewerFacts = recommend(fewer, null);
        assertEquals(Approach.FINE_TUNING, withFewerFacts.approach());
        assertTrue(withCost.confidence() > withoutCost.confidence(), withCost + " vs " + withoutCost);
        assertTrue(withoutCost.confidence() > withFewerFacts.confidence(), withoutCost + " vs " + withFewerFacts);
        assertEquals(0.0, recommend("{}", null).confidence());
    }

    @Test
    void isDeterministic() {
        String facts = "traffic: { requestsPerDay: 50000 }\ndata: { labeledExamples: 400 }\n";
        assertEquals(recommend(facts, null), recommend(facts, null));
    }

    @Test
    void costAtScaleVotesFromTheOutlook() {
        assertEquals(Vote.PROMPT_ENGINEERING,
                DecisionEngine.costAtScale(new CostOutlook(100, 300, 50, null)).vote());
        assertEquals(Vote.FINE_TUNING, DecisionEngine.costAtScale(new CostOutlook(3000, 1000, 500, 7.5)).vote());
        assertEquals(Vote.NEUTRAL, DecisionEngine.costAtScale(new CostOutlook(1000, 990, 5000, 500.0)).vote());
        assertEquals(false, DecisionEngine.costAtScale(null).known());
    }

    @Test
    void theFrameworkPageDocumentsEveryFactorAndPattern() throws java.io.IOException {
        String page = java.nio.file.Files.readString(java.nio.file.Path.of(System.getProperty("user.dir"))
                .getParent().resolve("docs/decision-framework.md"));
        for (Factor factor : Factor.values()) {
            String heading = "### " + Character.toUpperCase(factor.label().charAt(0)) + factor.label().substring(1);
            assertTrue(page.contains(heading), "docs/decision-framework.md lacks " + heading);
        }
        for (HybridPattern pattern : HybridPattern.values()) {
            assertTrue(page.contains("- `" + pattern.id() + "`:"), "docs/decision-framework.md lacks " + pattern);
        }
    }

    private static Recommendation recommend(String facts, CostOutlook cost) {
        String indented = facts.strip().replace("\n", "\n    ");
        Workload workload = StrategyParser.parse("workloads:\n  w:\n    " + indented + "\n").workload("w");
        return DecisionEngine.recommend(workload, cost);
    }
}
