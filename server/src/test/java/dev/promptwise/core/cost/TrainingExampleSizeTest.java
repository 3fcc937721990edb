package dev.promptwise.core.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.promptwise.core.cost.FineTuningPlan.ExampleSize;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The size of one training example comes from the strategy file's facts (docs/cost-model.md, "Training"):
 * data.avgExampleTokens, else the traffic's input + output, else, said in the notes, the prompt's own examples.
 */
class TrainingExampleSizeTest {

    @Test
    void theDeclaredSizeWinsThenTheTrafficThenThePromptsExamples() {
        assertEquals(new FineTuningPlan.ExampleTokens(450, ExampleSize.DECLARED),
                FineTuningPlan.exampleTokens(450.0, 100, 20, 6, 150));
        assertEquals(new FineTuningPlan.ExampleTokens(120, ExampleSize.TRAFFIC),
                FineTuningPlan.exampleTokens(null, 100, 20, 6, 150));
        assertEquals(new FineTuningPlan.ExampleTokens(20, ExampleSize.TRAFFIC),
                FineTuningPlan.exampleTokens(null, null, 20, 6, 150), "a prompt without variables adds no input");
        assertEquals(new FineTuningPlan.ExampleTokens(150, ExampleSize.PROMPT_EXAMPLES),
                FineTuningPlan.exampleTokens(null, 100, null, 6, 150));
        assertEquals(new FineTuningPlan.ExampleTokens(100, ExampleSize.UNKNOWN),
                FineTuningPlan.exampleTokens(null, 100, null, 0, 0));
    }

    @Test
    void theFallbackOnThePromptsExamplesIsNamedInTheNotes() {
        PromptCostInput prompt = new PromptCostInput(1650, 2, 900, 6, 200, 40, 1500);
        FineTuningPlan plan = new FineTuningPlan(ModelFacts.gpt4oMini(), 3000, 150, null, "monthly", true,
                ExampleSize.PROMPT_EXAMPLES, List.of());
        FineTunedCost fineTuned = CostModel.price(ModelFacts.gpt4o(), prompt, new Traffic(250_000, 120, 0), plan)
                .fineTuned().orElseThrow();
        // The old formula's line, sized on the prompt's 900 / 6 = 150-token examples: 4 × 3 + 550 + 150 + 3.
        assertEquals(715, fineTuned.tokensPerTrainingLine(), 1e-9);
        assertTrue(fineTuned.notes().contains("Each training example is taken to be as long as the prompt's own"
                + " few-shot examples (150 tokens), since neither data.avgExampleTokens nor traffic.avgOutputTokens"
                + " is declared."), fineTuned.notes().toString());
    }
}
