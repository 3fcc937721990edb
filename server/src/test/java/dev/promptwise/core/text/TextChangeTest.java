package dev.promptwise.core.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.promptwise.core.LargePromptEdits;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Where two versions differ: compared, recorded from edits, composed over skipped versions, and for copies. */
class TextChangeTest {

    @Test
    void comparingFindsTheLongestSharedStartAndAnEndThatDoesNotOverlapIt() {
        assertEquals(new TextChange(2, 3, 4), TextChange.compare(new String("abcde"), new String("abXYde")));
        assertEquals(new TextChange(3, 3, 3), TextChange.compare(new String("aaa"), new String("aaa")));
        // "aa" to "aaa": the shared start takes both characters; the end may not reuse them.
        assertEquals(new TextChange(2, 2, 3), TextChange.compare(new String("aa"), new String("aaa")));
    }

    private final KnownChanges changes = new KnownChanges();

    @Test
    void recordedEditsAnswerWithoutComparingAndComposeOverSkippedVersions() {
        Random random = new Random(1);
        String first = LargePromptEdits.body(random, 5_000);
        List<String> versions = new ArrayList<>(List.of(first));
        for (int edit = 0; edit < 10; edit++) {
            String old = versions.get(versions.size() - 1);
            int at = random.nextInt(old.length());
            int removed = Math.min(random.nextInt(5), old.length() - at);
            String inserted = "inserted " + edit;
            String current = old.substring(0, at) + inserted + old.substring(at + removed);
            TextChange edited = new TextChange(at, at + removed, at + inserted.length());
            changes.record(old, current, edited);
            assertEquals(edited, changes.between(old, current));
            versions.add(current);
        }
        for (int from = 0; from < versions.size(); from++) {
            for (int to = from + 1; to < versions.size(); to++) {
                assertDescribes(versions.get(from), versions.get(to), changes.between(versions.get(from),
                        versions.get(to)));
            }
        }
    }

    @Test
    void copiesOfAStretchOfTwoVersionsDifferWhereTheVersionsDo() {
        String old = "front\n---\nsystem:\nbody of the message here\nuser:\nhi\n";
        String current = old.replace("of the", "of a");
        changes.record(old, current, new TextChange(old.indexOf("the"), old.indexOf("the") + 3,
                old.indexOf("the") + 1));
        TextRange before = new TextRange(old.indexOf("body"), old.indexOf("\nuser"));
        TextRange after = new TextRange(current.indexOf("body"), current.indexOf("\nuser"));
        String oldContent = before.slice(old);
        String currentContent = after.slice(current);
        changes.recordSlice(old, before, oldContent);
        changes.recordSlice(current, after, currentContent);
        TextChange derived = changes.between(oldContent, currentContent);
        assertEquals(new TextChange(8, 11, 9), derived);
        assertDescribes(oldContent, currentContent, derived);
    }

    @Test
    void anEditRecordedInOneHostsRegistryIsUnknownToAnotherAndForgottenOnClear() {
        String old = new String("aaa");
        String current = new String("aaaa");
        // The editor inserted at the start; a comparison finds the shortest change, at the end.
        TextChange inserted = new TextChange(0, 0, 1);
        changes.record(old, current, inserted);
        KnownChanges another = new KnownChanges();
        assertEquals(inserted, changes.between(old, current));
        assertEquals(new TextChange(3, 3, 4), another.between(old, current));
        changes.clear();
        assertEquals(new TextChange(3, 3, 4), changes.between(old, current));
    }

    /** Asserts that {@code change} is true of the two texts: equal before its start and after its ends. */
    private static void assertDescribes(String old, String current, TextChange change) {
        assertTrue(change.start() <= change.oldEnd() && change.start() <= change.newEnd(), change.toString());
        assertEquals(old.substring(0, change.start()), current.substring(0, change.start()));
        assertEquals(old.substring(change.oldEnd()), current.substring(change.newEnd()));
    }
}
