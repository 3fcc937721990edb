package dev.promptwise.core.advice;

import dev.promptwise.core.cost.Money;

/**
 * Formats the figures quoted in reasons: counts, percentages, dollars and days, each with {@link Money}'s rules, so
 * that a reason and the message, hover, lens or report beside it write the same figure the same way.
 */
public final class Figures {

    private Figures() {}

    /** Returns a count with thousands separators and no needless decimals ({@code 250,000}, {@code 2.5}). */
    public static String count(double value) {
        return Money.number(value);
    }

    /** Returns a share between 0 and 1 as a percentage ({@code 0.915} gives {@code 91.5%}). */
    public static String percent(double share) {
        return Money.percent(share);
    }

    /** Returns US dollars as {@link Money#usd(double)} writes them ({@code $12.50}, {@code $8,400.00}, {@code $0.0028}). */
    public static String usd(double value) {
        return Money.usd(value);
    }

    /** Returns US dollars, with {@code ≈} before them when they are built on an estimated token count. */
    public static String usd(double value, boolean estimated) {
        return Money.usd(value, estimated);
    }

    /** Returns {@code figure} followed by {@code (unconfirmed price)} when it is built on such a price. */
    public static String flagged(String figure, boolean unconfirmed) {
        return Money.flagged(figure, unconfirmed);
    }

    /** Returns a training cost: {@code $19.31 of training}, flagged when its price is unconfirmed. */
    public static String training(double value, boolean estimated, boolean unconfirmed) {
        return Money.training(value, estimated, unconfirmed);
    }

    /** Returns a break-even delay as {@link Money#days} writes it ({@code less than a day}, {@code 1 day}). */
    public static String days(double days) {
        return Money.days(days);
    }
}
