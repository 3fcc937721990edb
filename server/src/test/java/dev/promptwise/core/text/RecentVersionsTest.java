package dev.promptwise.core.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

/** The memo of recent versions finds the closest earlier version, lets a new one take its place, and stays bounded. */
class RecentVersionsTest {

    private record Version(String text, String tag) {}

    private final RecentVersions<Version> recent = new RecentVersions<>(2, Version::text, new KnownChanges());

    @Test
    void findsTheVersionSharingTheMostWithTheNewText() {
        Version far = new Version("x".repeat(60) + "y".repeat(40), "far");
        Version near = new Version("x".repeat(99) + "y", "near");
        recent.remember(far, null, known -> false);
        recent.remember(near, null, known -> false);

        RecentVersions.Closest<Version> closest = recent.closest("x".repeat(100), (candidate, change) -> true);

        assertSame(near, closest.version());
        assertEquals(new TextChange(99, 100, 100), closest.change());
    }

    @Test
    void ignoresVersionsSharingLessThanHalfOrRefusedByTheCaller() {
        recent.remember(new Version("a".repeat(30) + "b".repeat(70), "little shared"), null, known -> false);
        recent.remember(new Version("a".repeat(99), "refused"), null, known -> false);

        assertNull(recent.closest("a".repeat(100), (candidate, change) -> !candidate.tag().equals("refused")));
    }

    @Test
    void aNewVersionTakesThePlaceOfTheOneItCameFromAndTheOldestAreForgotten() {
        Version first = new Version("one".repeat(20), "first");
        Version second = new Version("two".repeat(20), "second");
        recent.remember(first, null, known -> false);
        recent.remember(second, null, known -> false);
        Version edited = new Version("one".repeat(19) + "onx", "edited");
        recent.remember(edited, first, known -> false);

        assertSame(second, recent.closest("two".repeat(20), (candidate, change) -> true).version());
        assertSame(edited, recent.closest("one".repeat(20), (candidate, change) -> true).version());

        recent.remember(new Version("three".repeat(12), "third"), null, known -> false);
        assertNull(recent.closest("two".repeat(20), (candidate, change) -> true), "the oldest was forgotten");
    }
}
