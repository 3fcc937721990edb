package dev.promptwise.core.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link Ascending}'s searches answer as a walk from the first value does, repeats and the array's tail included. */
class AscendingTest {

    @Test
    void answersAsALinearWalkOverRandomAscendingValues() {
        Random random = new Random(17);
        for (int round = 0; round < 2_000; round++) {
            int[] values = new int[random.nextInt(40)];
            int value = random.nextInt(5);
            for (int index = 0; index < values.length; index++) {
                value += random.nextInt(3);
                values[index] = value;
            }
            // Only the first count values are searched: the rest of the array is spare capacity.
            int count = values.length == 0 ? 0 : random.nextInt(values.length + 1);
            for (int probe = -2; probe <= value + 2; probe++) {
                assertEquals(walk(values, count, probe), Ascending.firstAtLeast(values, count, probe));
                assertEquals(walk(values, count, probe + 1), Ascending.firstAbove(values, count, probe));
            }
        }
        assertEquals(3, Ascending.firstAbove(new int[] {1, 2, Integer.MAX_VALUE}, 3, Integer.MAX_VALUE));
    }

    private static int walk(int[] values, int count, int bound) {
        int index = 0;
        while (index < count && values[index] < bound) {
            index++;
        }
        return index;
    }
}
