package dev.promptwise.core.semantics;

import dev.promptwise.core.text.Ascending;
import dev.promptwise.core.text.RangeCover;
import dev.promptwise.core.text.TextChange;
import dev.promptwise.core.text.TextRange;
import java.util.Arrays;
import java.util.function.ToIntFunction;

/**
 * The format-instruction figures of one message content, line by line: for each line (split at {@code \n}) that no
 * few-shot example holds, its start, end and figure (the tokens of a line that describes the output's format, else
 * 0), at the same index of three arrays, and their total. A line's figure depends on its text alone.
 *
 * <p>After an edit, {@link #after} finds the new version's figures by reading only the lines the edit touched: the
 * lines before the line it starts in are the earlier version's, and so are, moved by the edit's change of length,
 * the lines that start after the first line break past it; the total is the earlier one less the figures of the
 * lines read again plus their new figures. That holds while the examples outside the edit are where they were
 * ({@link RangeCover#isShifted}); otherwise, or when the edit reaches outside the content, every line is walked
 * ({@link #walk}), each reusing the earlier figure where its line is unchanged. Before this, each keystroke in a
 * 1 MB prompt walked its 21,000 lines, a fifth of the CPU of the first keystrokes after opening it (JFR), before
 * the JIT had compiled the walk. {@code FormatLineFiguresTest} checks both against a walk from scratch after random
 * edits. Arrays rather than a map: a map of boxed keys was a sixth of a keystroke's analysis (profiled).
 */
record FormatLineFigures(String text, String encoding, int contentStart, int contentEnd, RangeCover examples,
        int[] starts, int[] ends, int[] figures, int count, int total) {

    /** How many large contents' figures the host's {@link SemanticMemo} keeps. */
    static final int CAPACITY = 4;

    /** Returns the figures of every line of {@code content} outside {@code examples}, reusing none. */
    static FormatLineFigures of(String text, String encoding, TextRange content, RangeCover examples,
            ToIntFunction<String> figureOf) {
        return walk(text, encoding, content, examples, figureOf, null, null);
    }

    /**
     * Returns the figures of every line of {@code content} outside {@code examples}, taking the figure of each line
     * that {@code change} left alone from {@code previous} when there is one.
     */
    static FormatLineFigures walk(String text, String encoding, TextRange content, RangeCover examples,
            ToIntFunction<String> figureOf, FormatLineFigures previous, TextChange change) {
        Reuse reuse = previous == null ? null : new Reuse(previous, change);
        Builder builder = new Builder(previous == null ? 256 : previous.count + 16);
        // Whether the line lies in an example is asked first (a cursor moving with the lines), so that the lines
        // of examples (most of a large few-shot prompt) are neither copied nor matched.
        RangeCover.Cursor inExample = examples.cursor();
        int total = 0;
        int lineStart = content.start();
        while (lineStart < content.end()) {
            int lineEnd = lineEnd(text, lineStart, content.end());
            if (!inExample.contains(lineStart, lineEnd)) {
                int known = reuse == null ? -1 : reuse.figureOf(lineStart, lineEnd);
                int figure = known >= 0 ? known : figureOf.applyAsInt(text.substring(lineStart, lineEnd));
                builder.add(lineStart, lineEnd, figure);
                total += figure;
            }
            lineStart = lineEnd + 1;
        }
        return builder.build(text, encoding, content, examples, total);
    }

    /**
     * Returns the figures of {@code current}, this version's text with {@code change} applied, whose content is
     * {@code content} and whose examples are {@code currentExamples}, reading only the lines the change touched; or
     * {@code null} when that cannot be done (the content moved, the change reaches outside it, or examples outside
     * the change moved), and the caller walks every line instead.
     */
    FormatLineFigures after(TextChange change, String current, TextRange content, RangeCover currentExamples,
            ToIntFunction<String> figureOf) {
        int delta = change.delta();
        if (content.start() != contentStart || content.end() != contentEnd + delta || change.start() < contentStart
                || change.oldEnd() > contentEnd || !currentExamples.isShifted(examples, change)) {
            return null;
        }
        // The line the change starts in begins after the last break before the change: the same in both versions.
        int breakBefore = change.start() == 0 ? -1 : current.lastIndexOf('\n', change.start() - 1);
        int from = Math.max(contentStart, breakBefore + 1);
        // Lines are read again up to the first line that starts after a break past the change; the break (at or
        // after change.newEnd()) is shared by both versions, so the earlier version has that line too, moved.
        int firstKept = Ascending.firstAtLeast(starts, count, from);
        int added = 0;
        int[] newStarts = new int[16];
        int[] newEnds = new int[16];
        int[] newFigures = new int[16];
        int newTotal = 0;
        int lineStart = from;
        int contentEndNow = content.end();
        while (lineStart < contentEndNow && lineStart <= change.newEnd()) {
            int lineEnd = lineEnd(current, lineStart, contentEndNow);
            if (!currentExamples.contains(new TextRange(lineStart, lineEnd))) {
                if (added == newStarts.length) {
                    newStarts = Arrays.copyOf(newStarts, added * 2);
                    newEnds = Arrays.copyOf(newEnds, added * 2);
                    newFigures = Arrays.copyOf(newFigures, added * 2);
                }
                int figure = figureOf.applyAsInt(current.substring(lineStart, lineEnd));
                newStarts[added] = lineStart;
                newEnds[added] = lineEnd;
                newFigures[added] = figure;
                newTotal += figure;
                added++;
            }
            lineStart = lineEnd + 1;
        }
        // lineStart is now the first line start past change.newEnd() (or past the content): the earlier version's
        // lines from lineStart - delta on are this one's, moved.
        int resumeOld = Ascending.firstAtLeast(starts, count, lineStart - delta);
        int dropped = 0;
        for (int index = firstKept; index < resumeOld; index++) {
            dropped += figures[index];
        }
        int suffix = count - resumeOld;
        int newCount = firstKept + added + suffix;
        int[] allStarts = new int[newCount + 16];
        int[] allEnds = new int[allStarts.length];
        int[] allFigures = new int[allStarts.length];
        System.arraycopy(starts, 0, allStarts, 0, firstKept);
        System.arraycopy(ends, 0, allEnds, 0, firstKept);
        System.arraycopy(figures, 0, allFigures, 0, firstKept);
        System.arraycopy(newStarts, 0, allStarts, firstKept, added);
        System.arraycopy(newEnds, 0, allEnds, firstKept, added);
        System.arraycopy(newFigures, 0, allFigures, firstKept, added);
        int at = firstKept + added;
        System.arraycopy(figures, resumeOld, allFigures, at, suffix);
        for (int index = 0; index < suffix; index++) {
            allStarts[at + index] = starts[resumeOld + index] + delta;
            allEnds[at + index] = ends[resumeOld + index] + delta;
        }
        return new FormatLineFigures(current, encoding, contentStart, contentEndNow, currentExamples, allStarts,
                allEnds, allFigures, newCount, total - dropped + newTotal);
    }

    private static int lineEnd(String text, int lineStart, int contentEnd) {
        int lineEnd = text.indexOf('\n', lineStart);
        return lineEnd < 0 || lineEnd > contentEnd ? contentEnd : lineEnd;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FormatLineFigures that && text.equals(that.text) && encoding.equals(that.encoding)
                && contentStart == that.contentStart && contentEnd == that.contentEnd && count == that.count
                && total == that.total && Arrays.equals(starts, 0, count, that.starts, 0, that.count)
                && Arrays.equals(ends, 0, count, that.ends, 0, that.count)
                && Arrays.equals(figures, 0, count, that.figures, 0, that.count);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * contentStart + count) + total;
    }

    @Override
    public String toString() {
        return "FormatLineFigures[" + count + " lines in " + contentStart + ".." + contentEnd + ", total " + total
                + "]";
    }

    /** Collects one version's figures, lines added in text order. */
    private static final class Builder {

        private int[] starts;
        private int[] ends;
        private int[] figures;
        private int count;

        Builder(int capacity) {
            starts = new int[Math.max(16, capacity)];
            ends = new int[starts.length];
            figures = new int[starts.length];
        }

        void add(int start, int end, int figure) {
            if (count == starts.length) {
                int grown = starts.length * 2;
                starts = Arrays.copyOf(starts, grown);
                ends = Arrays.copyOf(ends, grown);
                figures = Arrays.copyOf(figures, grown);
            }
            starts[count] = start;
            ends[count] = end;
            figures[count] = figure;
            count++;
        }

        FormatLineFigures build(String text, String encoding, TextRange content, RangeCover examples, int total) {
            return new FormatLineFigures(text, encoding, content.start(), content.end(), examples, starts, ends,
                    figures, count, total);
        }
    }

    /**
     * Finds the earlier version's figure of each line of the new one, lines asked for in text order: a line
     * wholly before the change is where it was, one wholly after it moved by the change's delta, and one that
     * overlaps it is figured again. A cursor over the earlier lines moves forward only.
     */
    private static final class Reuse {

        private final FormatLineFigures previous;
        private final TextChange change;
        private int index;

        Reuse(FormatLineFigures previous, TextChange change) {
            this.previous = previous;
            this.change = change;
        }

        /** Returns the earlier figure of the line {@code [start, end)} of the new text, or -1 when there is none. */
        int figureOf(int start, int end) {
            int oldStart;
            int oldEnd;
            if (end < change.start()) {
                oldStart = start;
                oldEnd = end;
            } else if (start >= change.newEnd()) {
                oldStart = start - change.delta();
                oldEnd = end - change.delta();
            } else {
                return -1;
            }
            while (index < previous.count && previous.starts[index] < oldStart) {
                index++;
            }
            return index < previous.count && previous.starts[index] == oldStart && previous.ends[index] == oldEnd
                    ? previous.figures[index] : -1;
        }
    }
}
