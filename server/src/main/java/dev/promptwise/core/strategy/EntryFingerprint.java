package dev.promptwise.core.strategy;

import dev.promptwise.core.text.TextRange;

/**
 * The text that fixes everything read from one entry of a strategy file (a workload), wherever in the file it
 * stands: what lets per-workload results be reused after edits elsewhere moved the entry.
 */
public final class EntryFingerprint {

    private EntryFingerprint() {}

    /**
     * Returns the column of the entry's key, its name and the text of the entry ({@code range}, key to the end of
     * its value): two entries with equal fingerprints read as equal trees, their ranges moved by the difference of
     * their starts. Returns {@code null} when the entry may read values from elsewhere (an alias, {@code *}) or be
     * read differently elsewhere (a tag, {@code !}), or the range does not lie in {@code text}.
     */
    public static String of(String text, TextRange range, String name) {
        int start = range.start();
        int end = range.end();
        if (start < 0 || end > text.length() || start > end) {
            return null;
        }
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c == '*' || c == '!') {
                return null;
            }
        }
        int column = start - (text.lastIndexOf('\n', start - 1) + 1);
        return column + ":" + name + "\u0000" + text.substring(start, end);
    }
}
