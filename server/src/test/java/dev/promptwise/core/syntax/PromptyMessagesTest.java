package dev.promptwise.core.syntax;

import dev.promptwise.core.text.KnownChanges;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.promptwise.core.LargePromptEdits;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The messages of a large Prompty body found after an edit, reusing the earlier version's role lines, equal those a
 * reading of every line finds: random edits, some of which add or break role lines, checked after every edit.
 */
class PromptyMessagesTest {

    private static final String[] ROLE_SNIPPETS = {"\nuser:\n", "\nassistant:\n", "\n# System:\n", "user:", ":", "\r\n"};

    private final KnownChanges changes = new KnownChanges();
    private final SyntaxMemo memo = new SyntaxMemo(changes);

    @Test
    void afterEachOfManyRandomEditsTheMessagesEqualAReadingOfEveryLine() {
        Random random = new Random(29);
        String text = LargePromptEdits.prompty(random, 40_000);
        int bodyStart = text.indexOf("system:");
        int messages = 0;
        for (int edit = 0; edit < 400; edit++) {
            if (random.nextInt(3) == 0) {
                int at = bodyStart + random.nextInt(text.length() - bodyStart);
                String inserted = ROLE_SNIPPETS[random.nextInt(ROLE_SNIPPETS.length)];
                text = text.substring(0, at) + inserted + text.substring(at);
            } else {
                String edited = LargePromptEdits.editAndRecord(random, text.substring(bodyStart), changes::record);
                text = text.substring(0, bodyStart) + edited;
            }
            assertEquals(PromptyParser.messagesFromScratch(text, bodyStart), PromptyParser.messagesOf(text, bodyStart, memo),
                    "after edit " + edit);
            messages += PromptyParser.messagesOf(text, bodyStart, memo).size();
        }
        assertTrue(messages > 2_000, "the edits add role lines: " + messages);
    }
}
