package dev.promptwise.core.text;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;

/**
 * The changes one analysis host knows between versions of texts: the edits the document store hands it (an
 * editor's incremental change says where two versions differ without comparing a megabyte), the comparisons its
 * passes made, and the strings a parser copied out of a larger text (a message's content). The incremental passes
 * ask {@link #between} for the change from the version they remember to the new one.
 *
 * <p>Each host owns one, created empty and emptied by {@link #clear}: a second host knows none of the first's edits.
 * At most {@value #REMEMBERED} changes and as many copies are remembered, and texts are held weakly, so the memo
 * never keeps a version alive. Thread-safe.
 */
public final class KnownChanges {

    private static final int REMEMBERED = 32;
    /** How many recorded edits in a row {@link #between} composes before it compares instead. */
    private static final int MAX_CHAIN = 16;

    private final Known[] known = new Known[REMEMBERED];
    private int nextSlot;
    private final Slice[] slices = new Slice[REMEMBERED];
    private int nextSlice;

    /** One known change from {@code old} to {@code current}. */
    private record Known(WeakReference<String> old, WeakReference<String> current, TextChange change) {}

    /** One string that is {@code parent}'s characters in {@code range}. */
    private record Slice(WeakReference<String> slice, WeakReference<String> parent, TextRange range) {}

    /**
     * Returns the change that turns {@code old} into {@code current}: the change {@link #record}ed for them
     * (composed over a few recorded edits in a row), which may be longer than the shortest, or the one derived for
     * two recorded copies from their parents' change, or else {@link TextChange#compare}'s. Comparing two versions
     * of 1 MB costs about a millisecond on a loaded machine; the answer for the same two string objects is
     * remembered, because each incremental pass of one version asks it again.
     */
    public TextChange between(String old, String current) {
        TextChange change = known(old, current, MAX_CHAIN);
        if (change == null) {
            change = betweenSlices(old, current);
        }
        if (change != null) {
            return change;
        }
        change = TextChange.compare(old, current);
        remember(old, current, change);
        return change;
    }

    /**
     * Records that {@code current} is {@code old} with {@code change} applied, as an editor's incremental edit says,
     * so that {@link #between} answers for these two texts, and for a few such edits in a row, without comparing
     * them. {@code change} need not be the shortest: the characters before its start and after its ends must be
     * equal in both texts, which an edit's range guarantees.
     */
    public void record(String old, String current, TextChange change) {
        remember(old, current, change);
    }

    /**
     * Records that {@code slice} holds exactly the characters of {@code parent} in {@code range}, as a parser that
     * copies a message's content out of the file knows: {@link #between} two such copies of two versions then
     * derives their change from the versions' own, without comparing them.
     */
    public void recordSlice(String parent, TextRange range, String slice) {
        synchronized (slices) {
            slices[nextSlice] = new Slice(new WeakReference<>(slice), new WeakReference<>(parent), range);
            nextSlice = (nextSlice + 1) % REMEMBERED;
        }
    }

    /** Forgets every known change and copy. */
    public void clear() {
        synchronized (known) {
            java.util.Arrays.fill(known, null);
            nextSlot = 0;
        }
        synchronized (slices) {
            java.util.Arrays.fill(slices, null);
            nextSlice = 0;
        }
    }

    /**
     * Returns the change between two recorded slices whose parents' change is known and whose ranges it maps onto
     * each other, or {@code null} when that cannot be told without comparing.
     */
    private TextChange betweenSlices(String old, String current) {
        Slice oldSlice = sliceOf(old);
        Slice currentSlice = sliceOf(current);
        if (oldSlice == null || currentSlice == null) {
            return null;
        }
        String oldParent = oldSlice.parent().get();
        String currentParent = currentSlice.parent().get();
        if (oldParent == null || currentParent == null) {
            return null;
        }
        TextChange parents = known(oldParent, currentParent, MAX_CHAIN);
        if (parents == null) {
            return null;
        }
        TextRange before = oldSlice.range();
        TextRange after = currentSlice.range();
        boolean sameLength = before.length() == after.length();
        if (sameLength && (parents.oldEnd() <= before.start() && after.start() - before.start() == parents.delta()
                || parents.start() >= before.end() && before.equals(after))) {
            // The edit lies wholly before or after the stretch: its text did not change.
            return new TextChange(after.length(), after.length(), after.length());
        }
        if (before.start() == after.start() && parents.start() >= before.start()
                && before.end() - parents.oldEnd() == after.end() - parents.newEnd() && parents.oldEnd() <= before.end()) {
            return new TextChange(parents.start() - before.start(), parents.oldEnd() - before.start(),
                    parents.newEnd() - after.start());
        }
        return null;
    }

    private Slice sliceOf(String text) {
        synchronized (slices) {
            for (Slice slice : slices) {
                if (slice != null && slice.slice().get() == text) {
                    return slice;
                }
            }
        }
        return null;
    }

    private TextChange known(String old, String current, int depth) {
        List<Known> candidates = new ArrayList<>();
        synchronized (known) {
            for (Known entry : known) {
                if (entry != null && entry.current().get() == current) {
                    if (entry.old().get() == old) {
                        return entry.change();
                    }
                    candidates.add(entry);
                }
            }
        }
        if (depth <= 1) {
            return null;
        }
        // Versions the analysis skipped: compose the recorded edits from the old text to this one.
        for (Known candidate : candidates) {
            String middle = candidate.old().get();
            if (middle != null && middle != current) {
                TextChange before = known(old, middle, depth - 1);
                if (before != null) {
                    return before.then(candidate.change());
                }
            }
        }
        return null;
    }

    private void remember(String old, String current, TextChange change) {
        synchronized (known) {
            known[nextSlot] = new Known(new WeakReference<>(old), new WeakReference<>(current), change);
            nextSlot = (nextSlot + 1) % REMEMBERED;
        }
    }
}
