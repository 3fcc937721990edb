package dev.promptwise.core.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import dev.promptwise.core.cost.Money;
import dev.promptwise.core.semantics.AnalyzedStrategy;
import dev.promptwise.testing.TestWorkspace;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The lens over a workload names the base model beside every fine-tuned figure, gives the model switch its own
 * figure when the base is another model, and shows no fine-tuned figure when there is no possible base. Figures are
 * worked out here from model-facts.md's prices and docs/cost-model.md's formulas.
 */
class CostLensTest {

    private static final List<String> EXAMPLES = List.of(
            "Input: The dashboard returns 502 for everyone since this morning.\nOutput: outage",
            "Input: I was charged twice for the March invoice.\nOutput: billing",
            "Input: I lost the phone with my authenticator app.\nOutput: account");
    private static final String PROMPT = "Route the ticket to billing, outage or account. Answer with the queue name"
            + " only.\n\n" + String.join("\n\n", EXAMPLES);
    private static final String WORKLOAD = """
              %s:
                prompt: prompts/triage.txt
                model: %s
                traffic: { requestsPerDay: 50000, avgInputTokens: 2, avgOutputTokens: 1 }
                data: { labeledExamples: 1000 }
                requirements: { changeFrequency: monthly }
            """;

    @Test
    void theLensNamesTheBaseModelAndGivesTheModelSwitchItsOwnFigure() {
        AnalyzedStrategy strategy = new TestWorkspace().with("prompts/triage.txt", PROMPT)
                .with("promptwise.yaml", "workloads:\n" + WORKLOAD.formatted("switching", "gpt-4o")
                        + "    fineTuning: { baseModel: gpt-4o-mini }\n" + WORKLOAD.formatted("claude",
                        "claude-sonnet-4.5"))
                .strategy("promptwise.yaml");

        Encoding o200k = Encodings.newDefaultEncodingRegistry().getEncoding(EncodingType.O200K_BASE);
        int text = o200k.countTokens(PROMPT);
        int examples = 0;
        for (int i = 0; i < EXAMPLES.size(); i++) {
            examples += o200k.countTokens(EXAMPLES.get(i) + (i < EXAMPLES.size() - 1 ? "\n\n" : ""));
        }
        double month = 50_000 * 30;
        int input = text + 3 + 3 + 2;
        double now = (input * 2.50 + 10.00) / 1e6 * month;
        double modelSwitch = (input * 0.15 + 0.60) / 1e6 * month;
        int shorter = text - examples;
        // A training example: a request's declared input and answer, 2 + 1 tokens (docs/cost-model.md, "Training").
        double training = 1000 * (4 * 2 + shorter + (2 + 1) + 3) * 3 * 3.00 / 1e6;
        double fineTuned = ((shorter + 3 + 3 + 2) * 0.30 + 1.20) / 1e6 * month + training;
        double hybrid = ((3 + 3 + 2) * 0.30 + 1.20) / 1e6 * month + 1000 * (4 * 2 + (2 + 1) + 3) * 3 * 3.00 / 1e6;
        double promptBreakEven = training / ((modelSwitch - fineTuned) / 30);

        assertEquals("Now " + Money.perMonth(now) + " · model switch to gpt-4o-mini " + Money.perMonth(modelSwitch)
                + " · fine-tuned gpt-4o-mini " + Money.perMonth(fineTuned) + " · hybrid gpt-4o-mini "
                + Money.perMonth(hybrid) + " · " + Money.usd(training) + " of training · break-even "
                + Money.days(promptBreakEven), StrategyAnalyses.costTitle(strategy.workloads().get("switching")));
        double claudeNow = (input * 3.00 + 15.00) / 1e6 * month;
        assertEquals("Now " + Money.perMonth(claudeNow, true) + " · no fine-tuned alternative: claude-sonnet-4.5 cannot be"
                + " fine-tuned", StrategyAnalyses.costTitle(strategy.workloads().get("claude")));
    }
}
