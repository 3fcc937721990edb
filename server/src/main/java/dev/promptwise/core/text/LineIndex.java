package dev.promptwise.core.text;

import java.util.Arrays;

/**
 * Converts between offsets and zero-based line / UTF-16 column positions: the one place where the edges
 * (LSP, command line) turn the core's offsets into editor positions and back.
 *
 * <p>Line breaks are {@code \n}, {@code \r\n} and a lone {@code \r}, as LSP defines them. Java strings are
 * UTF-16, so a column is simply the distance in chars from the line's start.
 */
public final class LineIndex {

    /** A zero-based line and UTF-16 column. */
    public record Position(int line, int character) {}

    private final int[] lineStarts;
    private final int length;

    private LineIndex(int[] lineStarts, int length) {
        this.lineStarts = lineStarts;
        this.length = length;
    }

    public static LineIndex of(CharSequence text) {
        if (text instanceof String string && string.indexOf('\r') < 0) {
            return ofNewlinesOnly(string);
        }
        int[] starts = new int[16];
        int count = 1;
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= length || text.charAt(i + 1) != '\n'))) {
                if (count == starts.length) {
                    starts = Arrays.copyOf(starts, count * 2);
                }
                starts[count++] = i + 1;
            }
        }
        return new LineIndex(Arrays.copyOf(starts, count), length);
    }

    /**
     * Indexes a text whose only line breaks are {@code \n}, finding them with {@link String#indexOf(int, int)},
     * which the JVM scans many times faster than a loop over {@code charAt} (a keystroke in a 1 MB prompt builds
     * an index, and JFR showed the loop among its costs).
     */
    private static LineIndex ofNewlinesOnly(String text) {
        int[] starts = new int[16];
        int count = 1;
        for (int newline = text.indexOf('\n'); newline >= 0; newline = text.indexOf('\n', newline + 1)) {
            if (count == starts.length) {
                starts = Arrays.copyOf(starts, count * 2);
            }
            starts[count++] = newline + 1;
        }
        return new LineIndex(Arrays.copyOf(starts, count), text.length());
    }

    /**
     * Returns the index of {@code current}, which is the text of this index with {@code change} applied: the line
     * starts before the change are kept, those after it shifted, and only the changed stretch is read, so that a
     * keystroke in a large document does not index it again. Equal to {@link #of} of {@code current}.
     */
    public LineIndex edited(String current, TextChange change) {
        // A line start depends on the two characters before and at it (a lone '\r' is a break, "\r\n" one).
        int keptBefore = firstAtOrAfter(lineStarts, change.start());
        int oldSuffix = firstAtOrAfter(lineStarts, change.oldEnd() + 1);
        int[] starts = new int[keptBefore + (change.newEnd() - change.start() + 2) + (lineStarts.length - oldSuffix)];
        System.arraycopy(lineStarts, 0, starts, 0, keptBefore);
        int count = keptBefore;
        if (count == 0) {
            starts[count++] = 0;
        }
        int length = current.length();
        for (int index = Math.max(0, change.start() - 1); index < change.newEnd() && index < length; index++) {
            char character = current.charAt(index);
            if ((character == '\n' || character == '\r' && (index + 1 >= length || current.charAt(index + 1) != '\n'))
                    && index + 1 > starts[count - 1]) {
                starts[count++] = index + 1;
            }
        }
        int delta = change.delta();
        for (int index = oldSuffix; index < lineStarts.length; index++) {
            starts[count++] = lineStarts[index] + delta;
        }
        return new LineIndex(Arrays.copyOf(starts, count), length);
    }

    /** Returns the index of the first value at or after {@code offset} in ascending {@code values}; their length when none. */
    private static int firstAtOrAfter(int[] values, int offset) {
        int found = Arrays.binarySearch(values, offset);
        if (found < 0) {
            return -found - 1;
        }
        while (found > 0 && values[found - 1] == offset) {
            found--;
        }
        return found;
    }

    public int lineCount() {
        return lineStarts.length;
    }

    /** Returns the offset where {@code line} starts; a line past the end gives the text's length. */
    public int lineStart(int line) {
        if (line < 0) {
            return 0;
        }
        return line < lineStarts.length ? lineStarts[line] : length;
    }

    /** Returns the position of {@code offset}, clamped into the text. */
    public Position position(int offset) {
        int clamped = Math.max(0, Math.min(offset, length));
        int line = Arrays.binarySearch(lineStarts, clamped);
        if (line < 0) {
            line = -line - 2;
        }
        return new Position(line, clamped - lineStarts[line]);
    }

    /**
     * Returns the offset of a line and column. A column past the line's end is clamped to the end of the line
     * (before its line break), and a line past the end gives the text's length, as LSP asks.
     */
    public int offset(int line, int character, CharSequence text) {
        if (line < 0) {
            return 0;
        }
        if (line >= lineStarts.length) {
            return length;
        }
        int start = lineStarts[line];
        int end = line + 1 < lineStarts.length ? lineStarts[line + 1] : length;
        int contentEnd = end;
        while (contentEnd > start && (text.charAt(contentEnd - 1) == '\n' || text.charAt(contentEnd - 1) == '\r')) {
            contentEnd--;
        }
        return Math.min(start + Math.max(0, character), contentEnd);
    }
}
