package dev.promptwise.core.semantics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** An earlier version's example counts are found by range, in whatever order the examples came. */
class ExampleTokensCountedTest {

    private static long key(int start, int end) {
        return ((long) start << 32) | end;
    }

    @Test
    void countsAreFoundByRangeWhenTheExamplesCameInTextOrder() {
        ExampleTokens.Counted counted = ExampleTokens.Counted.of("text", "o200k_base",
                new long[] {key(0, 10), key(10, 30), key(40, 41)}, new int[] {3, 7, 1});
        assertEquals(3, counted.countOf(key(0, 10)));
        assertEquals(7, counted.countOf(key(10, 30)));
        assertEquals(1, counted.countOf(key(40, 41)));
        assertEquals(-1, counted.countOf(key(10, 31)), "same start, other end: another example");
        assertEquals(-1, counted.countOf(-1), "a range that overlapped the edit");
    }

    @Test
    void examplesOutOfOrderAreSortedWithTheirCounts() {
        // Message pairs of a YAML prompt can come after the text examples they follow in the file.
        ExampleTokens.Counted counted = ExampleTokens.Counted.of("text", "o200k_base",
                new long[] {key(500, 900), key(0, 10), key(100, 120), key(0, 5)}, new int[] {40, 3, 9, 2});
        assertArrayEquals(new long[] {key(0, 5), key(0, 10), key(100, 120), key(500, 900)}, counted.keys());
        assertArrayEquals(new int[] {2, 3, 9, 40}, counted.counts());
        assertEquals(40, counted.countOf(key(500, 900)));
        assertEquals(2, counted.countOf(key(0, 5)));
    }
}
