package dev.promptwise.core.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalDouble;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Checks that a figure the cost model cannot know is empty and explained, never NaN, zero by accident, or made
 * up: missing or zero traffic, a model that cannot be fine-tuned, training priced by the hour.
 */
class MissingFiguresTest {

    private static final PromptCostInput PROMPT = new PromptCostInput(1650, 2, 900, 6, 200, 40, 1500);

    @Test
    void withoutTrafficOnlyTheTrainingCostIsKnown() {
        FineTuningPlan plan = new FineTuningPlan(ModelFacts.gpt4oMini(), 3000, 150, null, "monthly", true);
        WorkloadCost cost = CostModel.price(ModelFacts.gpt4o(), PROMPT, null, plan);

        assertTrue(cost.now().isEmpty());
        assertTrue(cost.cached().isEmpty());
        assertTrue(cost.reorderingSaving().isEmpty());
        FineTunedCost fineTuned = cost.fineTuned().orElseThrow();
        assertEquals(19.305, fineTuned.trainingCost().orElseThrow(), 1e-9);
        assertTrue(fineTuned.inference().isEmpty());
        assertTrue(fineTuned.costPerMonth().isEmpty());
        assertTrue(fineTuned.monthlySaving().isEmpty());
        assertTrue(fineTuned.breakEvenDays().isEmpty());
        assertTrue(cost.notes().get(0).startsWith("No traffic is known"));
        assertEquals("Template variables come before the static text, so the provider's prompt cache cannot reuse"
                + " it; give the workload traffic to see the saving of moving them after it.",
                CostMessages.cacheablePrefix(cost));
    }

    @Test
    void zeroTrafficCostsNothingPerMonthAndNeverPaysBackTraining() {
        FineTuningPlan plan = new FineTuningPlan(ModelFacts.gpt4oMini(), 3000, 150, null, "monthly", true);
        WorkloadCost cost = CostModel.price(ModelFacts.gpt4o(), PROMPT, new Traffic(0, 120, 180), plan);

        CostFigures now = cost.now().orElseThrow();
        assertEquals(0, now.costPerMonth());
        // A request with no traffic to keep the cache warm is priced cold: $0.0062475.
        assertEquals(0.0062475, now.costPerRequest(), 1e-12);
        FineTunedCost fineTuned = cost.fineTuned().orElseThrow();
        assertEquals(19.305, fineTuned.costPerMonth().orElseThrow(), 1e-9); // retraining only
        assertEquals(-19.305, fineTuned.monthlySaving().orElseThrow(), 1e-9);
        assertTrue(fineTuned.breakEvenDays().isEmpty());
        assertNoNaN(cost);
    }

    @Test
    void unusableTrafficIsTreatedAsMissing() {
        for (Traffic traffic : List.of(new Traffic(Double.NaN, 10, 10), new Traffic(-5, 10, 10),
                new Traffic(Double.POSITIVE_INFINITY, 10, 10), new Traffic(100, -1, 10))) {
            WorkloadCost cost = CostModel.price(ModelFacts.gpt4o(), PROMPT, traffic, null);
            assertTrue(cost.now().isEmpty(), traffic::toString);
            assertFalse(cost.notes().isEmpty(), traffic::toString);
        }
    }

    @Test
    void aModelWithoutFineTuningPricesHasNoFineTunedFigures() {
        FineTuningPlan plan = new FineTuningPlan(ModelFacts.o3(), 3000, 150, null, "monthly", true);
        WorkloadCost cost = CostModel.price(ModelFacts.gpt4o(), PROMPT, new Traffic(1000, 10, 10), plan);

        assertTrue(cost.fineTuned().isEmpty());
        assertTrue(cost.hybrid().isEmpty());
        assertEquals(List.of("o3 has no known fine-tuning prices, so no fine-tuned cost is computed."),
                cost.notes());
    }

    @Test
    void trainingPricedByTheHourIsNeverTurnedIntoATokenPrice() {
        FineTuningPlan plan = new FineTuningPlan(ModelFacts.o4Mini(), 3000, 150, null, "monthly", true);
        WorkloadCost cost = CostModel.price(ModelFacts.gpt4o(), PROMPT, new Traffic(250_000, 120, 180), plan);
        FineTunedCost fineTuned = cost.fineTuned().orElseThrow();

        assertTrue(fineTuned.trainingCost().isEmpty());
        assertTrue(fineTuned.retrainingPerMonth().isEmpty());
        assertTrue(fineTuned.costPerMonth().isEmpty());
        assertTrue(fineTuned.breakEvenDays().isEmpty());
        // Serving is still priced per token: 679 × $4 + 180 × $16 per million.
        assertEquals(0.005596, fineTuned.inference().orElseThrow().costPerRequest(), 1e-12);
        assertEquals("Training o4-mini is priced per hour of training (100 USD per hour), so Promptwise does not"
                + " estimate its training cost.", fineTuned.notes().get(0));
        assertEquals("Fine-tuning o4-mini: the break-even is unknown. " + fineTuned.notes().get(0),
                CostMessages.fineTuningPaysOff(fineTuned));
    }

    @Test
    void trainingPricedByTheHourStillGivesAMonthlyFigureWhenNothingIsRetrained() {
        FineTuningPlan plan = new FineTuningPlan(ModelFacts.o4Mini(), 3000, 150, null, null, true);
        FineTunedCost fineTuned = CostModel.price(ModelFacts.gpt4o(), PROMPT, new Traffic(1000, 120, 180), plan)
                .fineTuned().orElseThrow();

        assertEquals(0, fineTuned.retrainingPerMonth().orElseThrow());
        assertEquals(0.005596 * 30_000, fineTuned.costPerMonth().orElseThrow(), 1e-9);
        assertTrue(fineTuned.breakEvenDays().isEmpty());
    }

    @Test
    void withoutLabelledExamplesTheTrainingCostIsUnknown() {
        FineTuningPlan plan = new FineTuningPlan(ModelFacts.gpt4oMini(), 0, 150, null, null, true);
        FineTunedCost fineTuned = CostModel.price(ModelFacts.gpt4o(), PROMPT, new Traffic(1000, 120, 180), plan)
                .fineTuned().orElseThrow();

        assertTrue(fineTuned.trainingCost().isEmpty());
        assertEquals(0, fineTuned.epochs());
        assertTrue(fineTuned.notes().get(0).startsWith("No labelled examples are known"));
    }

    @Test
    void breakEvenNeedsAPositiveSaving() {
        OptionalDouble training = OptionalDouble.of(100);
        assertTrue(CostModel.breakEvenDays(training, OptionalDouble.of(0)).isEmpty());
        assertTrue(CostModel.breakEvenDays(training, OptionalDouble.of(-50)).isEmpty());
        assertTrue(CostModel.breakEvenDays(training, OptionalDouble.of(Double.NaN)).isEmpty());
        assertTrue(CostModel.breakEvenDays(training, OptionalDouble.empty()).isEmpty());
        assertTrue(CostModel.breakEvenDays(OptionalDouble.empty(), OptionalDouble.of(300)).isEmpty());
        assertEquals(10, CostModel.breakEvenDays(training, OptionalDouble.of(300)).orElseThrow(), 1e-12);
    }

    private static void assertNoNaN(WorkloadCost cost) {
        Stream.of(cost.now(), cost.cached()).flatMap(java.util.Optional::stream).forEach(figures -> {
            assertTrue(Double.isFinite(figures.costPerMonth()));
            assertTrue(Double.isFinite(figures.costPerRequest()));
        });
        Stream.of(cost.fineTuned(), cost.hybrid()).flatMap(java.util.Optional::stream).forEach(fineTuned ->
                Stream.of(fineTuned.trainingCost(), fineTuned.retrainingPerMonth(), fineTuned.costPerMonth(),
                                fineTuned.costPerRequest(), fineTuned.monthlySaving(), fineTuned.breakEvenDays())
                        .filter(OptionalDouble::isPresent)
                        .forEach(figure -> assertTrue(Double.isFinite(figure.getAsDouble()))));
    }
}
