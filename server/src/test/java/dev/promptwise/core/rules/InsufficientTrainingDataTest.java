package dev.promptwise.core.rules;

import static dev.promptwise.core.rules.RuleFixture.check;
import static dev.promptwise.core.rules.RuleFixture.settings;

import dev.promptwise.testing.TestWorkspace;
import org.junit.jupiter.api.Test;

/** {@code insufficient-training-data}: training planned on fewer than 10 (error) or 50 (warning) examples. */
class InsufficientTrainingDataTest {

    private static final String RULE = "insufficient-training-data";

    @Test
    void anErrorBelowTenAndAWarningBelowFifty() {
        check(RULE, new TestWorkspace(), "promptwise.yaml", """
                workloads:
                  tiny:
                    approach: fine-tuning
                    data: { labeledExamples: 8 }
                                             ^ error insufficient-training-data: 8 labelled examples for fine-tuning of 'tiny': training needs at least 10, and 50 to expect a gain over few-shot prompting. Collect more, or prompt first and build the dataset from the outputs (iterative-refinement).
                  small:
                    approach: hybrid
                    data: { labeledExamples: 30 }
                                             ^^ warning insufficient-training-data: 30 labelled examples for hybrid of 'small': at least 50 are needed to expect a gain over few-shot prompting. Collect more, or prompt first and build the dataset from the outputs (iterative-refinement).
                """);
    }

    @Test
    void enoughExamplesOrNoTrainingIsQuiet() {
        check(RULE, new TestWorkspace(), "promptwise.yaml", """
                workloads:
                  enough:
                    approach: fine-tuning
                    data: { labeledExamples: 50 }
                  prompting:
                    approach: prompt-engineering
                    data: { labeledExamples: 3 }
                """);
    }

    @Test
    void theSettingsSeverityAppliesToBothLevels() {
        check(RULE, new TestWorkspace().settings(settings("{\"rules\": {\"insufficient-training-data\": \"information\"}}")),
                "promptwise.yaml", """
                workloads:
                  tiny:
                    approach: fine-tuning
                    data: { labeledExamples: 8 }
                                             ^ information insufficient-training-data: 8 labelled examples for fine-tuning of 'tiny': training needs at least 10, and 50 to expect a gain over few-shot prompting. Collect more, or prompt first and build the dataset from the outputs (iterative-refinement).
                """);
    }
}
