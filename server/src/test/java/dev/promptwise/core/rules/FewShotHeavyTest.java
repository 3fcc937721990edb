package dev.promptwise.core.rules;

import static dev.promptwise.core.rules.RuleFixture.check;
import static dev.promptwise.core.rules.RuleFixture.count;
import static dev.promptwise.core.rules.RuleFixture.percent;
import static dev.promptwise.core.rules.RuleFixture.usd;

import dev.promptwise.testing.TestWorkspace;
import org.junit.jupiter.api.Test;

/**
 * {@code few-shot-heavy}: three or more examples take 40 % or more of the prompt; at a workload the message leads
 * with the monthly saving of moving them into a fine-tuned model, computed by {@link HandCosts} for the prompt and
 * workload of {@link FineTuningPaysOffTest}.
 */
class FewShotHeavyTest {

    private static final String RULE = "few-shot-heavy";
    private static final String PROMPT = FineTuningPaysOffTest.PROMPT;
    private static final String FIRST_EXAMPLE = "Input: The dashboard returns 502 for everyone since this morning.";

    /** The prompt with the annotation under the first example's first line. */
    private static String annotated(String message) {
        return PROMPT.replace(FIRST_EXAMPLE + "\n", FIRST_EXAMPLE + "\n" + "^".repeat(FIRST_EXAMPLE.length())
                + " information few-shot-heavy: " + message + "\n");
    }

    @Test
    void atItsWorkloadTheSavingOfFineTuningLeads() {
        int exampleTokens = FineTuningPaysOffTest.exampleTokens();
        int promptTokens = HandCosts.promptTokens(HandCosts.tokens(PROMPT));
        double saving = FineTuningPaysOffTest.fineTuned(50_000).saving();
        TestWorkspace workspace = new TestWorkspace().with("promptwise.yaml", FineTuningPaysOffTest.strategy(null, 50_000));
        check(RULE, workspace, "prompts/triage.txt", annotated("Moving 3 few-shot examples into a fine-tuned gpt-4o-mini"
                + " would save " + usd(saving) + "/month at 50,000 requests/day, retraining included: they take "
                + percent((double) exampleTokens / promptTokens) + " of the prompt (" + count(exampleTokens) + " of "
                + count(promptTokens) + " tokens)."));
    }

    @Test
    void withoutAWorkloadItGivesTheShareAndWhyTheSavingIsUnknown() {
        // Before the fix this message ended "is unknown. " with nothing after: the reason sat in the workload's notes.
        int exampleTokens = FineTuningPaysOffTest.exampleTokens();
        int promptTokens = HandCosts.promptTokens(HandCosts.tokens(PROMPT));
        check(RULE, new TestWorkspace(), "prompts/triage.txt", annotated("3 few-shot examples take "
                + percent((double) exampleTokens / promptTokens) + " of the prompt (" + count(exampleTokens)
                + " of " + count(promptTokens) + " tokens); the saving of moving them into a fine-tuned gpt-4o-mini is"
                + " unknown. No traffic is known for this prompt, so its cost per request and per month are not"
                + " computed: give its workload a traffic section (requestsPerDay, avgInputTokens, avgOutputTokens)."));
    }

    @Test
    void twoExamplesOrASmallShareAreQuiet() {
        String two = PROMPT.substring(0, PROMPT.lastIndexOf("\n\nInput:"));
        check(RULE, new TestWorkspace(), "prompts/triage.txt", two);
        String instructions = "Route the ticket to billing, outage or account, reading it closely first. ".repeat(20);
        check(RULE, new TestWorkspace(), "prompts/triage.txt", instructions + "\n\n" + PROMPT);
    }
}
