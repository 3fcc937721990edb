package dev.promptwise.core.rules;

import static dev.promptwise.core.rules.RuleFixture.check;

import dev.promptwise.testing.TestWorkspace;
import org.junit.jupiter.api.Test;

/** {@code approach-mismatch}: the declared approach differs from the recommendation, whose deciding factors it names. */
class ApproachMismatchTest {

    private static final String RULE = "approach-mismatch";
    private static final String FACTS = """
                traffic: { requestsPerDay: 250000 }
                task: { domain: medical, complexity: high, outputFormat: json, accuracyTarget: 0.97, currentAccuracy: 0.9 }
                requirements: { changeFrequency: quarterly }
                data: { labeledExamples: 5000, proprietary: true }
            """;

    @Test
    void aDeclaredApproachAgainstTheFactsIsFlaggedOnTheApproach() {
        check(RULE, new TestWorkspace(), "promptwise.yaml", """
                workloads:
                  claims:
                    approach: prompt-engineering
                              ^^^^^^^^^^^^^^^^^^ warning approach-mismatch: 'claims' declares prompt-engineering, but the facts recommend fine-tuning (confidence 75%). data: 5,000 labelled examples of proprietary data are a large dataset to train on, and knowledge no public model has. task specificity: A high-complexity medical task is specialised: the model must internalise the domain's terms and reasoning, which training teaches better than instructions. accuracy: Prompting reaches 90% against a target of 97%: it has plateaued 7 points short, a gap that training closes better than more instructions.
                """ + FACTS);
    }

    @Test
    void aMatchingOrUnsureDeclarationIsQuiet() {
        check(RULE, new TestWorkspace(), "promptwise.yaml", """
                workloads:
                  claims:
                    approach: fine-tuning
                """ + FACTS + """
                  unsure:
                    approach: fine-tuning
                """);
    }
}
