package dev.promptwise.core.advice;

import java.util.Locale;

/** Formats the figures quoted in reasons and messages the same way everywhere: counts, percentages and dollars. */
public final class Figures {

    private Figures() {}

    /** Returns a count with thousands separators and no needless decimals ({@code 250,000}, {@code 2.5}). */
    public static String count(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return String.format(Locale.ROOT, "%,d", (long) value);
        }
        return String.format(Locale.ROOT, "%,.1f", value);
    }

    /** Returns a share between 0 and 1 as a percentage ({@code 0.915} gives {@code 91.5%}). */
    public static String percent(double share) {
        double percent = share * 100;
        return percent == Math.rint(percent)
                ? String.format(Locale.ROOT, "%d%%", Math.round(percent))
                : String.format(Locale.ROOT, "%.1f%%", percent);
    }

    /** Returns US dollars: cents below $100 ({@code $12.50}), whole dollars above ({@code $8,400}). */
    public static String usd(double value) {
        return Math.abs(value) < 100
                ? String.format(Locale.ROOT, "$%,.2f", value)
                : String.format(Locale.ROOT, "$%,d", Math.round(value));
    }
}
