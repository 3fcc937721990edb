package dev.promptwise.core.rules;

import static dev.promptwise.core.rules.RuleFixture.check;
import static dev.promptwise.core.rules.RuleFixture.count;
import static dev.promptwise.core.rules.RuleFixture.days;
import static dev.promptwise.core.rules.RuleFixture.usd;

import dev.promptwise.testing.TestWorkspace;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code fine-tuning-pays-off}: a workload that does not fine-tune would pay back a fine-tuned model's training
 * within 90 days. The expected message is computed by {@link HandCosts} with the formulas of docs/cost-model.md
 * ("The fine-tuned alternative", "Training", "Retraining", "Saving and break-even") from the catalog's prices and the
 * prompt's token counts: gpt-4o now, a fine-tuned gpt-4o-mini without the examples, retrained monthly.
 */
class FineTuningPaysOffTest {

    private static final String RULE = "fine-tuning-pays-off";
    private static final String INSTRUCTIONS = "Route the ticket to billing, outage or account. Answer with the queue"
            + " name only.";
    static final List<String> EXAMPLES = List.of(
            "Input: The dashboard returns 502 for everyone since this morning.\nOutput: outage",
            "Input: I was charged twice for the March invoice.\nOutput: billing",
            "Input: I lost the phone with my authenticator app.\nOutput: account");
    static final String PROMPT = INSTRUCTIONS + "\n\n" + String.join("\n\n", EXAMPLES);

    static String strategy(String approach, int requestsPerDay) {
        return strategy(approach, requestsPerDay, 150, 20);
    }

    /** The workload with its own variable input and output tokens per request. */
    static String strategy(String approach, int requestsPerDay, int inputTokens, int outputTokens) {
        return """
                workloads:
                  triage:
                    prompt: prompts/triage.txt
                %s    model: gpt-4o
                    traffic: { requestsPerDay: %d, avgInputTokens: %d, avgOutputTokens: %d }
                    data: { labeledExamples: 1000 }
                    requirements: { changeFrequency: monthly }
                    fineTuning: { baseModel: gpt-4o-mini }
                """.formatted(approach == null ? "" : "    approach: " + approach + "\n", requestsPerDay, inputTokens,
                outputTokens);
    }

    /** An example runs up to the next one: the blank line that separates them is part of it (and leaves with it). */
    static int exampleTokens() {
        int tokens = 0;
        for (int i = 0; i < EXAMPLES.size(); i++) {
            tokens += HandCosts.tokens(EXAMPLES.get(i) + (i < EXAMPLES.size() - 1 ? "\n\n" : ""));
        }
        return tokens;
    }

    /** The monthly saving, training and break-even of fine-tuning gpt-4o-mini at this traffic, by hand. */
    static HandCosts.FineTuned fineTuned(int requestsPerDay) {
        return fineTuned(requestsPerDay, 150, 20);
    }

    /** The same with the workload's own variable input and output tokens per request. */
    static HandCosts.FineTuned fineTuned(int requestsPerDay, int inputTokens, int outputTokens) {
        return HandCosts.fineTuned(HandCosts.tokens(PROMPT), exampleTokens(), EXAMPLES.size(), "gpt-4o",
                "gpt-4o-mini", requestsPerDay, inputTokens, outputTokens, 1000, 1.0);
    }

    /**
     * The message for this traffic, or null when the shorter prompt's saving alone does not pay the training back
     * within 90 days (a saving that comes from moving off gpt-4o is a model switch, not fine-tuning's).
     */
    private static String expectedMessage(int requestsPerDay, int inputTokens, int outputTokens) {
        HandCosts.FineTuned cost = fineTuned(requestsPerDay, inputTokens, outputTokens);
        if (!(cost.fromPrompt() > 0) || cost.promptBreakEvenDays() > 90) {
            return null;
        }
        return "Fine-tuning gpt-4o-mini pays back " + usd(cost.training()) + " of training in "
                + days(cost.promptBreakEvenDays()) + " from the shorter prompt alone, then saves "
                + usd(cost.saving()) + "/month at " + count(requestsPerDay) + " requests/day, retraining included: "
                + usd(cost.fromPrompt()) + " from the shorter prompt on fine-tuned gpt-4o-mini, "
                + usd(cost.fromModel()) + " from moving off gpt-4o.";
    }

    private static String expectedMessage(int requestsPerDay) {
        return expectedMessage(requestsPerDay, 150, 20);
    }

    private static TestWorkspace workspace() {
        return new TestWorkspace().with("prompts/triage.txt", PROMPT);
    }

    @Test
    void aWorkloadThatWouldRecoverTheTrainingQuicklyIsToldWithTheSavingSplit() {
        // Short requests with a one-token answer: the 3 examples are most of each request, so dropping them saves
        // more than fine-tuned gpt-4o-mini's doubled prices cost.
        String message = expectedMessage(50_000, 2, 1);
        if (message == null) {
            throw new AssertionError("the fixture should pay off from the shorter prompt at 2 input, 1 output token");
        }
        check(RULE, workspace(), "promptwise.yaml", strategy(null, 50_000, 2, 1).replace("  triage:\n", "  triage:\n"
                + "  ^^^^^^ information fine-tuning-pays-off: " + message + "\n"));
    }

    @Test
    void aSavingThatComesOnlyFromMovingOffGpt4oIsNotCalledFineTuning() {
        // At 150 input and 20 output tokens, fine-tuned gpt-4o-mini costs less than gpt-4o, but more than plain
        // gpt-4o-mini with the examples left in: the whole saving is the model switch's.
        HandCosts.FineTuned cost = fineTuned(50_000);
        if (!(cost.saving() > 0) || !(cost.fromPrompt() < 0)) {
            throw new AssertionError("the fixture should save only by switching models: " + cost);
        }
        check(RULE, workspace(), "promptwise.yaml", strategy(null, 50_000));
    }

    @Test
    void aSlowPaybackIsNotReported() {
        // At 10 requests a day the monthly saving is cents: the training takes far longer than 90 days to pay back.
        if (expectedMessage(10) != null) {
            throw new AssertionError("the fixture should not pay off at 10 requests a day");
        }
        check(RULE, workspace(), "promptwise.yaml", strategy(null, 10));
    }

    @Test
    void aWorkloadThatAlreadyFineTunesIsNotTold() {
        check(RULE, workspace(), "promptwise.yaml", strategy("fine-tuning", 50_000));
        check(RULE, workspace(), "promptwise.yaml", strategy("hybrid", 50_000));
    }

    @Test
    void theSettingTurnsItOff() {
        check(RULE, workspace().settings(RuleFixture.settings("{\"rules\": {\"fine-tuning-pays-off\": \"off\"}}")),
                "promptwise.yaml", strategy(null, 50_000));
    }
}
