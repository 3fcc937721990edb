package dev.promptwise.core.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Reproduces every figure of the worked example in {@code docs/cost-model.md} (support triage on gpt-4o, fine-tuned
 * on gpt-4o-mini, 250,000 requests a day): the exact amounts to a millionth of a dollar, and the rounded words.
 */
class WorkedExampleTest {

    private static final double EXACT = 1e-6;

    private static final PromptCostInput TRIAGE_PROMPT = new PromptCostInput(
            1650, // static tokens: instructions 550, format instructions 200, six examples 900
            2, // a system message and a user message
            900,
            6,
            200,
            40, // "Customer tier: {{tier}}" comes 40 tokens in, before the long static text
            1500); // with the variables moved to the user message, 1,500 static tokens lead the request

    private static final Traffic TRIAGE_TRAFFIC = new Traffic(250_000, 120, 180);

    /** A training example is a request's variable input and its answer: 120 + 180 tokens, from the traffic. */
    private static final FineTuningPlan TRIAGE_PLAN = new FineTuningPlan(
            ModelFacts.gpt4oMini(), 3000, 120 + 180, null, "monthly", true);

    private final WorkloadCost cost = CostModel.price(ModelFacts.gpt4o(), TRIAGE_PROMPT, TRIAGE_TRAFFIC, TRIAGE_PLAN);

    @Test
    void step1PricesThePromptAsWritten() {
        CostFigures now = cost.now().orElseThrow();
        assertEquals(1779, now.inputTokens());
        assertEquals(1659, now.staticTokens());
        assertEquals(0, now.cachedTokens());
        assertEquals(0.0041475, now.perRequest().staticInput(), EXACT);
        assertEquals(0.0003, now.perRequest().variableInput(), EXACT);
        assertEquals(0.0018, now.perRequest().output(), EXACT);
        assertEquals(0.0062475, now.costPerRequest(), EXACT);
        assertEquals(31_106.25, now.perMonth().staticInput(), EXACT);
        assertEquals(2_250.00, now.perMonth().variableInput(), EXACT);
        assertEquals(13_500.00, now.perMonth().output(), EXACT);
        assertEquals(46_856.25, now.costPerMonth(), EXACT);
        assertEquals(CostBreakdown.Contributor.STATIC_PROMPT, now.perMonth().largestContributor());
    }

    @Test
    void step2PricesThePromptWithItsVariablesAfterTheStaticPrefix() {
        CostFigures cached = cost.cached().orElseThrow();
        assertEquals(1408, cached.cachedTokens());
        assertEquals(13_184.7936, cached.perMonth().cacheSaving(), EXACT);
        assertEquals(0.00175797248, cached.perRequest().cacheSaving(), 1e-12);
        assertEquals(33_671.4564, cached.costPerMonth(), EXACT);
        assertEquals(0.00448952752, cached.costPerRequest(), 1e-12);
        assertEquals(13_184.7936, cost.reorderingSaving().orElseThrow(), EXACT);
    }

    @Test
    void step3PricesTheFineTunedModelWithTheShortenedPrompt() {
        FineTunedCost fineTuned = cost.fineTuned().orElseThrow();
        CostFigures inference = fineTuned.inference().orElseThrow();
        assertEquals("gpt-4o-mini", fineTuned.baseModelId());
        assertEquals(679, inference.inputTokens());
        assertEquals(0, inference.cachedTokens());
        assertEquals(0.0004197, inference.costPerRequest(), 1e-12);
        assertEquals(3_147.75, inference.costPerMonth(), EXACT);
    }

    @Test
    void step4PricesTrainingAndRetraining() {
        FineTunedCost fineTuned = cost.fineTuned().orElseThrow();
        assertEquals(865, fineTuned.tokensPerTrainingLine(), 1e-9);
        assertEquals(3, fineTuned.epochs());
        assertEquals(7_785_000, fineTuned.trainedTokens(), 1e-6);
        assertEquals(23.355, fineTuned.trainingCost().orElseThrow(), EXACT);
        assertEquals(23.355, fineTuned.retrainingPerMonth().orElseThrow(), EXACT);
        assertEquals(3_171.105, fineTuned.costPerMonth().orElseThrow(), EXACT);
        assertEquals(0.000422814, fineTuned.costPerRequest().orElseThrow(), 1e-12);
    }

    @Test
    void step5ComparesAndFindsTheBreakEven() {
        FineTunedCost fineTuned = cost.fineTuned().orElseThrow();
        assertEquals(43_685.145, fineTuned.monthlySaving().orElseThrow(), EXACT);
        double breakEvenDays = fineTuned.breakEvenDays().orElseThrow();
        assertEquals(23.355 / 1_456.1715, breakEvenDays, 1e-12);
        assertTrue(breakEvenDays < 1);
    }

    @Test
    void step6PricesTheHybrid() {
        FineTunedCost hybrid = cost.hybrid().orElseThrow();
        CostFigures inference = hybrid.inference().orElseThrow();
        assertEquals(126, inference.inputTokens());
        assertEquals(0.0002538, inference.costPerRequest(), 1e-12);
        assertEquals(1_903.50, inference.costPerMonth(), EXACT);
        assertEquals(311, hybrid.tokensPerTrainingLine(), 1e-9);
        assertEquals(2_799_000, hybrid.trainedTokens(), 1e-6);
        assertEquals(8.397, hybrid.trainingCost().orElseThrow(), EXACT);
        assertEquals(1_911.897, hybrid.costPerMonth().orElseThrow(), EXACT);
        assertEquals(44_944.353, hybrid.monthlySaving().orElseThrow(), EXACT);
    }

    @Test
    void step7SplitsTheSavingIntoTheModelSwitchAndTheShorterPrompt() {
        FineTunedCost fineTuned = cost.fineTuned().orElseThrow();
        CostFigures modelSwitch = fineTuned.modelSwitch().orElseThrow();
        assertEquals("gpt-4o-mini", modelSwitch.modelId());
        assertEquals(0, modelSwitch.cachedTokens());
        assertEquals(0.00037485, modelSwitch.costPerRequest(), EXACT);
        assertEquals(2_811.375, modelSwitch.costPerMonth(), EXACT);
        assertEquals(44_044.875, fineTuned.savingFromModel().orElseThrow(), EXACT);
        assertEquals(-359.73, fineTuned.savingFromPrompt().orElseThrow(), EXACT);
        assertEquals(fineTuned.monthlySaving().orElseThrow(),
                fineTuned.savingFromModel().orElseThrow() + fineTuned.savingFromPrompt().orElseThrow(), EXACT);
        assertTrue(fineTuned.switchesModel());
        assertTrue(fineTuned.promptBreakEvenDays().isEmpty());
        assertEquals("$2,811.38/month", Money.perMonth(modelSwitch.costPerMonth()));
        assertEquals("$44,044.88", Money.usd(fineTuned.savingFromModel().orElseThrow()));
        assertEquals("$359.73", Money.usd(-fineTuned.savingFromPrompt().orElseThrow()));
        assertEquals("$43,685.15", Money.usd(fineTuned.monthlySaving().orElseThrow()));
        // The hybrid's shorter prompt does pay: $2,811.375 − $1,911.897.
        assertEquals(899.478, cost.hybrid().orElseThrow().savingFromPrompt().orElseThrow(), EXACT);
        assertEquals(44_044.875, cost.hybrid().orElseThrow().savingFromModel().orElseThrow(), EXACT);
    }

    @Test
    void onItsOwnModelTheWholeSavingIsTheShorterPrompts() {
        FineTuningPlan own = new FineTuningPlan(ModelFacts.gpt4o(), 3000, 150, null, "monthly", true);
        FineTunedCost fineTuned = CostModel.price(ModelFacts.gpt4o(), TRIAGE_PROMPT, TRIAGE_TRAFFIC, own).fineTuned().orElseThrow();
        assertFalse(fineTuned.switchesModel());
        assertEquals(0.0, fineTuned.savingFromModel().orElseThrow());
        assertEquals(fineTuned.monthlySaving().orElseThrow(), fineTuned.savingFromPrompt().orElseThrow());
        assertEquals(fineTuned.breakEvenDays(), fineTuned.promptBreakEvenDays());
    }

    @Test
    void everyFigureTheDocumentShowsIsRoundedFromTheExactOne() {
        CostFigures now = cost.now().orElseThrow();
        CostFigures cached = cost.cached().orElseThrow();
        FineTunedCost fineTuned = cost.fineTuned().orElseThrow();
        FineTunedCost hybrid = cost.hybrid().orElseThrow();
        assertEquals("$0.0062/request", Money.perRequest(now.costPerRequest()));
        assertEquals("$46,856.25/month", Money.perMonth(now.costPerMonth()));
        assertEquals("$13,184.79/month", Money.perMonth(cost.reorderingSaving().orElseThrow()));
        assertEquals("$33,671.46/month", Money.perMonth(cached.costPerMonth()));
        assertEquals("$0.0045/request", Money.perRequest(cached.costPerRequest()));
        assertEquals("$23.36", Money.usd(fineTuned.trainingCost().orElseThrow()));
        assertEquals("$3,171.11/month", Money.perMonth(fineTuned.costPerMonth().orElseThrow()));
        assertEquals("$0.00042/request", Money.perRequest(fineTuned.costPerRequest().orElseThrow()));
        assertEquals("$43,685.15/month", Money.perMonth(fineTuned.monthlySaving().orElseThrow()));
        assertEquals("less than a day", Money.days(fineTuned.breakEvenDays().orElseThrow()));
        assertEquals(23, Math.round(fineTuned.breakEvenDays().orElseThrow() * 24 * 60)); // "about 23 minutes"
        assertEquals("$30,500.35/month",
                Money.perMonth(cached.costPerMonth() - fineTuned.costPerMonth().orElseThrow()));
        assertEquals("$8.40", Money.usd(hybrid.trainingCost().orElseThrow()));
        assertEquals("$1,911.90/month", Money.perMonth(hybrid.costPerMonth().orElseThrow()));
        assertEquals("$44,944.35/month", Money.perMonth(hybrid.monthlySaving().orElseThrow()));
    }

    @Test
    void theMessagesQuoteTheFiguresRoundedToTheCent() {
        assertEquals("$46,856.25/month ($0.0062/request at 250,000 requests/day) is over the budget of"
                        + " $8,000.00/month; the largest contributor is the static prompt, $31,106.25/month.",
                CostMessages.costAtScale(cost.now().orElseThrow(), 8000));
        assertEquals("6 few-shot examples take 54.2% of the prompt (900 of 1,659 tokens); a fine-tuned gpt-4o-mini"
                        + " would cost $43,685.15/month less than gpt-4o now at 250,000 requests/day, but only as a"
                        + " model switch (the prompt as written on gpt-4o-mini would cost $44,044.88 less than on"
                        + " gpt-4o, and the shorter prompt on fine-tuned gpt-4o-mini costs $359.73 more, retraining"
                        + " included), so keep the examples or switch models without training.",
                CostMessages.fewShotHeavy(6, 900, 1659, cost.fineTuned()));
        assertEquals("Moving the template variables after the static text would save $13,184.79/month at"
                        + " 250,000 requests/day: 1,408 more tokens of each request could be read from gpt-4o's"
                        + " prompt cache.",
                CostMessages.cacheablePrefix(cost));
        assertEquals("Fine-tuning gpt-4o-mini never pays back $23.36 of training: its saving of $43,685.15/month at"
                        + " 250,000 requests/day is a model switch (the prompt as written on gpt-4o-mini would cost"
                        + " $44,044.88 less than on gpt-4o, and the shorter prompt on fine-tuned gpt-4o-mini costs"
                        + " $359.73 more, retraining included).",
                CostMessages.fineTuningPaysOff(cost.fineTuned().orElseThrow()));
    }

    @Test
    void theHoverTableShowsTheBreakdownPerRequestAndPerMonth() {
        assertEquals("""
                | | tokens | per request | per month |
                | --- | ---: | ---: | ---: |
                | static prompt | 1,659 | $0.0041 | $31,106.25 |
                | variable input | 120 | $0.0003 | $2,250.00 |
                | output | 180 | $0.0018 | $13,500.00 |
                | prompt cache | 1,408 cached | -$0.0018 | -$13,184.79 |
                | **total** | 1,959 | $0.0045 | $33,671.46 |
                """, CostMessages.breakdownTable(cost.cached().orElseThrow()));
    }
}
