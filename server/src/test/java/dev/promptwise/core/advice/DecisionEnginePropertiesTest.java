package dev.promptwise.core.advice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.promptwise.core.strategy.Approach;
import dev.promptwise.core.strategy.HybridPattern;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * Properties of the decision engine over many generated workloads (plain loops over a seeded generator, so every
 * run checks the same workloads), and its behaviour on both sides of each threshold of docs/decision-framework.md.
 */
class DecisionEnginePropertiesTest {

    private static final String[] DOMAINS = {null, "general", "customer-support", "legal", "medical", "gaming"};
    private static final String[] COMPLEXITIES = {null, "low", "medium", "high"};
    private static final String[] FORMATS = {null, "json", "label", "text", "markdown", "sql"};
    private static final String[] FREQUENCIES = {null, "hourly", "daily", "weekly", "biweekly", "monthly",
        "quarterly", "yearly", "rarely", "never"};
    private static final String[] EXPERTISE = {null, "none", "low", "medium", "high"};
    private static final double[] TRAFFIC = {1, 2, 10, 100, 999, 1_000, 1_001, 5_000, 9_999, 10_000, 50_000, 99_999,
        100_000, 1_000_000};
    private static final int[] EXAMPLES = {0, 1, 9, 10, 49, 50, 51, 199, 200, 999, 1_000, 5_000};

    /** A generated workload: its facts except those a property varies, and the per-request economics of its prompt. */
    private record Sample(String domain, String complexity, String format, Double target, Double current,
            String frequency, boolean varied, Integer examples, Boolean proprietary, String expertise, Double weeks,
            Double requests, double promptOnlyPerRequest, double fineTunedPerRequest, double retrainingPerMonth,
            double training, boolean priced) {

        String facts(Double requestsPerDay, Integer labelled, String changes) {
            List<String> parts = new ArrayList<>();
            if (requestsPerDay != null) {
                parts.add("traffic: { requestsPerDay: " + requestsPerDay + " }");
            }
            List<String> task = new ArrayList<>();
            add(task, "domain", domain);
            add(task, "complexity", complexity);
            add(task, "outputFormat", format);
            add(task, "accuracyTarget", target);
            add(task, "currentAccuracy", target == null ? null : current);
            mapping(parts, "task", task);
            List<String> requirements = new ArrayList<>();
            add(requirements, "changeFrequency", changes);
            add(requirements, "variability", varied ? "varied" : null);
            mapping(parts, "requirements", requirements);
            List<String> data = new ArrayList<>();
            add(data, "labeledExamples", labelled);
            add(data, "proprietary", labelled == null ? null : proprietary);
            mapping(parts, "data", data);
            List<String> team = new ArrayList<>();
            add(team, "mlExpertise", expertise);
            add(team, "timelineWeeks", weeks);
            mapping(parts, "team", team);
            return "{ " + String.join(", ", parts) + " }";
        }

        /** The cost model's outlook at {@code requestsPerDay}, as docs/cost-model.md computes it. */
        CostOutlook outlook(Double requestsPerDay) {
            if (!priced || requestsPerDay == null) {
                return null;
            }
            double promptOnly = promptOnlyPerRequest * requestsPerDay * 30;
            double fineTuned = fineTunedPerRequest * requestsPerDay * 30 + retrainingPerMonth;
            double dailySaving = (promptOnly - fineTuned) / 30;
            return new CostOutlook(promptOnly, fineTuned, training, dailySaving > 0 ? training / dailySaving : null);
        }

        Recommendation recommend() {
            return recommendAt(requests, examples, frequency);
        }

        Recommendation recommendAt(Double requestsPerDay, Integer labelled, String changes) {
            return DecisionEngineTest.recommend(facts(requestsPerDay, labelled, changes), outlook(requestsPerDay));
        }

        private static void add(List<String> entries, String key, Object value) {
            if (value != null) {
                entries.add(key + ": " + value);
            }
        }

        private static void mapping(List<String> parts, String key, List<String> entries) {
            if (!entries.isEmpty()) {
                parts.add(key + ": { " + String.join(", ", entries) + " }");
            }
        }
    }

    private static List<Sample> samples(int count) {
        Random random = new Random(12);
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            double target = 0.85 + random.nextInt(14) / 100.0;
            double promptOnly = 0.0001 + random.nextDouble() * 0.01;
            samples.add(new Sample(pick(random, DOMAINS), pick(random, COMPLEXITIES), pick(random, FORMATS),
                    random.nextBoolean() ? target : null,
                    random.nextBoolean() ? target - (random.nextInt(12) - 3) / 100.0 : null,
                    pick(random, FREQUENCIES), random.nextInt(3) == 0,
                    random.nextInt(5) == 0 ? null : EXAMPLES[random.nextInt(EXAMPLES.length)],
                    random.nextBoolean(), pick(random, EXPERTISE),
                    random.nextInt(3) == 0 ? null : (double) (1 + random.nextInt(12)),
                    random.nextInt(5) == 0 ? null : TRAFFIC[random.nextInt(TRAFFIC.length)],
                    promptOnly, promptOnly * (0.2 + random.nextDouble() * 1.6), random.nextDouble() * 50,
                    random.nextDouble() * 3_000, random.nextInt(4) != 0));
        }
        return samples;
    }

    private static <T> T pick(Random random, T[] values) {
        return values[random.nextInt(values.length)];
    }

    private static double weight(Recommendation recommendation, Vote vote) {
        return recommendation.factors().stream().filter(a -> a.vote() == vote)
                .mapToDouble(FactorAssessment::weight).sum();
    }

    /** Checks that fine-tuning's weight never falls and prompting's never rises along {@code steps}. */
    private static void neverLowersFineTuning(String property, int steps, IntFunction<Recommendation> at) {
        Recommendation previous = at.apply(0);
        for (int step = 1; step < steps; step++) {
            Recommendation next = at.apply(step);
            String where = property + " at step " + step + ": " + previous.factors() + " then " + next.factors();
            assertTrue(weight(next, Vote.FINE_TUNING) >= weight(previous, Vote.FINE_TUNING) - 1e-9, where);
            assertTrue(weight(next, Vote.PROMPT_ENGINEERING) <= weight(previous, Vote.PROMPT_ENGINEERING) + 1e-9,
                    where);
            previous = next;
        }
    }

    @Test
    void moreTrafficNeverLowersFineTuningsSupport() {
        for (Sample sample : samples(300)) {
            neverLowersFineTuning("traffic", TRAFFIC.length,
                    step -> sample.recommendAt(TRAFFIC[step], sample.examples(), sample.frequency()));
        }
    }

    @Test
    void moreExamplesNeverLowerFineTuningsSupport() {
        for (Sample sample : samples(300)) {
            neverLowersFineTuning("examples", EXAMPLES.length,
                    step -> sample.recommendAt(sample.requests(), EXAMPLES[step], sample.frequency()));
        }
    }

    @Test
    void slowerChangeNeverLowersFineTuningsSupport() {
        // FREQUENCIES from index 1 run from the fastest change to none at all.
        for (Sample sample : samples(300)) {
            neverLowersFineTuning("change", FREQUENCIES.length - 1,
                    step -> sample.recommendAt(sample.requests(), sample.examples(), FREQUENCIES[step + 1]));
        }
    }

    @Test
    void theRecommendationAgreesWithItsOwnNumbers() {
        for (Sample sample : samples(2_000)) {
            Recommendation recommendation = sample.recommend();
            String why = recommendation.label() + " " + recommendation.confidence() + " "
                    + recommendation.factors();
            double forFineTuning = weight(recommendation, Vote.FINE_TUNING);
            double forPrompting = weight(recommendation, Vote.PROMPT_ENGINEERING);
            FactorAssessment cost = recommendation.assessment(Factor.COST_AT_SCALE);
            FactorAssessment volume = recommendation.assessment(Factor.REQUEST_VOLUME);
            FactorAssessment accuracy = recommendation.assessment(Factor.ACCURACY);
            if (cost.known()) {
                // Volume votes through the cost figures: never against cost at scale.
                assertTrue(volume.vote() != Vote.FINE_TUNING || cost.vote() == Vote.FINE_TUNING, why);
                assertTrue(volume.vote() != Vote.PROMPT_ENGINEERING || cost.vote() != Vote.FINE_TUNING, why);
            } else if (volume.known()) {
                assertTrue(volume.reason().contains("unpriced"), why);
            }
            if (recommendation.approach() != Approach.PROMPT_ENGINEERING) {
                // Training only when it clearly outweighs prompting and the cost or accuracy figures support it.
                assertTrue(forFineTuning >= DecisionEngine.FINE_TUNING_EVIDENCE, why);
                assertTrue(forFineTuning - forPrompting >= DecisionEngine.FINE_TUNING_MARGIN - 1e-9, why);
                assertTrue(cost.vote() == Vote.FINE_TUNING && cost.weight() >= 1.0
                        || accuracy.vote() == Vote.FINE_TUNING, why);
                assertTrue(recommendation.rationale().indexOf("because of cost at scale") < 0, why);
            }
            Integer examples = sample.examples();
            if (examples != null && examples < DecisionEngine.TOO_FEW_EXAMPLES) {
                // Too little data blocks before change rate: never "train now".
                assertNotEquals(Approach.FINE_TUNING, recommendation.approach(), why);
                assertNotEquals(HybridPattern.FOUNDATION_PLUS_SPECIALIZATION, recommendation.pattern(), why);
            }
            // Confidence: coverage times the margin of the recommended side, never high when the votes point elsewhere.
            double recommended = recommendation.approach() == Approach.PROMPT_ENGINEERING ? forPrompting
                    : forFineTuning;
            double other = recommendation.approach() == Approach.PROMPT_ENGINEERING ? forFineTuning : forPrompting;
            double coverage = DecisionEngine.coverage(recommendation.factors());
            double margin = recommended + other == 0 ? 0 : Math.max(0, recommended - other) / (recommended + other);
            assertEquals(Math.round(coverage * margin * 100) / 100.0, recommendation.confidence(), 1e-9, why);
            if (recommended <= other) {
                assertEquals(0.0, recommendation.confidence(), why);
            }
            assertTrue(recommendation.confidence() <= coverage + 0.005, why);
        }
    }

    // Boundaries: each threshold, on both sides.

    private static FactorAssessment factor(String facts, CostOutlook cost, Factor factor) {
        return DecisionEngineTest.recommend("{ " + facts + " }", cost).assessment(factor);
    }

    private static void votes(Vote vote, double weight, FactorAssessment assessment) {
        assertEquals(vote, assessment.vote(), assessment.reason());
        assertEquals(weight, assessment.weight(), 1e-9, assessment.reason());
    }

    @Test
    void requestVolumeBoundariesWithoutACostOutlook() {
        votes(Vote.PROMPT_ENGINEERING, 0.8, factor("traffic: { requestsPerDay: 999 }", null, Factor.REQUEST_VOLUME));
        votes(Vote.NEUTRAL, 0, factor("traffic: { requestsPerDay: 1000 }", null, Factor.REQUEST_VOLUME));
        votes(Vote.NEUTRAL, 0, factor("traffic: { requestsPerDay: 9999 }", null, Factor.REQUEST_VOLUME));
        votes(Vote.FINE_TUNING, 0.6, factor("traffic: { requestsPerDay: 10000 }", null, Factor.REQUEST_VOLUME));
        votes(Vote.FINE_TUNING, 0.6, factor("traffic: { requestsPerDay: 99999 }", null, Factor.REQUEST_VOLUME));
        votes(Vote.FINE_TUNING, 1.0, factor("traffic: { requestsPerDay: 100000 }", null, Factor.REQUEST_VOLUME));
    }

    @Test
    void requestVolumeBoundariesFollowTheCostFigures() {
        CostOutlook pays = new CostOutlook(1_000, 400, 100, 5.0);
        CostOutlook costsMore = new CostOutlook(400, 1_000, 100, null);
        votes(Vote.NEUTRAL, 0, factor("traffic: { requestsPerDay: 999 }", pays, Factor.REQUEST_VOLUME));
        votes(Vote.NEUTRAL, 0, factor("traffic: { requestsPerDay: 9999 }", pays, Factor.REQUEST_VOLUME));
        votes(Vote.FINE_TUNING, 0.6, factor("traffic: { requestsPerDay: 10000 }", pays, Factor.REQUEST_VOLUME));
        votes(Vote.FINE_TUNING, 1.0, factor("traffic: { requestsPerDay: 100000 }", pays, Factor.REQUEST_VOLUME));
        votes(Vote.PROMPT_ENGINEERING, 0.8, factor("traffic: { requestsPerDay: 999 }", costsMore,
                Factor.REQUEST_VOLUME));
        votes(Vote.NEUTRAL, 0, factor("traffic: { requestsPerDay: 1000 }", costsMore, Factor.REQUEST_VOLUME));
        votes(Vote.NEUTRAL, 0, factor("traffic: { requestsPerDay: 100000 }", costsMore, Factor.REQUEST_VOLUME));
        assertTrue(factor("traffic: { requestsPerDay: 100000 }", costsMore, Factor.REQUEST_VOLUME).reason()
                .contains("a fine-tuned model costs $600.00 a month more"));
    }

    @Test
    void dataBoundaries() {
        votes(Vote.PROMPT_ENGINEERING, 0.8, factor("data: { labeledExamples: 49 }", null, Factor.DATA));
        votes(Vote.NEUTRAL, 0, factor("data: { labeledExamples: 50 }", null, Factor.DATA));
        votes(Vote.NEUTRAL, 0, factor("data: { labeledExamples: 199 }", null, Factor.DATA));
        votes(Vote.FINE_TUNING, 0.6, factor("data: { labeledExamples: 200 }", null, Factor.DATA));
        votes(Vote.FINE_TUNING, 0.8, factor("data: { labeledExamples: 999, proprietary: true }", null, Factor.DATA));
        votes(Vote.FINE_TUNING, 1.0, factor("data: { labeledExamples: 1000 }", null, Factor.DATA));
        votes(Vote.FINE_TUNING, 1.2, factor("data: { labeledExamples: 1000, proprietary: true }", null, Factor.DATA));
    }

    @Test
    void changeRateBoundaries() {
        votes(Vote.PROMPT_ENGINEERING, 1.0, factor("requirements: { changeFrequency: biweekly }", null,
                Factor.CHANGE_RATE));
        votes(Vote.NEUTRAL, 0, factor("requirements: { changeFrequency: monthly }", null, Factor.CHANGE_RATE));
        votes(Vote.FINE_TUNING, 0.7, factor("requirements: { changeFrequency: quarterly }", null,
                Factor.CHANGE_RATE));
    }

    @Test
    void accuracyBoundariesAreComparedWithATolerance() {
        // 0.97 - 0.92 is 0.04999999999999993 in binary floating point: still the 5 points it is.
        votes(Vote.FINE_TUNING, 1.0, factor("task: { accuracyTarget: 0.97, currentAccuracy: 0.92 }", null,
                Factor.ACCURACY));
        assertTrue(factor("task: { accuracyTarget: 0.97, currentAccuracy: 0.92 }", null, Factor.ACCURACY).reason()
                .contains("5 points short"));
        votes(Vote.FINE_TUNING, 0.8, factor("task: { accuracyTarget: 0.97, currentAccuracy: 0.921 }", null,
                Factor.ACCURACY));
        votes(Vote.FINE_TUNING, 1.0, factor("task: { accuracyTarget: 0.9, currentAccuracy: 0.85 }", null,
                Factor.ACCURACY));
        votes(Vote.PROMPT_ENGINEERING, 0.6, factor("task: { accuracyTarget: 0.95, currentAccuracy: 0.95 }", null,
                Factor.ACCURACY));
        votes(Vote.FINE_TUNING, 0.5, factor("task: { accuracyTarget: 0.95 }", null, Factor.ACCURACY));
        votes(Vote.NEUTRAL, 0, factor("task: { accuracyTarget: 0.949 }", null, Factor.ACCURACY));
        votes(Vote.NEUTRAL, 0, factor("task: { accuracyTarget: 0.90 }", null, Factor.ACCURACY));
        votes(Vote.PROMPT_ENGINEERING, 0.4, factor("task: { accuracyTarget: 0.899 }", null, Factor.ACCURACY));
        // 0.3 + 0.6 is 0.8999999999999999: still the 90 % threshold, not below it.
        votes(Vote.NEUTRAL, 0, factor("task: { accuracyTarget: " + (0.3 + 0.6) + " }", null, Factor.ACCURACY));
    }

    @Test
    void teamAndTimelineBoundaries() {
        votes(Vote.PROMPT_ENGINEERING, 1.2, factor("team: { mlExpertise: low, timelineWeeks: 1.9 }", null,
                Factor.TEAM_AND_TIMELINE));
        votes(Vote.PROMPT_ENGINEERING, 1.0, factor("team: { mlExpertise: low, timelineWeeks: 2 }", null,
                Factor.TEAM_AND_TIMELINE));
        votes(Vote.PROMPT_ENGINEERING, 1.0, factor("team: { mlExpertise: low, timelineWeeks: 3.9 }", null,
                Factor.TEAM_AND_TIMELINE));
        votes(Vote.PROMPT_ENGINEERING, 0.4, factor("team: { mlExpertise: low, timelineWeeks: 4 }", null,
                Factor.TEAM_AND_TIMELINE));
        votes(Vote.PROMPT_ENGINEERING, 1.0, factor("team: { mlExpertise: none, timelineWeeks: 3 }", null,
                Factor.TEAM_AND_TIMELINE));
        votes(Vote.PROMPT_ENGINEERING, 1.0, factor("team: { mlExpertise: high, timelineWeeks: 1.9 }", null,
                Factor.TEAM_AND_TIMELINE));
        votes(Vote.NEUTRAL, 0, factor("team: { mlExpertise: medium, timelineWeeks: 3.9 }", null,
                Factor.TEAM_AND_TIMELINE));
        votes(Vote.FINE_TUNING, 0.6, factor("team: { mlExpertise: medium, timelineWeeks: 4 }", null,
                Factor.TEAM_AND_TIMELINE));
    }

    @Test
    void costAtScaleBoundaries() {
        votes(Vote.PROMPT_ENGINEERING, 0.8, DecisionEngine.costAtScale(new CostOutlook(500, 500, 10, null)));
        votes(Vote.FINE_TUNING, 1.0, DecisionEngine.costAtScale(new CostOutlook(500, 400, 10, 90.0)));
        votes(Vote.FINE_TUNING, 0.4, DecisionEngine.costAtScale(new CostOutlook(500, 400, 10, 90.01)));
        votes(Vote.FINE_TUNING, 0.4, DecisionEngine.costAtScale(new CostOutlook(500, 400, 10, 365.0)));
        votes(Vote.NEUTRAL, 0, DecisionEngine.costAtScale(new CostOutlook(500, 400, 10, 365.01)));
        FactorAssessment unknown = DecisionEngine.costAtScale(null);
        votes(Vote.NEUTRAL, 0, unknown);
        assertEquals(false, unknown.known());
    }

    @Test
    void decisionBoundaries() {
        CostOutlook pays = new CostOutlook(1_000, 400, 100, 5.0);
        // FT = cost 1.0 + output 0.6 = 1.6 against nothing: enough, and supported.
        assertEquals(Approach.FINE_TUNING, DecisionEngineTest.recommend("{ task: { outputFormat: json } }", pays)
                .approach());
        // FT = cost 1.0 + change rate 0.4 (yearly, varied) = 1.4: below the evidence threshold.
        assertEquals(Approach.PROMPT_ENGINEERING, DecisionEngineTest.recommend(
                "{ requirements: { changeFrequency: yearly, variability: varied } }", pays).approach());
        // FT = 1.6 + data 1.0 = 2.6 against task 0.6 + accuracy 0.6 = 1.2: a lead of 1.4 and a counterweight of 1.2.
        assertEquals("hybrid (hierarchical-prompts)", DecisionEngineTest.recommend("{ task: { domain: general,"
                + " outputFormat: json, accuracyTarget: 0.9, currentAccuracy: 0.92 }, data: { labeledExamples:"
                + " 1000 } }", pays).label());
        // FT = 2.6 against 1.2 + text... : output becomes loose, FT = 2.0 against PE 1.7, a lead below 1.0.
        assertEquals(Approach.PROMPT_ENGINEERING, DecisionEngineTest.recommend("{ task: { domain: general,"
                + " outputFormat: text, accuracyTarget: 0.9, currentAccuracy: 0.92 }, data: { labeledExamples:"
                + " 1000 } }", pays).approach());
        // A lead of exactly 1.0 is enough: FT 2.0 (cost, data) against task 0.6 + flexible target 0.4 = 1.0.
        assertEquals("hybrid (hierarchical-prompts)", DecisionEngineTest.recommend("{ task: { domain: general,"
                + " accuracyTarget: 0.85 }, data: { labeledExamples: 1000 } }", pays).label());
        // The same without the cost figures: nothing supports training.
        assertEquals(Approach.PROMPT_ENGINEERING, DecisionEngineTest.recommend("{ task: { domain: general,"
                + " accuracyTarget: 0.85 }, data: { labeledExamples: 1000 } }", null).approach());
    }
}
