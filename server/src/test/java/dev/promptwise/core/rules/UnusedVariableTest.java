package dev.promptwise.core.rules;

import static dev.promptwise.core.rules.RuleFixture.check;

import dev.promptwise.testing.TestWorkspace;
import org.junit.jupiter.api.Test;

/** {@code unused-variable}: a declared input the template never uses, flagged on its declaration. */
class UnusedVariableTest {

    private static final String RULE = "unused-variable";

    @Test
    void anInputTheTemplateNeverUsesIsFlagged() {
        check(RULE, new TestWorkspace(), "prompts/triage.prompty", """
                ---
                name: triage
                inputs:
                  ticket:
                    type: string
                  locale:
                  ^^^^^^ warning unused-variable: Input 'locale' is declared but the template never uses it
                    type: string
                ---
                user:
                {{ticket}}
                """);
    }

    @Test
    void inputsThatAreUsedAreQuiet() {
        check(RULE, new TestWorkspace(), "prompts/triage.prompty", """
                ---
                name: triage
                inputs:
                  ticket:
                    type: string
                ---
                user:
                {{ticket}}
                """);
    }
}
