package dev.promptwise.core.rules;

import static dev.promptwise.core.rules.RuleFixture.check;

import dev.promptwise.testing.TestWorkspace;
import org.junit.jupiter.api.Test;

/** {@code volatile-requirements}: fine-tuning planned for requirements that change weekly or daily. */
class VolatileRequirementsTest {

    private static final String RULE = "volatile-requirements";

    @Test
    void fineTuningOnWeeklyOrDailyChangesIsFlagged() {
        check(RULE, new TestWorkspace(), "promptwise.yaml", """
                workloads:
                  pricing-rules:
                    approach: fine-tuning
                    traffic: { requestsPerDay: 400000 }
                    data: { labeledExamples: 2000 }
                    task: { accuracyTarget: 0.97, currentAccuracy: 0.9 }
                    requirements: { changeFrequency: weekly }
                                                     ^^^^^^ warning volatile-requirements: Requirements change weekly (about 52 retrainings a year), but 'pricing-rules' plans fine-tuning: each change means retraining. Keep the changing rules in the prompt on top of a fine-tuned core (hybrid, foundation-plus-specialization).
                  news:
                    approach: fine-tuning
                    requirements: { changeFrequency: daily }
                                                     ^^^^^ warning volatile-requirements: Requirements change daily (about 365 retrainings a year), but 'news' plans fine-tuning: each change means retraining. Keep the task in the prompt, where a change is an edit: the facts recommend prompt-engineering.
                """);
    }

    @Test
    void hybridOrStableRequirementsAreQuiet() {
        check(RULE, new TestWorkspace(), "promptwise.yaml", """
                workloads:
                  hybrid:
                    approach: hybrid
                    requirements: { changeFrequency: weekly }
                  stable:
                    approach: fine-tuning
                    requirements: { changeFrequency: quarterly }
                """);
    }
}
