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
        assertEquals(new TextChange(2, 3, 4), TextChange.between(new String("abcde"), new String("abXYde")));
        assertEquals(new TextChange(3, 3, 3), TextChange.between(new String("aaa"), new String("aaa")));
        // "aa" to "aaa": the shared start takes both characters; the end may not reuse them.
        assertEquals(new TextChange(2, 2, 3), TextChange.between(new String("aa"), new String("aaa")));
    }

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
            TextChange.record(old, current, edited);
            assertEquals(edited, TextChange.between(old, current));
            versions.add(current);
        }
        for (int from = 0; from < versions.size(); from++) {
            for (int to = from + 1; to < versions.size(); to++) {
                assertDescribes(versions.get(from), versions.get(to), TextChange.between(versions.get(from),
                        versions.get(to)));
            }
        }
    }

    @Test
    void copiesOfAStretchOfTwoVersionsDifferWhereTheVersionsDo() {
        String old = "front\n---\nsystem:\nbody of the message here\nuser:\nhi\n";
        String current = old.replace("of the", "of a");
        TextChange.record(old, current, new TextChange(old.indexOf("the"), old.indexOf("the") + 3,
                old.indexOf("the") + 1));
        TextRange before = new TextRange(old.indexOf("body"), old.indexOf("\nuser"));
        TextRange after = new TextRange(current.indexOf("body"), current.indexOf("\nuser"));
        String oldContent = before.slice(old);
        String currentContent = after.slice(current);
        TextChange.recordSlice(old, before, oldContent);
        TextChange.recordSlice(current, after, currentContent);
        TextChange derived = TextChange.between(oldContent, currentContent);
        assertEquals(new TextChange(8, 11, 9), derived);
        assertDescribes(oldContent, currentContent, derived);
    }

    /** Asserts that {@code change} is true of the two texts: equal before its start and after its ends. */
    private static void assertDescribes(String old, String current, TextChange change) {
        assertTrue(change.start() <= change.oldEnd() && change.start() <= change.newEnd(), change.toString());
        assertEquals(old.substring(0, change.start()), current.substring(0, change.start()));
        assertEquals(old.substring(change.oldEnd()), current.substring(change.newEnd()));
    }
}
