package dev.promptwise.core.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Checks that the range cover answers exactly as a scan over every range would, in any order and with overlaps. */
class RangeCoverTest {

    @Test
    void rangeInsideOneOfTheRangesIsCovered() {
        RangeCover cover = RangeCover.of(List.of(new TextRange(50, 60), new TextRange(10, 20)));

        assertTrue(cover.contains(new TextRange(10, 20)), "a range covers itself");
        assertTrue(cover.contains(new TextRange(12, 15)));
        assertTrue(cover.contains(new TextRange(55, 60)));
        assertFalse(cover.contains(new TextRange(15, 25)), "sticks out of the first range");
        assertFalse(cover.contains(new TextRange(20, 50)), "between the ranges");
        assertFalse(cover.contains(new TextRange(5, 12)), "starts before every range");
    }

    @Test
    void noRangesCoverNothing() {
        assertFalse(RangeCover.of(List.of()).contains(TextRange.at(0)));
    }

    @Test
    void answersAsAScanDoesForRandomOverlappingRanges() {
        Random random = new Random(20261128L);
        for (int round = 0; round < 200; round++) {
            List<TextRange> ranges = new ArrayList<>();
            for (int index = random.nextInt(8); index > 0; index--) {
                int start = random.nextInt(100);
                ranges.add(new TextRange(start, start + random.nextInt(30)));
            }
            RangeCover cover = RangeCover.of(ranges);
            for (int probe = 0; probe < 50; probe++) {
                int start = random.nextInt(120);
                TextRange range = new TextRange(start, start + random.nextInt(20));
                boolean scanned = ranges.stream()
                        .anyMatch(outer -> outer.start() <= range.start() && range.end() <= outer.end());
                assertEquals(scanned, cover.contains(range), ranges + " contains " + range);
            }
        }
    }

    @Test
    void aCursorAskedInOrderOfStartsAnswersAsTheSearchDoes() {
        Random random = new Random(31);
        for (int round = 0; round < 200; round++) {
            List<TextRange> ranges = new ArrayList<>();
            for (int index = random.nextInt(20); index > 0; index--) {
                int start = random.nextInt(200);
                ranges.add(new TextRange(start, start + random.nextInt(40)));
            }
            RangeCover cover = RangeCover.of(ranges);
            RangeCover.Cursor cursor = cover.cursor();
            int start = 0;
            for (int question = 0; question < 100; question++) {
                start += random.nextInt(4);
                int end = start + random.nextInt(30);
                assertEquals(cover.contains(new TextRange(start, end)),
                        cursor.contains(start, end), ranges + " " + start + ".." + end);
            }
        }
    }
}
