package dev.promptwise.core.rules;

import static dev.promptwise.core.rules.RuleFixture.check;
import static dev.promptwise.core.rules.RuleFixture.count;
import static dev.promptwise.core.rules.RuleFixture.days;
import static dev.promptwise.core.rules.RuleFixture.usd;

import dev.promptwise.core.catalog.ModelInfo;
import dev.promptwise.core.catalog.PriceCatalog;
import dev.promptwise.core.tokens.TokenCounter;
import dev.promptwise.testing.TestWorkspace;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code fine-tuning-pays-off}: a workload that does not fine-tune would pay back a fine-tuned model's training
 * within 90 days. The expected message is computed here with the formulas of docs/cost-model.md ("The fine-tuned
 * alternative", "Training", "Retraining", "Saving and break-even") from the catalog's prices and the prompt's token
 * counts.
 */
class FineTuningPaysOffTest {

    private static final String RULE = "fine-tuning-pays-off";
    private static final String INSTRUCTIONS = "Route the ticket to billing, outage or account. Answer with the queue"
            + " name only.";
    private static final List<String> EXAMPLES = List.of(
            "Input: The dashboard returns 502 for everyone since this morning.\nOutput: outage",
            "Input: I was charged twice for the March invoice.\nOutput: billing",
            "Input: I lost the phone with my authenticator app.\nOutput: account");
    private static final String PROMPT = INSTRUCTIONS + "\n\n" + String.join("\n\n", EXAMPLES);

    private static String strategy(String approach, int requestsPerDay) {
        return """
                workloads:
                  triage:
                    prompt: prompts/triage.txt
                %s    model: gpt-4o
                    traffic: { requestsPerDay: %d, avgInputTokens: 150, avgOutputTokens: 20 }
                    data: { labeledExamples: 1000 }
                    requirements: { changeFrequency: monthly }
                    fineTuning: { baseModel: gpt-4o-mini }
                """.formatted(approach == null ? "" : "    approach: " + approach + "\n", requestsPerDay);
    }

    /** The message of docs/cost-model.md's formulas for this prompt and traffic, or null when it does not pay off. */
    private static String expectedMessage(int requestsPerDay) {
        ModelInfo gpt4o = PriceCatalog.bundled().resolve("gpt-4o").orElseThrow();
        ModelInfo.FineTuning mini = PriceCatalog.bundled().resolve("gpt-4o-mini").orElseThrow().fineTuning();
        TokenCounter tokens = TokenCounter.forEncoding("o200k_base");
        int staticTokens = tokens.count(PROMPT);
        // An example runs up to the next one: the blank line that separates them is part of it (and leaves with it).
        int exampleTokens = 0;
        for (int i = 0; i < EXAMPLES.size(); i++) {
            exampleTokens += tokens.count(EXAMPLES.get(i) + (i < EXAMPLES.size() - 1 ? "\n\n" : ""));
        }
        double month = requestsPerDay * 30.0;
        // The prompt as written: one message, 3 tokens for it and 3 to prime the reply; under 1,024 tokens, no cache.
        double now = ((staticTokens + 6) * gpt4o.input() + 150 * gpt4o.input() + 20 * gpt4o.output()) / 1e6 * month;
        // Fine-tuned gpt-4o-mini: the prompt without its examples (the output format is not strict), same message.
        int fineTunedStatic = staticTokens - exampleTokens;
        double serving = ((fineTunedStatic + 6) * mini.input() + 150 * mini.input() + 20 * mini.output()) / 1e6
                * month;
        // Training: 1,000 lines of 4 × (1 + 1) + S_ft + A + 3 tokens, 3 epochs (1,000 × 3 lies in [100, 25,000]).
        double averageExample = exampleTokens / 3.0;
        double trainingTokens = 1000 * (4 * 2 + fineTunedStatic + averageExample + 3) * 3;
        double training = trainingTokens * mini.training() / 1e6;
        double fineTuned = serving + training; // monthly changes: one retraining a month
        double saving = now - fineTuned;
        double breakEven = training / (saving / 30);
        if (!(saving > 0) || breakEven > 90) {
            return null;
        }
        return "Fine-tuning gpt-4o-mini pays back its " + usd(training) + " training in " + days(breakEven)
                + ", then saves " + usd(saving) + "/month at " + count(requestsPerDay)
                + " requests/day, retraining included.";
    }

    private static TestWorkspace workspace() {
        return new TestWorkspace().with("prompts/triage.txt", PROMPT);
    }

    @Test
    void aWorkloadThatWouldRecoverTheTrainingQuicklyIsTold() {
        String message = expectedMessage(50_000);
        check(RULE, workspace(), "promptwise.yaml", strategy(null, 50_000).replace("  triage:\n", "  triage:\n"
                + "  ^^^^^^ information fine-tuning-pays-off: " + message + "\n"));
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
