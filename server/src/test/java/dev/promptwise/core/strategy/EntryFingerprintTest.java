package dev.promptwise.core.strategy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.promptwise.core.text.TextRange;
import org.junit.jupiter.api.Test;

/** A workload's fingerprint is its column, name and text, wherever it stands, and none for aliases or tags. */
class EntryFingerprintTest {

    private static final String ENTRY = "a:\n    prompt: p.txt\n";

    @Test
    void theSameEntryMovedFurtherDownHasTheSameFingerprint() {
        String text = "workloads:\n  " + ENTRY;
        String moved = "version: 1\nworkloads:\n  x: {}\n  " + ENTRY;
        EntryFingerprint here = EntryFingerprint.of(text, range(text), "a");
        EntryFingerprint there = EntryFingerprint.of(moved, range(moved), "a");
        assertEquals(here, there);
        assertEquals(here.hashCode(), there.hashCode());
        assertEquals(here, there.compact());
        assertEquals(there.compact(), here);
    }

    @Test
    void anotherTextNameOrColumnDiffers() {
        String text = "workloads:\n  " + ENTRY;
        EntryFingerprint original = EntryFingerprint.of(text, range(text), "a");
        String edited = "workloads:\n  " + ENTRY.replace("p.txt", "q.txt");
        assertNotEquals(original, EntryFingerprint.of(edited, range(edited), "a"));
        assertNotEquals(original, EntryFingerprint.of(text, range(text), "b"));
        String indented = "workloads:\n    " + ENTRY;
        assertNotEquals(original, EntryFingerprint.of(indented, range(indented), "a"));
    }

    @Test
    void anAliasOrATagGivesNone() {
        String alias = "workloads:\n  a: *shared\n";
        assertNull(EntryFingerprint.of(alias, new TextRange(alias.indexOf("a:"), alias.length() - 1), "a"));
        String tag = "workloads:\n  a: !!str 1\n";
        assertNull(EntryFingerprint.of(tag, new TextRange(tag.indexOf("a:"), tag.length() - 1), "a"));
    }

    private static TextRange range(String text) {
        int start = text.lastIndexOf("a:\n");
        return new TextRange(start, text.length() - 1);
    }
}
