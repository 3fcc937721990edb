package dev.promptwise.core.rules;

import static dev.promptwise.core.rules.RuleFixture.check;

import dev.promptwise.testing.TestWorkspace;
import org.junit.jupiter.api.Test;

/** {@code strategy-schema}: unknown keys, wrong types, values outside their set and duplicate keys. */
class StrategySchemaTest {

    private static final String RULE = "strategy-schema";

    @Test
    void keysValuesTypesAndDuplicatesAreFlagged() {
        check(RULE, new TestWorkspace(), "promptwise.yaml", """
                workloads:
                  triage:
                    traffic: { requestPerDay: 1000 }
                               ^^^^^^^^^^^^^ error strategy-schema: Unknown key 'requestPerDay' in 'traffic': did you mean 'requestsPerDay'?
                    approach: fine-tunning
                              ^^^^^^^^^^^^ error strategy-schema: 'fine-tunning' is not a valid approach: expected prompt-engineering, fine-tuning or hybrid; did you mean 'fine-tuning'?
                    data: { labeledExamples: lots }
                                             ^^^^ error strategy-schema: 'labeledExamples' must be a whole number, not text ('lots')
                  triage:
                  ^^^^^^ error strategy-schema: Duplicate key 'triage': YAML keeps only one of them
                    prompt: a.prompty
                """);
    }

    @Test
    void aValidFileIsQuiet() {
        check(RULE, new TestWorkspace(), "promptwise.yaml", """
                version: 1
                workloads:
                  triage:
                    approach: fine-tuning
                    traffic: { requestsPerDay: 1000 }
                    data: { labeledExamples: 500 }
                """);
    }
}
