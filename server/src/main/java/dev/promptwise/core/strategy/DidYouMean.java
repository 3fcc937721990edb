package dev.promptwise.core.strategy;

import dev.promptwise.core.text.EditDistance;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Finds the allowed words closest to a misspelt one, for the "did you mean" of keys, values and model ids. */
public final class DidYouMean {

    private DidYouMean() {}

    /**
     * Returns up to {@code limit} candidates close to {@code word} (edit distance, ignoring case, at most a third of
     * the word's length and at least 2), closest first, ties in candidate order; empty when none is close.
     */
    public static List<String> closest(String word, Collection<String> candidates, int limit) {
        if (word == null || word.isEmpty() || word.length() > 200) {
            return List.of();
        }
        String lower = word.toLowerCase(Locale.ROOT);
        int allowed = Math.max(2, lower.length() / 3);
        record Scored(String candidate, int distance, int order) {}
        List<Scored> scored = new ArrayList<>();
        int order = 0;
        for (String candidate : candidates) {
            String other = candidate.toLowerCase(Locale.ROOT);
            int distance = EditDistance.between(lower, other);
            if (distance <= allowed && !candidate.equals(word)) {
                scored.add(new Scored(candidate, distance, order));
            }
            order++;
        }
        scored.sort(Comparator.comparingInt(Scored::distance).thenComparingInt(Scored::order));
        return scored.stream().limit(limit).map(Scored::candidate).toList();
    }

    /** Returns the first of {@link #closest}, or {@code null} when none is close. */
    public static String best(String word, Collection<String> candidates) {
        List<String> found = closest(word, candidates, 1);
        return found.isEmpty() ? null : found.get(0);
    }
}
