package dev.promptwise.core.cost;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * The one place that turns USD amounts, token counts and days into the words of messages, lenses and reports, so
 * that every figure a user sees is rounded the same way.
 */
public final class Money {

    private static final MathContext NOISE_FREE = new MathContext(12, RoundingMode.HALF_EVEN);

    private Money() {}

    /**
     * Formats an amount of USD: cents with thousands separators from one dollar up ({@code $41,062.50}); two
     * significant digits below one dollar, trailing zeros dropped but never fewer than two decimals
     * ({@code $0.0042}, {@code $0.0003}, {@code $0.50});
     * {@code $0.00} for zero; a minus sign before the dollar sign when negative.
     */
    public static String usd(double amount) {
        if (!Double.isFinite(amount)) {
            return "unknown";
        }
        BigDecimal value = new BigDecimal(amount).round(NOISE_FREE).abs();
        String sign = amount < 0 && value.signum() != 0 ? "-" : "";
        BigDecimal rounded;
        if (value.compareTo(BigDecimal.ONE) >= 0 || value.signum() == 0) {
            rounded = value.setScale(2, RoundingMode.HALF_UP);
        } else {
            BigDecimal significant = value.round(new MathContext(2, RoundingMode.HALF_UP)).stripTrailingZeros();
            rounded = significant.setScale(Math.max(2, significant.scale()), RoundingMode.HALF_UP);
        }
        if (rounded.compareTo(BigDecimal.ONE) >= 0) {
            rounded = rounded.setScale(2, RoundingMode.HALF_UP);
        }
        return sign + "$" + grouped(rounded);
    }

    /** Formats a monthly amount: {@code $41,062.50/month}. */
    public static String perMonth(double amount) {
        return usd(amount) + "/month";
    }

    /** Formats the cost of one request: {@code $0.0042/request}. */
    public static String perRequest(double amount) {
        return usd(amount) + "/request";
    }

    /** Formats a whole count with thousands separators: {@code 250,000}; fractions are rounded half up. */
    public static String count(double count) {
        BigDecimal value = new BigDecimal(count).round(NOISE_FREE).setScale(0, RoundingMode.HALF_UP);
        return grouped(value);
    }

    /**
     * Formats a break-even delay: {@code less than a day} below one day, otherwise whole days rounded up, since
     * the training is paid back during the last of them ({@code 1 day}, {@code 37 days}).
     */
    public static String days(double days) {
        if (days < 1) {
            return "less than a day";
        }
        long whole = (long) Math.ceil(new BigDecimal(days).round(NOISE_FREE).doubleValue());
        return whole == 1 ? "1 day" : grouped(BigDecimal.valueOf(whole)) + " days";
    }

    /** Formats a share as a whole percentage: {@code 54 %}. */
    public static String percent(double share) {
        return Math.round(share * 100) + " %";
    }

    private static String grouped(BigDecimal value) {
        DecimalFormat format = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT));
        format.setMinimumFractionDigits(value.scale() > 0 ? value.scale() : 0);
        format.setMaximumFractionDigits(value.scale() > 0 ? value.scale() : 0);
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format.format(value);
    }
}
