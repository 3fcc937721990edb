package dev.promptwise.core.advice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.promptwise.core.strategy.Approach;
import dev.promptwise.core.strategy.HybridPattern;
import dev.promptwise.core.strategy.StrategyParser;
import dev.promptwise.core.strategy.Workload;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The decision framework's cases from issue 3, and the properties its reasons and confidence must have. */
class DecisionEngineTest {

    static Stream<Arguments> golden() {
        return GoldenScenarios.ALL.stream().map(scenario -> Arguments.of(scenario.name(), scenario));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("golden")
    void eachGoldenScenarioGetsItsRecommendationForItsReasons(String name, GoldenScenarios.Scenario scenario) {
        Recommendation recommendation = recommend("{ " + scenario.facts() + " }",
                scenario.cost());
        String why = recommendation.rationale() + " " + recommendation.factors();
        assertEquals(scenario.recommendation(), recommendation.label(), why);
        assertEquals(scenario.reasons().stream().map(GoldenScenarios.Reason::factor).toList(),
                recommendation.deciding(), why);
        for (GoldenScenarios.Reason reason : scenario.reasons()) {
            String given = recommendation.assessment(reason.factor()).reason();
            assertTrue(given.contains(reason.phrase()), reason.factor().label() + " says: " + given);
        }
        assertEquals(Factor.values().length, recommendation.factors().size());
        // The confidence never favours an approach the votes point away from.
        double forFineTuning = weight(recommendation, Vote.FINE_TUNING);
        double forPrompting = weight(recommendation, Vote.PROMPT_ENGINEERING);
        boolean trains = recommendation.approach() != Approach.PROMPT_ENGINEERING;
        if (trains ? forFineTuning <= forPrompting : forPrompting <= forFineTuning) {
            assertEquals(0.0, recommendation.confidence(), why);
        }
    }

    @Test
    void theFrameworkPagesWorkedCasesAreTheGoldenScenarios() throws java.io.IOException {
        String page = java.nio.file.Files.readString(java.nio.file.Path.of(System.getProperty("user.dir"))
                .getParent().resolve("docs/decision-framework.md"));
        int start = page.indexOf("| scenario | facts |");
        assertTrue(start >= 0, "docs/decision-framework.md has no worked-cases table");
        int end = page.indexOf("\n\n", start);
        String table = (end < 0 ? page.substring(start) : page.substring(start, end + 1));
        assertEquals(GoldenScenarios.markdownTable(), table);
    }

    @Test
    void theBundledSamplesSentimentReportIsNotAHybrid() {
        // Prompting outweighs fine-tuning, and fine-tuning costs twice as much: the figures of samples/promptwise.yaml.
        Recommendation recommendation = recommend("""
                traffic: { requestsPerDay: 30000, avgInputTokens: 90, avgOutputTokens: 2 }
                task: { outputFormat: label }
                requirements: { changeFrequency: weekly }
                data: { labeledExamples: 20 }
                """, new CostOutlook(11.07, 22.1520807, 0.00279, null));
        assertEquals(Approach.PROMPT_ENGINEERING, recommendation.approach(), recommendation.rationale());
        assertEquals(Vote.NEUTRAL, recommendation.assessment(Factor.REQUEST_VOLUME).vote(),
                "volume may not favour fine-tuning beside a cost factor that shows it costs more");
        assertTrue(recommendation.assessment(Factor.REQUEST_VOLUME).reason().contains("costs $11.08 a month more"),
                recommendation.assessment(Factor.REQUEST_VOLUME).reason());
    }

    @Test
    void monthlyFiguresThatIncludeRetrainingAtAnUnconfirmedPriceSaySo() {
        // The samples' sentiment-report: gpt-4.1-nano's training price is unconfirmed, and weekly retraining is part
        // of the fine-tuned monthly figure, so that figure and every saving against it carry the flag.
        String facts = """
                traffic: { requestsPerDay: 30000, avgInputTokens: 90, avgOutputTokens: 2 }
                task: { outputFormat: label }
                requirements: { changeFrequency: weekly }
                data: { labeledExamples: 20 }
                """;
        Recommendation unconfirmed = recommend(facts,
                new CostOutlook(11.07, 22.19, 0.011, null, false, true, null, 11.07, true));
        assertTrue(unconfirmed.assessment(Factor.COST_AT_SCALE).reason()
                .contains("would cost $22.19 (unconfirmed price) a month against $11.07 prompt-only"),
                unconfirmed.assessment(Factor.COST_AT_SCALE).reason());
        assertTrue(unconfirmed.assessment(Factor.REQUEST_VOLUME).reason()
                .contains("costs $11.12 (unconfirmed price) a month more"),
                unconfirmed.assessment(Factor.REQUEST_VOLUME).reason());
        // Retraining that costs nothing (or a confirmed price) leaves the monthly figures unflagged.
        Recommendation confirmed = recommend(facts,
                new CostOutlook(11.07, 22.19, 0.011, null, false, true, null, 11.07, false));
        assertTrue(confirmed.assessment(Factor.COST_AT_SCALE).reason()
                .contains("would cost $22.19 a month against $11.07 prompt-only"),
                confirmed.assessment(Factor.COST_AT_SCALE).reason());
        assertTrue(confirmed.assessment(Factor.COST_AT_SCALE).reason().contains("$0.011 of training (unconfirmed price)"),
                "the training figure itself stays flagged: " + confirmed.assessment(Factor.COST_AT_SCALE).reason());
    }

    @Test
    void aVetoAgainstManyVotesForFineTuningIsNotConfident() {
        Recommendation recommendation = recommend("""
                traffic: { requestsPerDay: 250000 }
                task: { domain: medical, complexity: high, outputFormat: json, accuracyTarget: 0.98, currentAccuracy: 0.9 }
                requirements: { changeFrequency: yearly }
                data: { labeledExamples: 5000, proprietary: true }
                team: { mlExpertise: none, timelineWeeks: 1 }
                """, new CostOutlook(30_000, 9_000, 4_000, 6.0));
        assertEquals(Approach.PROMPT_ENGINEERING, recommendation.approach());
        assertEquals(List.of(Factor.TEAM_AND_TIMELINE), recommendation.deciding());
        assertEquals(0.0, recommendation.confidence(), "seven votes for fine-tuning against one veto");
    }

    @Test
    void onlyVotesForFineTuningNeverMakeAConfidentPromptEngineering() {
        Recommendation recommendation = recommend("""
                traffic: { requestsPerDay: 50000 }
                task: { outputFormat: json }
                """, null);
        assertEquals(Approach.PROMPT_ENGINEERING, recommendation.approach(), "1.2 for fine-tuning is too little");
        assertEquals(0.0, recommendation.confidence());
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
        assertEquals("250,000 requests a day is high volume: at it a fine-tuned model saves $13,550.00 a month (see"
                + " cost at scale).", recommendation.assessment(Factor.REQUEST_VOLUME).reason());
        assertEquals("3,000 labelled examples of proprietary data are a large dataset to train on, and knowledge no"
                + " public model has.", recommendation.assessment(Factor.DATA).reason());
        assertEquals("Requirements change weekly: editing a prompt is instant, each retraining is not.",
                recommendation.assessment(Factor.CHANGE_RATE).reason());
        assertTrue(recommendation.assessment(Factor.ACCURACY).reason().contains("91% against a target of 97%"));
        assertTrue(recommendation.assessment(Factor.ACCURACY).reason().contains("6 points short"));
        assertEquals("6 weeks to production with medium ML expertise: the team can collect data and train a model.",
                recommendation.assessment(Factor.TEAM_AND_TIMELINE).reason());
        assertEquals("A fine-tuned model would cost $5,200.00 a month against $18,750.00 prompt-only, paying back"
                + " $2,400.00 of training in 6 days.", recommendation.assessment(Factor.COST_AT_SCALE).reason());
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
        assertEquals(Approach.FINE_TUNING, withoutCost.approach(), "the accuracy plateau supports training");
        assertEquals(Approach.PROMPT_ENGINEERING, withFewerFacts.approach(),
                "no cost or accuracy figure shows that training pays or is needed");
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

    private static double weight(Recommendation recommendation, Vote vote) {
        return recommendation.factors().stream().filter(a -> a.vote() == vote)
                .mapToDouble(FactorAssessment::weight).sum();
    }

    static Recommendation recommend(String facts, CostOutlook cost) {
        String indented = facts.strip().replace("\n", "\n    ");
        Workload workload = StrategyParser.parse("workloads:\n  w:\n    " + indented + "\n").workload("w");
        return DecisionEngine.recommend(workload, cost);
    }
}
