package dev.promptwise.core.rules;

import static dev.promptwise.core.rules.RuleFixture.check;

import dev.promptwise.testing.TestWorkspace;
import org.junit.jupiter.api.Test;

/** {@code undefined-variable}: a template variable no declared input names, with the closest declared one. */
class UndefinedVariableTest {

    private static final String RULE = "undefined-variable";

    @Test
    void aVariableNoInputDeclaresIsFlaggedOnItsName() {
        check(RULE, new TestWorkspace(), "prompts/triage.prompty", """
                ---
                name: triage
                inputs:
                  ticket:
                    type: string
                ---
                system:
                Route the ticket.

                user:
                {{tickte}} from {{customer}}
                  ^^^^^^ warning undefined-variable: Variable 'tickte' is used but no input declares it: the template renders it empty (did you mean 'ticket'?)
                                  ^^^^^^^^ warning undefined-variable: Variable 'customer' is used but no input declares it: the template renders it empty
                """);
    }

    @Test
    void declaredVariablesAndFilesThatDeclareNoInputsAreQuiet() {
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
        check(RULE, new TestWorkspace(), "prompts/plain.txt", "Route {{ticket}}.");
    }
}
