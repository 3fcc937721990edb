package dev.promptwise.core.syntax;

import dev.promptwise.core.text.KnownChanges;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.promptwise.core.LargePromptEdits;
import dev.promptwise.core.text.TextRange;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The examples of a large prompt found after an edit, reusing the earlier version's scan, equal the examples a scan
 * from scratch finds: random edit sequences on generated plain and Prompty files (the Prompty edits recorded as the
 * server records an editor's, so that the change is known without comparing), checked after every edit.
 */
class ExampleScansTest {

    /** Each test's own memo, as an analysis host owns one: no test starts from another's scans. */
    private final KnownChanges changes = new KnownChanges();
    private final SyntaxMemo memo = new SyntaxMemo(changes);

    @Test
    void plainTextAfterEachOfManyRandomEditsEqualsAScanFromScratch() {
        Random random = new Random(7);
        String text = LargePromptEdits.body(random, 40_000);
        for (int edit = 0; edit < 300; edit++) {
            text = LargePromptEdits.edit(random, text);
            List<Message> messages = wholeText(text);
            assertEquals(ExampleFinder.findFromScratch(text, messages), ExampleFinder.find(text, messages, memo),
                    "after edit " + edit);
        }
    }

    @Test
    void promptyAfterEachOfManyRandomEditsEqualsAScanFromScratch() {
        Random random = new Random(11);
        String text = LargePromptEdits.prompty(random, 40_000);
        for (int edit = 0; edit < 300; edit++) {
            text = LargePromptEdits.editAndRecord(random, text, changes::record);
            PromptDocument document = PromptParsers.parse(PromptFormat.PROMPTY, text, null, memo);
            assertEquals(ExampleFinder.findFromScratch(text, document.messages()), document.examples(),
                    "after edit " + edit);
        }
    }

    @Test
    void twoDocumentsEditedInTurnEachEqualAScanFromScratch() {
        Random random = new Random(13);
        String first = LargePromptEdits.body(random, 30_000);
        String second = LargePromptEdits.body(random, 30_000);
        int examples = 0;
        for (int edit = 0; edit < 200; edit++) {
            first = LargePromptEdits.edit(random, first);
            second = LargePromptEdits.editAndRecord(random, second, changes::record);
            for (String text : List.of(first, second)) {
                List<FewShotExample> found = ExampleFinder.find(text, wholeText(text), memo);
                assertEquals(ExampleFinder.findFromScratch(text, wholeText(text)), found, "after edit " + edit);
                examples += found.size();
            }
        }
        assertTrue(examples > 1000, "the generated prompts hold examples: " + examples);
    }

    @Test
    void repeatedEditsOfOneLineEqualAScanFromScratch() {
        // The keystroke benchmark's pattern: the same character rewritten again and again in the middle.
        Random random = new Random(17);
        String text = LargePromptEdits.body(random, 60_000);
        int middle = text.indexOf('\n', text.length() / 2) + 1;
        for (int edit = 0; edit < 100; edit++) {
            text = text.substring(0, middle) + (char) (0x4E00 + edit) + text.substring(middle + 1);
            assertEquals(ExampleFinder.findFromScratch(text, wholeText(text)), ExampleFinder.find(text, wholeText(text), memo));
        }
    }

    private static List<Message> wholeText(String text) {
        TextRange whole = new TextRange(0, text.length());
        return List.of(new Message("user", whole, whole, text, true));
    }
}
