package dev.promptwise.core.text;

/**
 * Binary searches over the first {@code count} values of an array of offsets in ascending order (never decreasing):
 * the incremental passes' remembered starts and reaches, where a keystroke asks where the edit falls among tens of
 * thousands of them.
 */
public final class Ascending {

    private Ascending() {}

    /** Returns the index of the first of {@code values[0, count)} at least {@code bound}; {@code count} when none is. */
    public static int firstAtLeast(int[] values, int count, int bound) {
        int low = 0;
        int high = count;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (values[middle] >= bound) {
                high = middle;
            } else {
                low = middle + 1;
            }
        }
        return low;
    }

    /** Returns the index of the first of {@code values[0, count)} above {@code limit}; {@code count} when none is. */
    public static int firstAbove(int[] values, int count, int limit) {
        return limit == Integer.MAX_VALUE ? count : firstAtLeast(values, count, limit + 1);
    }
}
