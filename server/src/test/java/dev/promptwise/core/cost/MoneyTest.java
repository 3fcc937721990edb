package dev.promptwise.core.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Checks how amounts, counts and days read in messages. */
class MoneyTest {

    @ParameterizedTest(name = "{0} reads {1}")
    @CsvSource(delimiter = '|', value = {
        "41062.5 | $41,062.50",
        "1234567.891 | $1,234,567.89",
        "43689.195 | $43,689.20",
        "19.305 | $19.31",
        "1 | $1.00",
        "0.999 | $1.00",
        "0.5 | $0.50",
        "0.123 | $0.12",
        "0.0042 | $0.0042",
        "0.0062475 | $0.0062",
        "0.0003 | $0.0003",
        "0.000123 | $0.00012",
        "0 | $0.00",
        "0.004999 | $0.005",
        "0.005 | $0.005",
        "0.99999 | $1.00",
        "999.995 | $1,000.00",
        "1000000 | $1,000,000.00",
        "0.0000001 | $0.0000001",
        "-12 | -$12.00",
        "-0.0042 | -$0.0042",
    })
    void amountsKeepCentsAboveADollarAndTwoSignificantDigitsBelow(double amount, String expected) {
        assertEquals(expected, Money.usd(amount));
    }

    @Test
    void unitsFollowTheAmount() {
        assertEquals("$41,062.50/month", Money.perMonth(41_062.5));
        assertEquals("$0.0042/request", Money.perRequest(0.0042));
        assertEquals("unknown", Money.usd(Double.NaN));
    }

    @Test
    void countsAndDaysReadAsWords() {
        assertEquals("250,000", Money.count(250_000));
        assertEquals("1,408", Money.count(1408));
        assertEquals("less than a day", Money.days(0.0133));
        assertEquals("1 day", Money.days(1));
        assertEquals("4 days", Money.days(3.62));
        assertEquals("1,200 days", Money.days(1200));
        assertEquals("54.2%", Money.percent(900.0 / 1659));
    }

    @ParameterizedTest(name = "{0} days read {1}")
    @CsvSource(delimiter = '|', value = {
        "0 | less than a day",
        "0.5 | less than a day",
        "0.999 | less than a day",
        "1 | 1 day",
        "1.0001 | 2 days",
        "2.5 | 3 days",
        "1200 | 1,200 days",
        "NaN | unknown",
        "Infinity | never",
    })
    void daysRoundUpToTheDayThePaybackEnds(double days, String expected) {
        assertEquals(expected, Money.days(days));
    }

    @Test
    void aBreakEvenIsNeverOnlyWhenTheTrainingCostIsKnownAndNothingIsSaved() {
        assertEquals("3 days", Money.breakEven(2.5, 68.94, 900.0));
        assertEquals("less than a day", Money.breakEven(0.4, 0.0028, 900.0));
        assertEquals("never", Money.breakEven(null, 68.94, -12.0));
        assertEquals("never", Money.breakEven(null, 68.94, 0.0));
        // Training priced per hour or unconfirmed and missing: nothing says it would not pay back.
        assertEquals("unknown", Money.breakEven(null, null, -12.0));
        assertEquals("unknown", Money.breakEven(null, null, 900.0));
        // No traffic: the saving is unknown.
        assertEquals("unknown", Money.breakEven(null, 68.94, null));
        assertEquals("unknown", Money.breakEven(Double.NaN, 68.94, null));
    }

    @Test
    void estimatedFiguresCarryTheApproximationSignAndUnconfirmedPricesAFlag() {
        assertEquals("≈$1,234.56/month", Money.perMonth(1234.56, true));
        assertEquals("$1,234.56/month", Money.perMonth(1234.56, false));
        assertEquals("≈$0.0028/request", Money.perRequest(0.0028, true));
        assertEquals("≈1,408", Money.count(1408, true));
        assertEquals("≈1,408 tokens", Money.tokens(1408, true));
        assertEquals("1 token", Money.tokens(1, false));
        assertEquals("$19.31 of training (unconfirmed price)", Money.training(19.305, false, true));
        assertEquals("≈$0.0028 of training", Money.training(0.0028, true, false));
        // An unknown figure is never dressed as an estimate.
        assertEquals("unknown", Money.usd(Double.NaN, true));
        assertEquals("unknown", Money.count(Double.NaN, true));
    }

    @ParameterizedTest(name = "{0} reads {1}")
    @CsvSource(delimiter = '|', value = {
        "0.97 | 97%",
        "0.915 | 91.5%",
        "0.92 | 92%",
        "0.05 | 5%",
        "0 | 0%",
        "1 | 100%",
    })
    void percentagesKeepOneDecimalWhenTheyHaveOne(double share, String expected) {
        assertEquals(expected, Money.percent(share));
    }

    @Test
    void numbersKeepOneDecimalOnlyWhenTheyHaveOne() {
        assertEquals("250,000", Money.number(250_000));
        assertEquals("2.5", Money.number(2.5));
        assertEquals("3", Money.number(3.0));
        // 0.97 - 0.92 is 0.04999999999999993 in binary: read as the 5 it is.
        assertEquals("5", Money.number((0.97 - 0.92) * 100));
    }

    /** The grouping written by hand is what java.text.DecimalFormat writes, for any sign, size and scale. */
    @Test
    void groupingIsDecimalFormatsForEverySignSizeAndScale() {
        Random random = new Random(41);
        for (int round = 0; round < 20_000; round++) {
            BigDecimal value = BigDecimal.valueOf(random.nextLong() >> random.nextInt(63), random.nextInt(7));
            if (round % 3 == 0) {
                value = value.setScale(0, RoundingMode.HALF_UP);
            }
            assertEquals(decimalFormat(value), Money.grouped(value), value.toPlainString());
        }
        for (String edge : new String[] {"0", "0.00", "-0.05", "999", "1000", "-1000", "100000.5", "123456789012.34"}) {
            assertEquals(decimalFormat(new BigDecimal(edge)), Money.grouped(new BigDecimal(edge)), edge);
        }
    }

    private static String decimalFormat(BigDecimal value) {
        DecimalFormat format = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT));
        format.setMinimumFractionDigits(Math.max(0, value.scale()));
        format.setMaximumFractionDigits(Math.max(0, value.scale()));
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format.format(value);
    }
}
