package dev.promptwise.core.rules;

import static dev.promptwise.core.rules.RuleFixture.check;

import dev.promptwise.testing.TestWorkspace;
import org.junit.jupiter.api.Test;

/** {@code approach-mismatch}: the declared approach differs from the recommendation, whose deciding factors it names. */
class ApproachMismatchTest {

    private static final String RULE = "approach-mismatch";
    private static final String FACTS = """
                traffic: { requestsPerDay: 250000 }
                task: { domain: medical, complexity: high, outputFormat: json }
                requirements: { changeFrequency: quarterly }
                data: { labeledExamples: 5000, proprietary: true }
            """;

    @Test
    void aDeclaredApproachAgainstTheFactsIsFlaggedOnTheApproach() {
        check(RULE, new TestWorkspace(), "promptwise.yaml", """
                workloads:
                  claims:
                    approach: prompt-engineering
                              ^^^^^^^^^^^^^^^^^^ warning approach-mismatch: 'claims' declares prompt-engineering, but the facts recommend fine-tuning (confidence 64%). data: 5,000 labelled examples of proprietary data are a large dataset to train on, and knowledge no public model has. task specificity: A high-complexity medical task is specialised: the model must internalise the domain's terms and reasoning, which training teaches better than instructions. request volume: 250,000 requests a day is high volume: the shorter prompt of a fine-tuned model saves on every request.
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
