package dev.promptwise.core.syntax;

import dev.promptwise.core.text.Ascending;
import dev.promptwise.core.text.RecentVersions;
import dev.promptwise.core.text.TextChange;
import dev.promptwise.core.text.TextRange;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * Finds the text examples of a large message content again after an edit by rescanning only the lines the edit
 * can have changed, so that a keystroke in a 1 MB prompt costs what a keystroke in a small one does.
 *
 * <p>The scan of a content visits lines in order; each visit may read lines ahead of it (an example's output runs
 * to the next blank line or label, a tag to its closing tag). The last few scans of large contents are remembered
 * with, for every visited line, where it starts and how far the scan had read by the end of that visit. For a new
 * version, the visits that had read nothing at or after the edit are kept as they were; the scan resumes at the
 * first visit that had, and stops as soon as it visits a line after the edit, whose line before is after the edit
 * too, that the earlier scan visited as well: from there both scans read the same characters and so find the same
 * examples, shifted by the edit's change of length. The result equals a scan from scratch (property-tested in
 * {@code ExampleScansTest}); memory stays bounded by the {@value #CAPACITY} remembered scans,
 * and a scan replaces the one it was made from, so that an edited document keeps one place.
 */
final class ExampleScans {

    /** Contents shorter than this are scanned whole every time: it costs less than looking for an earlier scan. */
    static final int MIN_REMEMBERED_CHARS = 16 * 1024;

    /** How many scans are remembered (in the host's {@link SyntaxMemo}): a few large documents edited in turn. */
    static final int CAPACITY = 4;

    private ExampleScans() {}

    /** Returns the text examples of {@code content} in {@code text}, in text order, reusing an earlier scan when one fits. */
    static List<FewShotExample> textExamples(String text, TextRange content, SyntaxMemo memo) {
        if (content.length() < MIN_REMEMBERED_CHARS) {
            return scanFromScratch(text, content);
        }
        RecentVersions<Scan> recent = memo.exampleScans();
        RecentVersions.Closest<Scan> closest = recent.closest(text, (candidate, change) ->
                content.end() == candidate.end() || content.end() - change.delta() == candidate.end());
        Scan previous = closest == null ? null : closest.version();
        Scan scan = previous == null ? fullScan(text, content) : rescan(previous, closest.change(), text, content);
        recent.remember(scan, previous, known -> known.text() == scan.text() && known.start() == scan.start());
        return scan.examples();
    }

    /** Returns the text examples of {@code content}, scanning every line. */
    static List<FewShotExample> scanFromScratch(String text, TextRange content) {
        List<FewShotExample> examples = new ArrayList<>();
        new ExampleFinder.TextScan(text, content.start(), content.end(), content.start(), false)
                .scan(0, examples, null);
        return examples;
    }

    /**
     * One content's scan: the examples in text order, and for each visited line, in order, its start and how far
     * the scan had read by the end of the visit (an exclusive offset that never decreases).
     */
    record Scan(String text, int start, int end, List<FewShotExample> examples, int[] stepStarts,
            int[] stepReaches, int steps) {}

    private static Scan fullScan(String text, TextRange content) {
        List<FewShotExample> examples = new ArrayList<>();
        ExampleFinder.TextScan scan = new ExampleFinder.TextScan(text, content.start(), content.end(), content.start(),
                true);
        scan.scan(0, examples, null);
        return new Scan(text, content.start(), content.end(), List.copyOf(examples), scan.stepStarts(),
                scan.stepReaches(), scan.steps());
    }

    private static Scan rescan(Scan old, TextChange change, String text, TextRange content) {
        int newStart = content.start();
        int newEnd = content.end();
        int delta = change.delta();
        // The visits to keep: those that read nothing the edit touched, nor the content's end if that moved.
        int kept = 0;
        if (newStart == old.start()) {
            int limit = newEnd == old.end() ? change.start()
                    : Math.min(change.start(), Math.min(old.end(), newEnd) - 1);
            kept = Ascending.firstAbove(old.stepReaches(), old.steps(), limit);
        }
        if (kept == old.steps()) {
            return newEnd == old.end() ? new Scan(text, newStart, newEnd, old.examples(), old.stepStarts(),
                    old.stepReaches(), old.steps()) : fullScan(text, content);
        }
        int resume = kept == 0 ? newStart : old.stepStarts()[kept];
        ExampleFinder.TextScan scan;
        int firstLine;
        if (resume == newStart) {
            scan = new ExampleFinder.TextScan(text, newStart, newEnd, newStart, true);
            firstLine = 0;
        } else {
            // The line before is split too: a visit asks whether it is blank.
            scan = new ExampleFinder.TextScan(text, newStart, newEnd, previousLineStart(text, newStart, resume), true);
            firstLine = 1;
            if (!scan.hasLine(1) || scan.start(1) != resume) {
                return fullScan(text, content);
            }
        }
        // The kept visits found the examples that start before the resumed one.
        List<FewShotExample> examples = kept == 0 ? new ArrayList<>()
                : new ArrayList<>(old.examples().subList(0, firstStartingAt(old.examples(), resume)));
        boolean endShifted = newEnd - delta == old.end();
        int changeEnd = change.newEnd();
        IntPredicate known = line -> {
            int visitStart = scan.start(line);
            if (!endShifted || visitStart < changeEnd) {
                return false;
            }
            int readFrom = visitStart == newStart ? visitStart : scan.start(line - 1);
            int oldVisitStart = visitStart - delta;
            return readFrom > changeEnd && (visitStart == newStart) == (oldVisitStart == old.start())
                    && Arrays.binarySearch(old.stepStarts(), 0, old.steps(), oldVisitStart) >= 0;
        };
        int stoppedAt = scan.scan(firstLine, examples, known);
        int oldIndex = -1;
        int oldVisitStart = 0;
        if (stoppedAt >= 0) {
            oldVisitStart = scan.start(stoppedAt) - delta;
            oldIndex = Arrays.binarySearch(old.stepStarts(), 0, old.steps(), oldVisitStart);
            for (FewShotExample example : old.examples().subList(firstStartingAt(old.examples(), oldVisitStart),
                    old.examples().size())) {
                examples.add(new FewShotExample(example.range().shift(delta), example.input(), example.output(),
                        example.kind()));
            }
        }
        int rescanned = scan.steps();
        int suffix = stoppedAt >= 0 ? old.steps() - oldIndex : 0;
        int total = kept + rescanned + suffix;
        int[] starts = new int[total];
        int[] reaches = new int[total];
        System.arraycopy(old.stepStarts(), 0, starts, 0, kept);
        System.arraycopy(old.stepReaches(), 0, reaches, 0, kept);
        int running = kept == 0 ? 0 : reaches[kept - 1];
        for (int index = 0; index < rescanned; index++) {
            running = Math.max(running, scan.stepReaches()[index]);
            starts[kept + index] = scan.stepStarts()[index];
            reaches[kept + index] = running;
        }
        for (int index = 0; index < suffix; index++) {
            running = Math.max(running, old.stepReaches()[oldIndex + index] + delta);
            starts[kept + rescanned + index] = old.stepStarts()[oldIndex + index] + delta;
            reaches[kept + rescanned + index] = running;
        }
        return new Scan(text, newStart, newEnd, List.copyOf(examples), starts, reaches, total);
    }

    /** Returns the index of the first example starting at or after {@code offset}; the size when none does. */
    private static int firstStartingAt(List<FewShotExample> examples, int offset) {
        int low = 0;
        int high = examples.size();
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (examples.get(middle).range().start() >= offset) {
                high = middle;
            } else {
                low = middle + 1;
            }
        }
        return low;
    }

    /**
     * Returns the start of the line before the one starting at {@code lineStart} (which follows a line break), as
     * the forward split of a content starting at {@code contentStart} finds it: {@code \r\n} is one break.
     */
    private static int previousLineStart(String text, int contentStart, int lineStart) {
        int end = lineStart - 1;
        if (text.charAt(end) == '\n' && end - 1 >= contentStart && text.charAt(end - 1) == '\r') {
            end--;
        }
        int start = end;
        while (start > contentStart && text.charAt(start - 1) != '\n' && text.charAt(start - 1) != '\r') {
            start--;
        }
        return start;
    }
}
