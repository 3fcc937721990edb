package dev.promptwise.core.strategy;

import dev.promptwise.core.text.TextRange;

/**
 * The text that fixes everything read from one entry of a strategy file (a workload), wherever in the file it
 * stands: what lets per-workload results be reused after edits elsewhere moved the entry. A fingerprint made by
 * {@link #of} only points into the file's text, so that looking one up copies nothing; {@link #compact()} gives the
 * copy to keep in a memo, which must not hold a whole version of the file.
 */
public final class EntryFingerprint {

    private final String text;
    private final int start;
    private final int end;
    private final int column;
    private final String name;
    private final int hash;

    private EntryFingerprint(String text, int start, int end, int column, String name, int hash) {
        this.text = text;
        this.start = start;
        this.end = end;
        this.column = column;
        this.name = name;
        this.hash = hash;
    }

    /**
     * Returns the fingerprint of the entry at {@code range} (its key to the end of its value) named {@code name}:
     * the column of its key, its name and its text. Two entries with equal fingerprints read as equal trees, their
     * ranges moved by the difference of their starts. Returns {@code null} when the entry may read values from
     * elsewhere (an alias, {@code *}) or be read differently elsewhere (a tag, {@code !}), or the range does not lie
     * in {@code text}.
     */
    public static EntryFingerprint of(String text, TextRange range, String name) {
        int start = range.start();
        int end = range.end();
        if (start < 0 || end > text.length() || start > end || name == null) {
            return null;
        }
        int hash = 0;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c == '*' || c == '!') {
                return null;
            }
            hash = 31 * hash + c;
        }
        int column = start - (text.lastIndexOf('\n', start - 1) + 1);
        return new EntryFingerprint(text, start, end, column, name, (hash * 31 + column) * 31 + name.hashCode());
    }

    /** Returns an equal fingerprint that holds only the entry's own text. */
    public EntryFingerprint compact() {
        if (start == 0 && end == text.length()) {
            return this;
        }
        return new EntryFingerprint(text.substring(start, end), 0, end - start, column, name, hash);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EntryFingerprint that && hash == that.hash && column == that.column
                && end - start == that.end - that.start && name.equals(that.name)
                && text.regionMatches(start, that.text, that.start, end - start);
    }

    @Override
    public int hashCode() {
        return hash;
    }
}
