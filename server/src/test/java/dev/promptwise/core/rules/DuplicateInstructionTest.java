package dev.promptwise.core.rules;

import static dev.promptwise.core.rules.RuleFixture.check;

import dev.promptwise.testing.TestWorkspace;
import org.junit.jupiter.api.Test;

/** {@code duplicate-instruction}: the same sentence or line again, flagged where it repeats. */
class DuplicateInstructionTest {

    private static final String RULE = "duplicate-instruction";

    @Test
    void theSecondOccurrenceIsFlagged() {
        check(RULE, new TestWorkspace(), "prompts/triage.txt", """
                Classify the ticket into one of the queues below.
                Always answer in English, even when the customer writes in another language.
                Queues: billing, outage, account.
                Always answer in English, even when the customer writes in another language.
                ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ warning duplicate-instruction: Repeated instruction, already given on line 2: it is paid for twice on every request
                """);
    }

    @Test
    void shortRepeatsAndDifferentSentencesAreQuiet() {
        check(RULE, new TestWorkspace(), "prompts/triage.txt", """
                Be brief.
                Always answer in English, even when the customer writes in another language.
                Be brief.
                Always answer in French, even when the customer writes in another language.
                """);
    }
}
