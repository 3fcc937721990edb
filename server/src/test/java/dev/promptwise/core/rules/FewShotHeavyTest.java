package dev.promptwise.core.rules;

import static dev.promptwise.core.rules.RuleFixture.boundTo;
import static dev.promptwise.core.rules.RuleFixture.check;
import static dev.promptwise.core.rules.RuleFixture.count;
import static dev.promptwise.core.rules.RuleFixture.percent;
import static dev.promptwise.core.rules.RuleFixture.usd;
import static org.junit.jupiter.api.Assertions.assertEquals;

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

    /** The prompt with the annotation under the first example's first line, as workload triage gets it. */
    private static String annotatedForTriage(String message) {
        return annotated(boundTo(message, "triage", "promptwise.yaml"));
    }

    /** The prompt with the annotation under the first example's first line. */
    private static String annotated(String message) {
        return PROMPT.replace(FIRST_EXAMPLE + "\n", FIRST_EXAMPLE + "\n" + "^".repeat(FIRST_EXAMPLE.length())
                + " information few-shot-heavy: " + message + "\n");
    }

    @Test
    void atItsWorkloadTheSavingOfFineTuningLeadsSplitIntoPromptAndModel() {
        int exampleTokens = FineTuningPaysOffTest.exampleTokens();
        int promptTokens = HandCosts.promptTokens(HandCosts.tokens(PROMPT));
        HandCosts.FineTuned cost = FineTuningPaysOffTest.fineTuned(50_000, 2, 1);
        TestWorkspace workspace = new TestWorkspace().with("promptwise.yaml",
                FineTuningPaysOffTest.strategy(null, 50_000, 2, 1));
        check(RULE, workspace, "prompts/triage.txt", annotatedForTriage("Moving 3 few-shot examples into a fine-tuned gpt-4o-mini"
                + " would save " + usd(cost.saving()) + "/month at 50,000 requests/day, retraining included: "
                + usd(cost.fromPrompt()) + " from the shorter prompt on fine-tuned gpt-4o-mini, " + usd(cost.fromModel())
                + " from moving off gpt-4o: they take " + percent((double) exampleTokens / promptTokens)
                + " of the prompt (" + count(exampleTokens) + " of " + count(promptTokens) + " tokens)."));
    }

    @Test
    void aSavingThatComesOnlyFromTheCheaperBaseModelIsLabelledAModelSwitch() {
        int exampleTokens = FineTuningPaysOffTest.exampleTokens();
        int promptTokens = HandCosts.promptTokens(HandCosts.tokens(PROMPT));
        HandCosts.FineTuned cost = FineTuningPaysOffTest.fineTuned(50_000);
        TestWorkspace workspace = new TestWorkspace().with("promptwise.yaml", FineTuningPaysOffTest.strategy(null, 50_000));
        check(RULE, workspace, "prompts/triage.txt", annotatedForTriage("3 few-shot examples take "
                + percent((double) exampleTokens / promptTokens) + " of the prompt (" + count(exampleTokens) + " of "
                + count(promptTokens) + " tokens); a fine-tuned gpt-4o-mini would cost " + usd(cost.saving())
                + "/month less than gpt-4o now at 50,000 requests/day, but only as a model switch (the prompt as"
                + " written on gpt-4o-mini would cost " + usd(cost.fromModel()) + " less than on gpt-4o, and the"
                + " shorter prompt on fine-tuned gpt-4o-mini costs " + usd(-cost.fromPrompt()) + " more, retraining"
                + " included), so keep the examples or switch models without training."));
    }

    @Test
    void aClaudeWorkloadWithoutABaseModelGetsNoFineTunedFigureAndIsToldWhy() {
        int exampleTokens = FineTuningPaysOffTest.exampleTokens();
        int promptTokens = HandCosts.promptTokens(HandCosts.tokens(PROMPT));
        String strategy = FineTuningPaysOffTest.strategy(null, 50_000).replace("model: gpt-4o", "model: claude-sonnet-4.5")
                .replace("    fineTuning: { baseModel: gpt-4o-mini }\n", "");
        check(RULE, new TestWorkspace().with("promptwise.yaml", strategy), "prompts/triage.txt",
                annotatedForTriage("3 few-shot examples take " + percent((double) exampleTokens / promptTokens)
                        + " of the prompt (≈" + count(exampleTokens) + " of ≈" + count(promptTokens) + " tokens)."
                        + " claude-sonnet-4.5 cannot be fine-tuned through Anthropic's API, so there is no fine-tuned"
                        + " alternative; declare fineTuning.baseModel to compare with a fine-tunable model."));
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
    void theExtractFixNeverWritesAModelTheWorkloadCannotFineTune() {
        String claude = FineTuningPaysOffTest.strategy(null, 50_000).replace("model: gpt-4o", "model: claude-sonnet-4.5")
                .replace("    fineTuning: { baseModel: gpt-4o-mini }\n", "");
        assertEquals("# baseModel: none: claude-sonnet-4.5 cannot be fine-tuned through Anthropic's API: Anthropic's"
                + " API offers no fine-tuning of Claude models", scaffoldedBase(claude));
        // o3 cannot be fine-tuned either, but OpenAI fine-tunes others: its cheapest, fine-tuned gpt-4.1-nano.
        String o3 = FineTuningPaysOffTest.strategy(null, 50_000).replace("model: gpt-4o", "model: o3")
                .replace("    fineTuning: { baseModel: gpt-4o-mini }\n", "");
        assertEquals("baseModel: gpt-4.1-nano", scaffoldedBase(o3));
        String own = FineTuningPaysOffTest.strategy(null, 50_000).replace("    fineTuning: { baseModel: gpt-4o-mini }\n",
                "");
        assertEquals("baseModel: gpt-4o", scaffoldedBase(own));
    }

    /** Returns the base-model line that the few-shot-heavy fix writes into the strategy file. */
    private static String scaffoldedBase(String strategy) {
        TestWorkspace workspace = new TestWorkspace().with("promptwise.yaml", strategy).with("prompts/triage.txt", PROMPT);
        dev.promptwise.core.vocabulary.Fix fix = workspace.findings("prompts/triage.txt").stream()
                .filter(finding -> finding.ruleId().equals(RULE)).findFirst().orElseThrow().fixes().get(0);
        String edits = fix.workspaceChange().edits().get("promptwise.yaml").toString();
        int start = edits.indexOf(edits.contains("# baseModel") ? "# baseModel" : "baseModel:");
        return edits.substring(start, edits.indexOf('\n', start));
    }

    @Test
    void twoExamplesOrASmallShareAreQuiet() {
        String two = PROMPT.substring(0, PROMPT.lastIndexOf("\n\nInput:"));
        check(RULE, new TestWorkspace(), "prompts/triage.txt", two);
        String instructions = "Route the ticket to billing, outage or account, reading it closely first. ".repeat(20);
        check(RULE, new TestWorkspace(), "prompts/triage.txt", instructions + "\n\n" + PROMPT);
    }
}
