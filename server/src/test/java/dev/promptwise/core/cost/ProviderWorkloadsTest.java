package dev.promptwise.core.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Hand-computed workloads beyond the worked example: one per caching provider, one where fine-tuning never pays
 * off, one where it pays off within a week. The arithmetic is written beside each figure.
 */
class ProviderWorkloadsTest {

    private static final double EXACT = 1e-6;

    @Test
    void anthropicCachesTheMarkedPrefixAndPaysForItsWrites() {
        // 3,000 static tokens in a system and a user message; the first 2,800 come before any variable.
        PromptCostInput prompt = new PromptCostInput(3000, 2, 0, 0, 0, 2800, 2800);
        WorkloadCost cost = CostModel.price(
                ModelFacts.claudeSonnet4(), prompt, new Traffic(10_000, 200, 300), null);
        CostFigures now = cost.now().orElseThrow();

        assertEquals(3209, now.inputTokens()); // 3,000 + 3 × 2 + 3 + 200
        assertEquals(2800, now.cachedTokens());
        // Uncached: 3,009 × $3 + 200 × $3 + 300 × $15 per million = $0.009027 + $0.0006 + $0.0045.
        assertEquals(0.009027, now.perRequest().staticInput(), 1e-12);
        // A warm read saves 2,800 × ($3 − $0.30) = $0.00756;
        // a cold write costs 2,800 × ($3.75 − $3) = $0.0021 more.
        // 288 cold and 9,712 warm requests a day: 9,712 × 0.00756 − 288 × 0.0021 = $72.81792 a day.
        assertEquals(72.81792 * 30, now.perMonth().cacheSaving(), EXACT);
        assertEquals(2_184.5376, now.perMonth().cacheSaving(), EXACT);
        // $0.014127 × 300,000 = $4,238.10 uncached, less $2,184.5376.
        assertEquals(2_053.5624, now.costPerMonth(), EXACT);
        assertEquals(0.006845208, now.costPerRequest(), 1e-12);
    }

    @Test
    void anthropicCachingIsNotAssumedWhenWritesWouldCostMoreThanReadsSave() {
        PromptCostInput prompt = new PromptCostInput(3000, 2, 0, 0, 0, 2800, 2800);
        // 100 requests a day: every one finds the 5-minute cache cold, so every one would pay the write.
        CostFigures now = CostModel.price(
                ModelFacts.claudeSonnet4(), prompt, new Traffic(100, 200, 300), null).now().orElseThrow();

        assertEquals(0, now.cachedTokens());
        assertEquals(0, now.perMonth().cacheSaving());
        assertEquals(42.381, now.costPerMonth(), EXACT); // $0.014127 × 100 × 30
    }

    @Test
    void geminiCachesImplicitlyWithoutSteps() {
        PromptCostInput prompt = new PromptCostInput(1500, 1, 0, 0, 0, 1500, 1500);
        CostFigures now = CostModel.price(
                ModelFacts.gemini25Flash(), prompt, new Traffic(50_000, 100, 200), null).now().orElseThrow();

        assertEquals(1606, now.inputTokens()); // 1,500 + 3 + 3 + 100
        assertEquals(1500, now.cachedTokens()); // no 128-token steps: the whole prefix
        // Warm saving 1,500 × ($0.30 − $0.075) = $0.0003375; 49,712 warm requests a day = $16.7778.
        assertEquals(503.334, now.perMonth().cacheSaving(), EXACT);
        // Uncached $0.0009818 × 1,500,000 = $1,472.70, less $503.334.
        assertEquals(969.366, now.costPerMonth(), EXACT);
    }

    @Test
    void fineTuningNeverPaysOffAtLowVolume() {
        // gpt-4o-mini at 200 requests a day; fine-tuned gpt-4o-mini costs twice the base price per token.
        PromptCostInput prompt = new PromptCostInput(800, 2, 300, 3, 0, 0, 0);
        FineTuningPlan plan = new FineTuningPlan(ModelFacts.gpt4oMini(), 500, 100, null, "weekly", false);
        WorkloadCost cost = CostModel.price(ModelFacts.gpt4oMini(), prompt, new Traffic(200, 100, 150), plan);
        FineTunedCost fineTuned = cost.fineTuned().orElseThrow();

        assertEquals(1.3581, cost.now().orElseThrow().costPerMonth(), EXACT); // $0.00022635 × 6,000
        assertEquals(2.1762, fineTuned.inference().orElseThrow().costPerMonth(), EXACT); // $0.0003627 × 6,000
        // 500 lines of 4 × 3 + 500 + 100 + 3 = 615 tokens, 3 epochs, $3 per million: $2.7675.
        assertEquals(2.7675, fineTuned.trainingCost().orElseThrow(), EXACT);
        assertEquals(11.983275, fineTuned.retrainingPerMonth().orElseThrow(), EXACT); // 4.33 × $2.7675
        assertEquals(-12.801375, fineTuned.monthlySaving().orElseThrow(), EXACT);
        assertTrue(fineTuned.breakEvenDays().isEmpty());
        assertEquals("Fine-tuning gpt-4o-mini never pays back $2.77 of training: it would cost $12.80/month more"
                + " than the prompt at 200 requests/day.", CostMessages.fineTuningPaysOff(fineTuned));
    }

    @Test
    void fineTuningPaysOffWithinAWeek() {
        // gpt-4o with ten 200-token examples, fine-tuned gpt-4o (1.5 × the base price, $25 per million to train).
        PromptCostInput prompt = new PromptCostInput(2500, 2, 2000, 10, 0, 0, 0);
        FineTuningPlan plan = new FineTuningPlan(ModelFacts.gpt4o(), 5000, 200, null, "yearly", false);
        WorkloadCost cost = CostModel.price(ModelFacts.gpt4o(), prompt, new Traffic(20_000, 100, 100), plan);
        FineTunedCost fineTuned = cost.fineTuned().orElseThrow();

        assertEquals(4_513.50, cost.now().orElseThrow().costPerMonth(), EXACT); // $0.0075225 × 600,000
        assertEquals(2_270.25, fineTuned.inference().orElseThrow().costPerMonth(), EXACT); // $0.00378375 × 600,000
        // 5,000 lines × 715 tokens × 3 epochs = 10,725,000 tokens × $25 per million.
        assertEquals(268.125, fineTuned.trainingCost().orElseThrow(), EXACT);
        assertEquals(22.34375, fineTuned.retrainingPerMonth().orElseThrow(), EXACT); // once a year
        assertEquals(2_220.90625, fineTuned.monthlySaving().orElseThrow(), EXACT);
        // $268.125 / ($2,220.90625 / 30) = 3.62 days.
        assertEquals(3.621832303817, fineTuned.breakEvenDays().orElseThrow(), 1e-9);
        assertEquals("Fine-tuning gpt-4o pays back $268.13 of training in 4 days, then saves $2,220.91/month at"
                + " 20,000 requests/day, retraining included.", CostMessages.fineTuningPaysOff(fineTuned));
    }

    @Test
    void exampleMessagesLeaveWithTheExamples() {
        // System, three user/assistant example pairs, final user message: 8 messages, 6 of them examples.
        PromptCostInput prompt = new PromptCostInput(1000, 8, 600, 3, 0, 0, 0, 6);
        FineTuningPlan plan = new FineTuningPlan(ModelFacts.gpt4oMini(), 100, 200, null, null, false);
        WorkloadCost cost = CostModel.price(ModelFacts.gpt4o(), prompt, new Traffic(1000, 50, 50), plan);

        assertEquals(1000 + 24 + 3 + 50, cost.now().orElseThrow().inputTokens());
        // 400 static tokens in 2 messages: 400 + 6 + 3 + 50.
        assertEquals(459, cost.fineTuned().orElseThrow().inference().orElseThrow().inputTokens());
    }

    @Test
    void theFineTunedPromptKeepsItsCacheablePrefixWhenItIsLongEnough() {
        // 3,000 static tokens lead the request; the examples (500) come out of that prefix.
        PromptCostInput prompt = new PromptCostInput(3200, 2, 500, 5, 0, 3000, 3000);
        FineTuningPlan plan = new FineTuningPlan(ModelFacts.gpt4oMini(), 1000, 100, null, null, false);
        WorkloadCost cost = CostModel.price(ModelFacts.gpt4o(), prompt, new Traffic(100_000, 100, 100), plan);

        assertEquals(2944, cost.now().orElseThrow().cachedTokens()); // 1,024 + 128 × 15
        // 2,500 prefix tokens remain: 1,024 + 128 × 11, read at the fine-tuned cached price.
        assertEquals(2432, cost.fineTuned().orElseThrow().inference().orElseThrow().cachedTokens());
        assertEquals(0, cost.hybrid().orElseThrow().inference().orElseThrow().cachedTokens());
    }

    @Test
    void theChartsBreakEvenVolumeIsWhereTheMonthlyCostsCross() {
        PromptCostInput prompt = new PromptCostInput(2500, 2, 2000, 10, 0, 0, 0);
        FineTuningPlan yearly = new FineTuningPlan(ModelFacts.gpt4o(), 5000, 200, null, "yearly", false);
        Traffic traffic = new Traffic(20_000, 100, 100);
        // $22.34375 of retraining a month / (30 × ($0.0075225 − $0.00378375) a request) = 199.2 requests a day.
        assertEquals(200, CostModel.breakEvenRequestsPerDay(ModelFacts.gpt4o(), prompt, traffic, yearly,
                CostModel.Alternative.FINE_TUNED).orElseThrow());

        FineTuningPlan neverRetrained = new FineTuningPlan(ModelFacts.gpt4o(), 5000, 200, null, null, false);
        assertEquals(0, CostModel.breakEvenRequestsPerDay(ModelFacts.gpt4o(), prompt, traffic, neverRetrained,
                CostModel.Alternative.FINE_TUNED).orElseThrow());

        PromptCostInput small = new PromptCostInput(800, 2, 300, 3, 0, 0, 0);
        FineTuningPlan dearer = new FineTuningPlan(ModelFacts.gpt4oMini(), 500, 100, null, "weekly", false);
        assertTrue(CostModel.breakEvenRequestsPerDay(ModelFacts.gpt4oMini(), small, new Traffic(200, 100, 150),
                dearer, CostModel.Alternative.FINE_TUNED).isEmpty());
        assertTrue(CostModel.breakEvenRequestsPerDay(ModelFacts.gpt4o(), prompt, null, yearly,
                CostModel.Alternative.HYBRID).isEmpty());
    }
}
