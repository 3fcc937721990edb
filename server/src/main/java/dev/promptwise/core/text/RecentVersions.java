package dev.promptwise.core.text;

import java.util.ArrayDeque;
import java.util.List;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The last few results an incremental pass made of large texts, so that the next version of the same document can
 * reuse what an edit left alone. Each pass that works per paragraph keeps one in its layer's memo, which an
 * analysis host owns; memory stays bounded by the capacity,
 * and a new version takes the place of the version it came from, so that an edited document keeps one place.
 *
 * @param <T> one version's result, which knows the text it was made of
 */
public final class RecentVersions<T> {

    /**
     * The remembered result closest to a new text, and the change between its text and the new one.
     *
     * @param <T> the kind of result
     */
    public record Closest<T>(T version, TextChange change) {}

    private final int capacity;
    private final Function<T, String> textOf;
    private final KnownChanges changes;
    private final ArrayDeque<T> recent = new ArrayDeque<>();

    /**
     * Remembers at most {@code capacity} results, each made of the text {@code textOf} returns, and asks
     * {@code changes} (its host's) where a new text differs from a remembered one.
     */
    public RecentVersions(int capacity, Function<T, String> textOf, KnownChanges changes) {
        this.capacity = capacity;
        this.textOf = textOf;
        this.changes = changes;
    }

    /**
     * Returns the remembered result whose text shares the most with {@code text}, at least half of it, among those
     * that {@code fits} accepts with their change; {@code null} when none does.
     */
    public Closest<T> closest(String text, BiPredicate<T, TextChange> fits) {
        List<T> candidates;
        synchronized (recent) {
            candidates = List.copyOf(recent);
        }
        T best = null;
        TextChange bestChange = null;
        int bestShared = -1;
        for (T candidate : candidates) {
            TextChange change = changes.between(textOf.apply(candidate), text);
            int shared = change.shared(text.length());
            if (shared >= text.length() / 2 && shared > bestShared && fits.test(candidate, change)) {
                best = candidate;
                bestChange = change;
                bestShared = shared;
            }
        }
        return best == null ? null : new Closest<>(best, bestChange);
    }

    /**
     * Remembers {@code current} in place of {@code replaced} (the result it was made from, or {@code null}) and of
     * any remembered result that {@code sameAsCurrent} says stands for the same text; the oldest beyond the
     * capacity are forgotten.
     */
    public void remember(T current, T replaced, Predicate<T> sameAsCurrent) {
        synchronized (recent) {
            recent.removeIf(known -> known == replaced || sameAsCurrent.test(known));
            recent.addFirst(current);
            while (recent.size() > capacity) {
                recent.removeLast();
            }
        }
    }

    /** Forgets every remembered result (its host's {@code clear()}). */
    public void clear() {
        synchronized (recent) {
            recent.clear();
        }
    }
}
