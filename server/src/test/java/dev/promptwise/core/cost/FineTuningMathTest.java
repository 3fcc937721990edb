package dev.promptwise.core.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Checks OpenAI's epoch adjustment, the tokens of a training line and the retraining rates. */
class FineTuningMathTest {

    @ParameterizedTest(name = "{0} examples train for {1} epochs by default")
    @CsvSource({
        "0, 0",
        "1, 25",
        "3, 25",
        "4, 25",
        "5, 20",
        "7, 14",
        "10, 10",
        "33, 3",
        "34, 3",
        "50, 3",
        "3000, 3",
        "8333, 3",
        "8334, 2",
        "12500, 2",
        "12501, 1",
        "30000, 1",
    })
    void defaultEpochsFollowOpenAisAdjustment(int examples, int expectedEpochs) {
        assertEquals(expectedEpochs, FineTuningMath.effectiveEpochs(null, examples));
    }

    @Test
    void epochsAskedForAreKeptAsTheyAre() {
        assertEquals(5, FineTuningMath.effectiveEpochs(5, 3000));
        assertEquals(1, FineTuningMath.effectiveEpochs(1, 5));
    }

    @Test
    void aTrainingLineCountsEachMessageItsRoleAndTheClosingTokens() {
        // System (3 + 1 + 550) + user (3 + 1 + input) + assistant (3 + 1 + answer) + 3, input + answer = 150.
        assertEquals(715, FineTuningMath.tokensPerTrainingLine(2, 550, 150), 1e-9);
        // Only the example's user message and the answer: (3 + 1) × 2 + 150 + 3.
        assertEquals(161, FineTuningMath.tokensPerTrainingLine(1, 0, 150), 1e-9);
        assertEquals(161, FineTuningMath.tokensPerTrainingLine(0, 0, 150), 1e-9);
    }

    @ParameterizedTest(name = "{0} means {1} retrainings a month")
    @CsvSource({
        "hourly, 720",
        "daily, 30",
        "weekly, 4.33",
        "biweekly, 2.165",
        "Monthly, 1",
        "quarterly, 0.3333333333333333",
        "yearly, 0.08333333333333333",
        "rarely, 0.08333333333333333",
        "never, 0",
        "sometimes, 0",
    })
    void changesPerMonthFollowTheChangeFrequency(String frequency, double expected) {
        assertEquals(expected, FineTuningMath.changesPerMonth(frequency), 1e-12);
    }

    @Test
    void anUnknownChangeFrequencyMeansNoRetraining() {
        assertEquals(0, FineTuningMath.changesPerMonth(null));
    }
}
