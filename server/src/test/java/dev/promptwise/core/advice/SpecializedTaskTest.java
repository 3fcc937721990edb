package dev.promptwise.core.advice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.promptwise.core.strategy.StrategyParser;
import dev.promptwise.core.strategy.Workload;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The task-specificity vote: {@code task.specialized} when given, else the domain's known class. */
class SpecializedTaskTest {

    @ParameterizedTest(name = "{0} → {1} {2}")
    @CsvSource(delimiter = '|', textBlock = """
            domain: insurance                                  | FINE_TUNING        | 0.8
            domain: Insurance, complexity: high                | FINE_TUNING        | 1.0
            domain: healthcare, complexity: low                | FINE_TUNING        | 0.6
            domain: hr                                         | PROMPT_ENGINEERING | 0.6
            domain: e-commerce, complexity: high               | NEUTRAL            | 0
            domain: gaming                                     | NEUTRAL            | 0
            domain: other                                      | NEUTRAL            | 0
            domain: gaming, specialized: true                  | FINE_TUNING        | 0.8
            domain: gaming, specialized: true, complexity: high | FINE_TUNING       | 1.0
            domain: gaming, specialized: false                 | PROMPT_ENGINEERING | 0.6
            domain: other, specialized: true                   | FINE_TUNING        | 0.8
            domain: legal, specialized: false                  | PROMPT_ENGINEERING | 0.6
            domain: legal, specialized: false, complexity: high | NEUTRAL           | 0
            domain: general, specialized: true                 | FINE_TUNING        | 0.8
            specialized: true                                  | FINE_TUNING        | 0.8
            specialized: false                                 | PROMPT_ENGINEERING | 0.6
            """)
    void specializedDecidesTheVoteWhenGivenElseTheDomainsClass(String task, Vote vote, double weight) {
        FactorAssessment assessment = DecisionEngine.taskSpecificity(task(task));
        assertEquals(vote, assessment.vote(), assessment.reason());
        assertEquals(weight, assessment.weight(), 1e-12, assessment.reason());
        assertTrue(assessment.known());
    }

    @Test
    void theReasonNamesTheDomainAsWrittenAndTheDeclaration() {
        assertEquals("The domain is 'gaming', so its specificity gives no lean either way; task.specialized would"
                + " say whether it needs internalised expertise.",
                DecisionEngine.taskSpecificity(task("domain: gaming")).reason());
        assertEquals("The domain is 'other', so its specificity gives no lean either way.",
                DecisionEngine.taskSpecificity(task("domain: other")).reason());
        assertEquals("A high-complexity claims-adjusting task is specialised (task.specialized: true): the model"
                + " must internalise the domain's terms and reasoning, which training teaches better than"
                + " instructions.",
                DecisionEngine.taskSpecificity(task("domain: claims-adjusting, specialized: true, complexity: high"))
                        .reason());
        assertEquals("An insurance task is specialised: the model must internalise the domain's terms and reasoning,"
                + " which training teaches better than instructions.",
                DecisionEngine.taskSpecificity(task("domain: insurance")).reason());
        assertEquals("A legal task (task.specialized: false) sits inside the model's general knowledge, which"
                + " instructions can steer.",
                DecisionEngine.taskSpecificity(task("domain: legal, specialized: false")).reason());
        assertEquals("No task.domain is given, so how specialised the task is is unknown.",
                DecisionEngine.taskSpecificity(task("complexity: high")).reason());
    }

    @Test
    void anInsuranceWorkloadNowGetsTheSpecialisedVoteInTheRecommendation() {
        Workload plain = workload("task: { domain: other }");
        Workload insurance = workload("task: { domain: insurance }");
        Workload declared = workload("task: { domain: claims, specialized: true }");
        double before = support(DecisionEngine.recommend(plain, null));
        assertTrue(support(DecisionEngine.recommend(insurance, null)) > before);
        assertEquals(support(DecisionEngine.recommend(insurance, null)),
                support(DecisionEngine.recommend(declared, null)), 1e-12);
    }

    @Test
    void theFormatGroupDecidesTheOutputConsistencyVote() {
        assertEquals(Vote.FINE_TUNING, DecisionEngine.outputConsistency(task("outputFormat: function-call")).vote());
        assertEquals(Vote.FINE_TUNING, DecisionEngine.outputConsistency(task("outputFormat: jsonl")).vote());
        assertEquals(Vote.FINE_TUNING, DecisionEngine.outputConsistency(task("outputFormat: tool-calls")).vote());
        assertEquals(Vote.PROMPT_ENGINEERING, DecisionEngine.outputConsistency(task("outputFormat: dialogue")).vote());
        FactorAssessment sql = DecisionEngine.outputConsistency(task("outputFormat: SQL"));
        assertEquals(Vote.NEUTRAL, sql.vote());
        assertEquals("SQL output must parse but varies widely: neither approach wins on consistency.", sql.reason());
        assertEquals("HTML output must render but varies widely: neither approach wins on consistency.",
                DecisionEngine.outputConsistency(task("outputFormat: html")).reason());
        assertEquals("Function-call output is parsed downstream: fine-tuning makes the format a habit rather than"
                + " an instruction.", DecisionEngine.outputConsistency(task("outputFormat: function-call")).reason());
    }

    @Test
    void newChangeFrequenciesMapOntoTheChangeRateFactor() {
        for (String volatileOne : new String[] {"hourly", "biweekly", "fortnightly"}) {
            FactorAssessment change = DecisionEngine.changeRate(
                    workload("requirements: { changeFrequency: " + volatileOne + " }").requirements());
            assertEquals(Vote.PROMPT_ENGINEERING, change.vote(), volatileOne);
            assertEquals(1.0, change.weight(), 1e-12, volatileOne);
        }
        FactorAssessment never = DecisionEngine.changeRate(
                workload("requirements: { changeFrequency: never }").requirements());
        assertEquals(Vote.FINE_TUNING, never.vote());
        assertEquals("Requirements never change: a trained model stays valid.", never.reason());
        FactorAssessment rarely = DecisionEngine.changeRate(
                workload("requirements: { changeFrequency: rarely, variability: varied }").requirements());
        assertEquals(Vote.FINE_TUNING, rarely.vote());
        assertEquals(0.4, rarely.weight(), 1e-12);
        assertEquals("Requirements change only rarely, and requests are varied: a trained model stays valid.",
                rarely.reason());
    }

    private static double support(Recommendation recommendation) {
        return recommendation.factors().stream().mapToDouble(FactorAssessment::signedWeight).sum();
    }

    private static Workload.Task task(String facts) {
        return workload("task: { " + facts + " }").task();
    }

    private static Workload workload(String facts) {
        return StrategyParser.parse("workloads:\n  w:\n    " + facts + "\n").workload("w");
    }
}
