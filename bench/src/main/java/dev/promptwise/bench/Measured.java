package dev.promptwise.bench;

import java.util.Arrays;
import java.util.Locale;

/** Holds one benchmark's samples and gives their median and 95th percentile, the figures the report quotes. */
record Measured(double[] samples) {

    /** Returns the median of the samples, or NaN when there are none. */
    double median() {
        return percentile(50);
    }

    /** Returns the 95th percentile (nearest rank) of the samples, or NaN when there are none. */
    double p95() {
        return percentile(95);
    }

    /** Returns the given percentile by nearest rank, or NaN when there are no samples. */
    double percentile(double percent) {
        if (samples.length == 0) {
            return Double.NaN;
        }
        double[] sorted = samples.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    /** Formats a figure with up to {@code decimals} decimals, the way the tables print them. */
    static String format(double value, int decimals) {
        return String.format(Locale.ROOT, "%,." + decimals + "f", value);
    }
}
