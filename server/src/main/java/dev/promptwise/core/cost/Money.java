package dev.promptwise.core.cost;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The one place that turns USD amounts, token counts, shares and days into the words of messages, hovers, lenses,
 * inlay hints, the cost report and the command line, so that every figure a user sees is rounded and qualified the
 * same way:
 *
 * <ul>
 *   <li>{@value #APPROX} before a figure built on an estimated token count (a model whose own tokenizer is not
 *       available: Claude, Gemini), see the {@code estimated} overloads;</li>
 *   <li>{@value #UNCONFIRMED} after a figure built on a price the catalog marks unconfirmed;</li>
 *   <li>{@value #UNKNOWN} for a figure that cannot be computed, distinct from {@value #NEVER} for a training cost
 *       that is never paid back.</li>
 * </ul>
 *
 * <p>The VS Code extension's {@code format.ts} repeats {@link #usd} and {@link #count} for the status bar's
 * fallback; keep the two in step.
 */
public final class Money {

    /** What a figure that cannot be computed reads as. */
    public static final String UNKNOWN = "unknown";
    /** What the break-even of a training cost that is never paid back reads as. */
    public static final String NEVER = "never";
    /** The mark before a figure built on an estimated token count. */
    public static final String APPROX = "≈";
    /** The flag after a figure built on a price the catalog marks unconfirmed. */
    public static final String UNCONFIRMED = " (unconfirmed price)";

    private static final MathContext NOISE_FREE = new MathContext(12, RoundingMode.HALF_EVEN);

    private Money() {}

    /** Returns {@value #APPROX} when {@code estimated}, else nothing: the prefix of an estimated figure. */
    public static String approx(boolean estimated) {
        return estimated ? APPROX : "";
    }

    /** Returns {@code figure} followed by {@value #UNCONFIRMED} when {@code unconfirmed}. */
    public static String flagged(String figure, boolean unconfirmed) {
        return unconfirmed ? figure + UNCONFIRMED : figure;
    }

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

    /** Formats an amount built on an estimated token count with {@value #APPROX} before it: {@code ≈$12.50}. */
    public static String usd(double amount, boolean estimated) {
        return Double.isFinite(amount) ? approx(estimated) + usd(amount) : UNKNOWN;
    }

    /** Formats a monthly amount: {@code $41,062.50/month}. */
    public static String perMonth(double amount) {
        return perMonth(amount, false);
    }

    /** Formats a monthly amount, with {@value #APPROX} before it when estimated: {@code ≈$41,062.50/month}. */
    public static String perMonth(double amount, boolean estimated) {
        return usd(amount, estimated) + "/month";
    }

    /** Formats the cost of one request: {@code $0.0042/request}. */
    public static String perRequest(double amount) {
        return perRequest(amount, false);
    }

    /** Formats the cost of one request, with {@value #APPROX} before it when estimated: {@code ≈$0.0042/request}. */
    public static String perRequest(double amount, boolean estimated) {
        return usd(amount, estimated) + "/request";
    }

    /**
     * Formats a training cost: {@code $19.31 of training}, {@value #UNCONFIRMED} after it when the training price
     * is unconfirmed, {@value #APPROX} before it when the tokens it is built on are estimated.
     */
    public static String training(double amount, boolean estimated, boolean unconfirmed) {
        return flagged(usd(amount, estimated) + " of training", unconfirmed);
    }

    /** Formats a whole count with thousands separators: {@code 250,000}; fractions are rounded half up. */
    public static String count(double count) {
        if (!Double.isFinite(count)) {
            return UNKNOWN;
        }
        BigDecimal value = new BigDecimal(count).round(NOISE_FREE).setScale(0, RoundingMode.HALF_UP);
        return grouped(value);
    }

    /** Formats a count, with {@value #APPROX} before it when it is an estimate: {@code ≈1,408}. */
    public static String count(double count, boolean estimated) {
        return Double.isFinite(count) ? approx(estimated) + count(count) : UNKNOWN;
    }

    /** Formats a token count with its unit: {@code 1 token}, {@code ≈1,408 tokens}. */
    public static String tokens(double count, boolean estimated) {
        String written = count(count, estimated);
        return written + (written.equals("1") ? " token" : " tokens");
    }

    /**
     * Formats a count that may have a fraction, as reasons quote the facts they were given: thousands separators,
     * no needless decimals, one decimal otherwise ({@code 250,000}, {@code 2.5}).
     */
    public static String number(double value) {
        if (!Double.isFinite(value)) {
            return UNKNOWN;
        }
        BigDecimal rounded = new BigDecimal(value).round(NOISE_FREE).setScale(1, RoundingMode.HALF_UP)
                .stripTrailingZeros();
        return grouped(rounded.scale() < 0 ? rounded.setScale(0) : rounded);
    }

    /**
     * Formats a break-even delay: {@code less than a day} below one day, otherwise whole days rounded up, since
     * the training is paid back during the last of them ({@code 1 day}, {@code 37 days}); {@value #NEVER} for an
     * infinite delay (a saving that is not positive) and {@value #UNKNOWN} for NaN (a figure it needs is unknown).
     */
    public static String days(double days) {
        if (Double.isNaN(days)) {
            return UNKNOWN;
        }
        if (days == Double.POSITIVE_INFINITY) {
            return NEVER;
        }
        if (days < 1) {
            return "less than a day";
        }
        long whole = (long) Math.ceil(new BigDecimal(days).round(NOISE_FREE).doubleValue());
        return whole == 1 ? "1 day" : grouped(BigDecimal.valueOf(whole)) + " days";
    }

    /**
     * Formats when fine-tuning pays back its training, from the figures of the cost model: the delay when there
     * is one; {@value #NEVER} when the training cost and the monthly saving are both known and the saving is not
     * positive; {@value #UNKNOWN} otherwise (the training is priced per hour or unconfirmed as missing, no
     * examples, no traffic), since a missing price says nothing about whether it would pay back.
     *
     * @param breakEvenDays the delay, or {@code null} when there is none
     * @param trainingCost the training cost, or {@code null} when unknown
     * @param monthlySaving the monthly saving, or {@code null} when unknown
     */
    public static String breakEven(Double breakEvenDays, Double trainingCost, Double monthlySaving) {
        if (breakEvenDays != null && Double.isFinite(breakEvenDays)) {
            return days(breakEvenDays);
        }
        if (trainingCost != null && Double.isFinite(trainingCost) && monthlySaving != null
                && Double.isFinite(monthlySaving) && monthlySaving <= 0) {
            return NEVER;
        }
        return UNKNOWN;
    }

    /**
     * Formats a share between 0 and 1 as a percentage: whole percents, one decimal when the share has one
     * ({@code 54%}, {@code 91.5%}).
     */
    public static String percent(double share) {
        return number(share * 100) + "%";
    }

    /**
     * Writes {@code value} with its own scale and a comma between thousands ({@code -1,234.50}): what
     * {@code DecimalFormat("#,##0")} with as many fraction digits as the scale gives, without building a
     * {@code DecimalFormat} (parsing its pattern) on every call, which the messages of every keystroke's findings
     * made a twelfth of the first keystrokes in a large prompt (profiled).
     */
    static String grouped(BigDecimal value) {
        String plain = value.toPlainString();
        int digitsStart = plain.startsWith("-") ? 1 : 0;
        int point = plain.indexOf('.');
        int integerEnd = point < 0 ? plain.length() : point;
        StringBuilder written = new StringBuilder(plain.length() + (integerEnd - digitsStart) / 3);
        written.append(plain, 0, digitsStart);
        for (int i = digitsStart; i < integerEnd; i++) {
            if (i > digitsStart && (integerEnd - i) % 3 == 0) {
                written.append(',');
            }
            written.append(plain.charAt(i));
        }
        return written.append(plain, integerEnd, plain.length()).toString();
    }
}
