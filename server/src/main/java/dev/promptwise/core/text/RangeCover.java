package dev.promptwise.core.text;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Answers "does one of these ranges contain that range?" in logarithmic time, so that a rule asking it for every
 * sentence of a large prompt (does the sentence lie in a few-shot example?) does not scan every example each time.
 */
public final class RangeCover {

    private static final RangeCover NONE = new RangeCover(new int[0], new int[0]);

    private final int[] startsInOrder;
    private final int[] furthestEndSoFar;

    private RangeCover(int[] startsInOrder, int[] furthestEndSoFar) {
        this.startsInOrder = startsInOrder;
        this.furthestEndSoFar = furthestEndSoFar;
    }

    /** Returns the cover of {@code ranges}, which may come in any order and may overlap. */
    public static RangeCover of(List<TextRange> ranges) {
        if (ranges.isEmpty()) {
            return NONE;
        }
        TextRange[] sorted = ranges.toArray(TextRange[]::new);
        Arrays.sort(sorted, Comparator.comparingInt(TextRange::start));
        int[] starts = new int[sorted.length];
        int[] furthestEnds = new int[sorted.length];
        int furthest = -1;
        for (int index = 0; index < sorted.length; index++) {
            starts[index] = sorted[index].start();
            furthest = Math.max(furthest, sorted[index].end());
            furthestEnds[index] = furthest;
        }
        return new RangeCover(starts, furthestEnds);
    }

    /**
     * Returns a cursor that answers {@link #contains} for ranges asked in order of their starts, moving forward
     * instead of searching: a pass over every sentence or line of a large prompt asks in that order.
     */
    public Cursor cursor() {
        return new Cursor();
    }

    /** Answers {@link RangeCover#contains} for ranges whose starts never decrease from one question to the next. */
    public final class Cursor {

        /** The number of ranges starting at or before the last start asked about. */
        private int startedBefore;

        private Cursor() {}

        /** Returns whether one of the ranges holds all of {@code start..end}; false when there are no ranges. */
        public boolean contains(int start, int end) {
            while (startedBefore < startsInOrder.length && startsInOrder[startedBefore] <= start) {
                startedBefore++;
            }
            return startedBefore > 0 && furthestEndSoFar[startedBefore - 1] >= end;
        }
    }

    /**
     * Returns whether this cover is {@code earlier}'s after {@code change}: the same ranges, those before the change
     * where they were and those after it moved by its delta, none starting or reaching inside the changed stretch.
     * Then a range of text wholly before the change, or wholly after it, lies in this cover exactly when it lay in
     * the earlier one (moved), and what was found for it there holds here.
     */
    public boolean isShifted(RangeCover earlier, TextChange change) {
        if (startsInOrder.length != earlier.startsInOrder.length) {
            return false;
        }
        for (int index = 0; index < startsInOrder.length; index++) {
            if (startsInOrder[index] != shifted(earlier.startsInOrder[index], change)
                    || furthestEndSoFar[index] != shifted(earlier.furthestEndSoFar[index], change)) {
                return false;
            }
        }
        return true;
    }

    /** Returns where an earlier offset is after {@code change}; {@code Integer.MIN_VALUE} inside the change. */
    private static int shifted(int offset, TextChange change) {
        if (offset <= change.start()) {
            return offset;
        }
        return offset >= change.oldEnd() ? offset + change.delta() : Integer.MIN_VALUE;
    }

    /** Returns whether one of the ranges holds all of {@code range}; false when there are no ranges. */
    public boolean contains(TextRange range) {
        // The ranges that start at or before range.start(): one of them holds range exactly when the furthest end
        // among them reaches range.end().
        int found = Arrays.binarySearch(startsInOrder, range.start());
        int last;
        if (found >= 0) {
            while (found + 1 < startsInOrder.length && startsInOrder[found + 1] == range.start()) {
                found++;
            }
            last = found;
        } else {
            last = -found - 2;
        }
        return last >= 0 && furthestEndSoFar[last] >= range.end();
    }
}
