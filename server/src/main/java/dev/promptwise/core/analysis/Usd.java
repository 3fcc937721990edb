package dev.promptwise.core.analysis;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** Formats dollar amounts the same way everywhere: cents for large sums, significant digits for small ones. */
public final class Usd {

    private Usd() {}

    /** Formats {@code amount}: {@code $41,062.50}, {@code $0.0042}, {@code $0.000031}. */
    public static String format(double amount) {
        if (!Double.isFinite(amount)) {
            return "$?";
        }
        double magnitude = Math.abs(amount);
        if (magnitude >= 1 || magnitude == 0) {
            return (amount < 0 ? "-$" : "$") + pattern("#,##0.00").format(magnitude);
        }
        BigDecimal rounded = new BigDecimal(magnitude).round(new java.math.MathContext(2, RoundingMode.HALF_UP));
        String digits = rounded.setScale(Math.max(2, rounded.scale()), RoundingMode.HALF_UP).toPlainString();
        return (amount < 0 ? "-$" : "$") + digits;
    }

    /** Formats a whole number with thousands separators: {@code 250,000}. */
    public static String count(long value) {
        return pattern("#,##0").format(value);
    }

    private static DecimalFormat pattern(String pattern) {
        return new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.ROOT));
    }
}
