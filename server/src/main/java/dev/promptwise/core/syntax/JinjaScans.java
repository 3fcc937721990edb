package dev.promptwise.core.syntax;

import dev.promptwise.core.text.Ascending;
import dev.promptwise.core.text.RecentVersions;
import dev.promptwise.core.text.TextChange;
import dev.promptwise.core.text.TextRange;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the template variables and problems of a large Mustache or Jinja2 body again after a plain-text edit without
 * scanning it, so that a keystroke in the prose of a 1 MB Prompty file does not rescan its megabyte.
 *
 * <p>What {@link TemplateScanner#mustacheOrJinja(String, int, int)} finds depends only on its tags in order: where
 * each '{' stands and what follows it, and the text each tag reads from its opener to its closer (a raw block to its
 * {@code {% endraw %}}, a tag never closed to the first closer or to the end). Text between tags is only searched
 * for '{'. The last few scans of large bodies are remembered with the stretch each tag read. When an edit removes
 * and inserts no brace, has no brace just before or after it, and touches (a character either side included) no
 * stretch a tag read, the new text has the same tags with the same insides, so the scan finds the same variables
 * and problems, those after the edit shifted by its change of length. Any other edit, or a scan that reached a cap,
 * scans from scratch. The result equals a scan from scratch (property-tested in {@code JinjaScansTest}); memory
 * stays bounded by the {@value #CAPACITY} remembered scans, and a scan replaces the one it was made from.
 */
final class JinjaScans {

    /** Bodies shorter than this are scanned whole every time: it costs less than looking for an earlier scan. */
    static final int MIN_REMEMBERED_CHARS = 16 * 1024;

    /** How many scans are remembered (in the host's {@link SyntaxMemo}): a few large documents edited in turn. */
    static final int CAPACITY = 4;

    private JinjaScans() {}

    /**
     * One scan of {@code text[start, text.length())}: its result and, for each tag handled, in order, where it starts
     * and the furthest offset (exclusive) read by it or any tag before it; {@code reachStarts} is {@code null} when
     * the scan reached a cap and cannot be reused.
     */
    record Scan(String text, int start, TemplateScanner.Result result, int[] reachStarts, int[] reachEnds,
            int reaches) {}

    /** Returns the scan result of {@code text[start, text.length())}, reusing an earlier version's when one fits. */
    static TemplateScanner.Result of(String text, int start, SyntaxMemo memo) {
        RecentVersions<Scan> recent = memo.jinjaScans();
        RecentVersions.Closest<Scan> closest = recent.closest(text,
                (candidate, change) -> candidate.start() == start && change.start() > start);
        Scan previous = closest == null ? null : closest.version();
        Scan scan = previous == null ? null : after(previous, closest.change(), text);
        if (scan == null) {
            scan = TemplateScanner.mustacheOrJinjaWithReaches(text, start);
        }
        recent.remember(scan, previous, known -> known.text() == text && known.start() == start);
        return scan.result();
    }

    /**
     * Returns the scan of {@code text}, which is {@code old}'s text with {@code change} applied, made from
     * {@code old} without scanning; {@code null} when the change may have changed a tag.
     */
    static Scan after(Scan old, TextChange change, String text) {
        if (old.reachStarts() == null || change.start() <= old.start()) {
            return null;
        }
        String oldText = old.text();
        int changeStart = change.start();
        int oldEnd = change.oldEnd();
        if (changeStart == oldEnd && oldEnd == change.newEnd()) {
            // The same text.
            return new Scan(text, old.start(), old.result(), old.reachStarts(), old.reachEnds(), old.reaches());
        }
        // No brace removed or inserted, none just before or just after: no opener or closer made or split.
        if (hasBrace(oldText, changeStart, oldEnd) || hasBrace(text, changeStart, change.newEnd())
                || isBrace(oldText.charAt(changeStart - 1))
                || oldEnd < oldText.length() && isBrace(oldText.charAt(oldEnd))) {
            return null;
        }
        // No tag read the changed stretch or a character next to it.
        int before = Ascending.firstAbove(old.reachStarts(), old.reaches(), oldEnd);
        if (before > 0 && old.reachEnds()[before - 1] > changeStart - 1) {
            return null;
        }
        int delta = change.delta();
        if (delta == 0) {
            return new Scan(text, old.start(), old.result(), old.reachStarts(), old.reachEnds(), old.reaches());
        }
        int[] starts = old.reachStarts().clone();
        int[] ends = old.reachEnds().clone();
        for (int index = before; index < old.reaches(); index++) {
            starts[index] += delta;
            ends[index] += delta;
        }
        TemplateScanner.Result result = new TemplateScanner.Result(
                shiftedUses(old.result().variables(), changeStart, delta),
                shiftedProblems(old.result().problems(), changeStart, delta));
        return new Scan(text, old.start(), result, starts, ends, old.reaches());
    }

    /** Returns {@code uses} (in text order) with those starting at or after {@code from} moved by {@code delta}. */
    private static List<VariableUse> shiftedUses(List<VariableUse> uses, int from, int delta) {
        int low = 0;
        int high = uses.size();
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (uses.get(middle).range().start() >= from) {
                high = middle;
            } else {
                low = middle + 1;
            }
        }
        if (low == uses.size()) {
            return uses;
        }
        List<VariableUse> shifted = new ArrayList<>(uses.size());
        shifted.addAll(uses.subList(0, low));
        TextRange lastRange = null;
        TextRange lastShifted = null;
        for (VariableUse use : uses.subList(low, uses.size())) {
            // The uses of one tag share its range: shift it once.
            if (use.range() != lastRange) {
                lastRange = use.range();
                lastShifted = lastRange.shift(delta);
            }
            shifted.add(new VariableUse(use.name(), lastShifted, use.nameRange().shift(delta)));
        }
        return shifted;
    }

    /** Returns {@code problems} (by start) with those starting at or after {@code from} moved by {@code delta}. */
    private static List<SyntaxProblem> shiftedProblems(List<SyntaxProblem> problems, int from, int delta) {
        List<SyntaxProblem> shifted = null;
        for (int index = 0; index < problems.size(); index++) {
            SyntaxProblem problem = problems.get(index);
            if (problem.range().start() >= from) {
                if (shifted == null) {
                    shifted = new ArrayList<>(problems.subList(0, index));
                }
                shifted.add(new SyntaxProblem(problem.range().shift(delta), problem.message()));
            } else if (shifted != null) {
                shifted.add(problem);
            }
        }
        return shifted == null ? problems : shifted;
    }

    private static boolean hasBrace(String text, int from, int to) {
        for (int index = from; index < to; index++) {
            if (isBrace(text.charAt(index))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isBrace(char c) {
        return c == '{' || c == '}';
    }

}
