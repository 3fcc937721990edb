package dev.promptwise.core.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
        assertEquals("54 %", Money.percent(900.0 / 1659));
    }
}
