package dev.promptwise.core.text;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;

/**
 * Where one version of a text differs from an earlier one: the shared start, then one replaced stretch, then the
 * shared end. The incremental passes (few-shot examples, sentence keys, token counts) keep an earlier version's
 * results for the shared parts and redo only the stretch between.
 *
 * @param start the length of the shared start: the first offset that may differ, the same in both versions
 * @param oldEnd the offset in the earlier version where the shared end begins
 * @param newEnd the offset in the new version where the shared end begins
 */
public record TextChange(int start, int oldEnd, int newEnd) {

    /**
     * The last few known changes between two texts: comparisons made, and edits the editor's messages described
     * ({@link #record}). Texts are held weakly: the memo never keeps a version alive.
     */
    private static final int REMEMBERED = 32;
    /** How many recorded edits in a row {@link #between} composes before it compares instead. */
    private static final int MAX_CHAIN = 16;
    private static final Known[] KNOWN = new Known[REMEMBERED];
    private static int nextSlot;

    /** One known change from {@code old} to {@code current}. */
    private record Known(WeakReference<String> old, WeakReference<String> current, TextChange change) {}

    /** Strings known to be copies of a stretch of a larger text (a message's content), held weakly too. */
    private static final Slice[] SLICES = new Slice[REMEMBERED];
    private static int nextSlice;

    /** One string that is {@code parent}'s characters in {@code range}. */
    private record Slice(WeakReference<String> slice, WeakReference<String> parent, TextRange range) {}

    /** Returns how far offsets after the changed stretch moved: the new length minus the old. */
    public int delta() {
        return newEnd - oldEnd;
    }

    /** Returns the number of characters the two versions share at their start and end together. */
    public int shared(int newLength) {
        return start + newLength - newEnd;
    }

    /**
     * Returns the change that turns {@code old} into {@code current}: the longest shared start, then the longest
     * shared end that does not overlap it (equal texts give an empty change at their end), or, without comparing,
     * the change {@link #record}ed for them (composed over a few recorded edits in a row), which may be longer than
     * the shortest. Comparing two versions of 1 MB costs about a millisecond on a loaded machine; the answer for
     * the same two string objects is remembered, because each incremental pass of one version asks it again.
     */
    public static TextChange between(String old, String current) {
        TextChange known = known(old, current, MAX_CHAIN);
        if (known == null) {
            known = betweenSlices(old, current);
        }
        if (known != null) {
            return known;
        }
        int limit = Math.min(old.length(), current.length());
        int start = sharedStart(old, current, limit);
        int end = sharedEnd(old, current, limit - start);
        TextChange change = new TextChange(start, old.length() - end, current.length() - end);
        remember(old, current, change);
        return change;
    }

    /**
     * Records that {@code current} is {@code old} with {@code change} applied, as an editor's incremental edit says,
     * so that {@link #between} answers for these two texts, and for a few such edits in a row, without comparing
     * them. {@code change} need not be the shortest: the characters before its start and after its ends must be
     * equal in both texts, which an edit's range guarantees.
     */
    public static void record(String old, String current, TextChange change) {
        remember(old, current, change);
    }

    /**
     * Records that {@code slice} holds exactly the characters of {@code parent} in {@code range}, as a parser that
     * copies a message's content out of the file knows: {@link #between} two such copies of two versions then
     * derives their change from the versions' own, without comparing them.
     */
    public static void recordSlice(String parent, TextRange range, String slice) {
        synchronized (SLICES) {
            SLICES[nextSlice] = new Slice(new WeakReference<>(slice), new WeakReference<>(parent), range);
            nextSlice = (nextSlice + 1) % REMEMBERED;
        }
    }

    /**
     * Returns the change between two recorded slices whose parents' change is known and whose ranges it maps onto
     * each other, or {@code null} when that cannot be told without comparing.
     */
    private static TextChange betweenSlices(String old, String current) {
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

    private static Slice sliceOf(String text) {
        synchronized (SLICES) {
            for (Slice slice : SLICES) {
                if (slice != null && slice.slice().get() == text) {
                    return slice;
                }
            }
        }
        return null;
    }

    /** Returns the change from this change's old text to what {@code second} makes of this change's new text. */
    public TextChange then(TextChange second) {
        int sharedFrom = Math.max(newEnd, second.oldEnd);
        return new TextChange(Math.min(start, second.start), sharedFrom - delta(), sharedFrom + second.delta());
    }

    private static TextChange known(String old, String current, int depth) {
        List<Known> candidates = new ArrayList<>();
        synchronized (KNOWN) {
            for (Known known : KNOWN) {
                if (known != null && known.current().get() == current) {
                    if (known.old().get() == old) {
                        return known.change();
                    }
                    candidates.add(known);
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

    private static void remember(String old, String current, TextChange change) {
        synchronized (KNOWN) {
            KNOWN[nextSlot] = new Known(new WeakReference<>(old), new WeakReference<>(current), change);
            nextSlot = (nextSlot + 1) % REMEMBERED;
        }
    }

    /** Returns the offset in the new version of {@code oldOffset} when it lies outside the changed stretch, else -1. */
    public int map(int oldOffset) {
        if (oldOffset <= start) {
            return oldOffset;
        }
        return oldOffset >= oldEnd ? oldOffset + delta() : -1;
    }

    private static int sharedStart(String old, String current, int limit) {
        // A plain loop: once compiled it compares 1 MB in about a quarter of a millisecond, faster than
        // regionMatches in chunks and without the garbage of comparing copies.
        int shared = 0;
        while (shared < limit && old.charAt(shared) == current.charAt(shared)) {
            shared++;
        }
        return shared;
    }

    private static int sharedEnd(String old, String current, int limit) {
        int shared = 0;
        int oldLength = old.length();
        int currentLength = current.length();
        while (shared < limit && old.charAt(oldLength - 1 - shared) == current.charAt(currentLength - 1 - shared)) {
            shared++;
        }
        return shared;
    }
}
