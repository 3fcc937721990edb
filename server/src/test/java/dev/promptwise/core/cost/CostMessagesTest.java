package dev.promptwise.core.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Checks the cost rules' messages where a figure is missing, negative or nil; the worked example covers the rest. */
class CostMessagesTest {

    @Test
    void costAtScaleNamesTheOutputWhenItCostsMost() {
        // 100 static tokens, 2,000 output tokens on gpt-4o at 10,000 requests a day.
        PromptCostInput prompt = new PromptCostInput(100, 1, 0, 0, 0, 0, 0);
        CostFigures now = CostModel.price(ModelFacts.gpt4o(), prompt, new Traffic(10_000, 50, 2000), null)
                .now().orElseThrow();

        // Input 156 × $2.50 = $0.00039, output 2,000 × $10 = $0.02 per request; × 300,000.
        assertEquals("$6,117.00/month ($0.02/request at 10,000 requests/day) is over the budget of $5,000.00/month;"
                + " the largest contributor is the output, $6,000.00/month.", CostMessages.costAtScale(now, 5000));
    }

    /** A reasoning model whose reasoning is not declared: the hover's table says what it leaves out. */
    @Test
    void theTableOfAReasoningModelSaysItsReasoningIsNotCounted() {
        dev.promptwise.core.catalog.ModelInfo o3 =
                dev.promptwise.core.catalog.PriceCatalog.bundled().resolve("o3").orElseThrow();
        PromptCostInput prompt = new PromptCostInput(100, 1, 0, 0, 0, 0, 0);
        CostFigures now = CostModel.price(o3, prompt,
                new Traffic(1000, 0, 200, 0, java.util.List.of(Traffic.AVG_REASONING_KEY)), null).now().orElseThrow();
        // 103 + 3 input tokens and 200 output tokens, without any reasoning.
        assertEquals((106 * o3.input() + 200 * o3.output()) / 1e6 * 30_000, now.costPerMonth(), 1e-9);
        assertEquals(false, now.isLowerBound(), "no 'at least': a reasoning effort may be low");
        String table = CostMessages.breakdownTable(now);
        assertEquals(true, table.endsWith("\no3 reasons in hidden tokens that are billed as output; they are not"
                + " counted here: declare traffic.avgReasoningTokens.\n"), table);
    }

    @Test
    void fewShotHeavyWithoutAFineTuningPlanSaysWhatTheSavingNeeds() {
        assertEquals("4 few-shot examples take 50% of the prompt (1,000 of 2,000 tokens); give the workload"
                + " traffic to see the saving of moving them into a fine-tuned model.",
                CostMessages.fewShotHeavy(4, 1000, 2000, Optional.empty()));
        assertEquals("4 few-shot examples take 50% of the prompt (1,000 of 2,000 tokens). o3 cannot be fine-tuned.",
                CostMessages.fewShotHeavy(4, 1000, 2000, Optional.empty(), "o3 cannot be fine-tuned."));
    }

    @Test
    void fewShotHeavySaysSoWhenFineTuningWouldCostMore() {
        PromptCostInput prompt = new PromptCostInput(800, 2, 300, 3, 0, 0, 0);
        FineTuningPlan plan = new FineTuningPlan(ModelFacts.gpt4oMini(), 500, 100, null, "weekly", false);
        WorkloadCost cost = CostModel.price(ModelFacts.gpt4oMini(), prompt, new Traffic(200, 100, 150), plan);

        assertEquals("3 few-shot examples take 37.1% of the prompt (300 of 809 tokens); a fine-tuned gpt-4o-mini"
                + " would cost $12.80/month more at 200 requests/day, so keep them in the prompt.",
                CostMessages.fewShotHeavy(3, 300, 809, cost.fineTuned()));
    }

    @Test
    void cacheablePrefixSaysWhenReorderingWouldSaveNothing() {
        // Even reordered, 900 static tokens are below OpenAI's 1,024-token minimum.
        PromptCostInput prompt = new PromptCostInput(900, 2, 0, 0, 0, 10, 900);
        WorkloadCost cost = CostModel.price(ModelFacts.gpt4o(), prompt, new Traffic(1000, 10, 10), null);

        assertEquals(0, cost.reorderingSaving().orElseThrow());
        assertEquals("Template variables come before the static text, so the provider's prompt cache cannot reuse"
                + " it, but at gpt-4o's caching rules and this traffic moving them would save nothing.",
                CostMessages.cacheablePrefix(cost));
    }
}
