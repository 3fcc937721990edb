package dev.promptwise.core.rules.prompt;

import dev.promptwise.core.text.KnownChanges;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.promptwise.core.LargePromptEdits;
import dev.promptwise.core.syntax.Message;
import dev.promptwise.core.syntax.PromptDocument;
import dev.promptwise.core.syntax.PromptFormat;
import dev.promptwise.core.syntax.PromptParsers;
import dev.promptwise.core.text.TextRange;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The sentences and keys of a large content found after an edit, reusing the earlier version's, equal a split from
 * scratch: random edit sequences on generated plain and Prompty prompts (the Prompty edits recorded as the server
 * records an editor's, so that the change is known without comparing), checked after every edit.
 */
class SentenceKeysTest {

    /** Each test's own memo, as an analysis host owns one: no test starts from another's splits. */
    private final KnownChanges changes = new KnownChanges();
    private final RuleMemo memo = new RuleMemo(changes);

    @Test
    void plainTextAfterEachOfManyRandomEditsEqualsASplitFromScratch() {
        Random random = new Random(5);
        String text = LargePromptEdits.body(random, 40_000);
        int keyed = 0;
        for (int edit = 0; edit < 300; edit++) {
            text = LargePromptEdits.edit(random, text);
            TextRange whole = new TextRange(0, text.length());
            List<String> incremental = describe(text, SentenceKeys.of(text, whole, memo));
            assertEquals(describe(text, SentenceKeys.fromScratch(text, whole)), incremental, "after edit " + edit);
            keyed += incremental.size();
        }
        assertTrue(keyed > 50_000, "the generated prompts hold sentences: " + keyed);
    }

    @Test
    void promptyAfterEachOfManyRandomEditsEqualsASplitFromScratch() {
        Random random = new Random(9);
        String text = LargePromptEdits.prompty(random, 40_000);
        for (int edit = 0; edit < 300; edit++) {
            text = LargePromptEdits.editAndRecord(random, text, changes::record);
            PromptDocument document = PromptParsers.parse(PromptFormat.PROMPTY, text);
            for (Message message : document.messages()) {
                assertEquals(describe(text, SentenceKeys.fromScratch(text, message.contentRange())),
                        describe(text, SentenceKeys.of(text, message.contentRange(), memo)), "after edit " + edit);
            }
        }
    }

    @Test
    void repeatedEditsOfOneLineEqualASplitFromScratch() {
        Random random = new Random(21);
        String text = LargePromptEdits.body(random, 60_000);
        int middle = text.indexOf('\n', text.length() / 2) + 1;
        for (int edit = 0; edit < 100; edit++) {
            text = text.substring(0, middle) + (edit % 3 == 0 ? ". " : String.valueOf((char) (0x4E00 + edit)))
                    + text.substring(middle + (edit % 3 == 1 ? 2 : 1));
            TextRange whole = new TextRange(0, text.length());
            assertEquals(describe(text, SentenceKeys.fromScratch(text, whole)),
                    describe(text, SentenceKeys.of(text, whole, memo)));
        }
    }

    @Test
    void keysIgnoreCaseSpacesListMarkersAndFinalPunctuationAndShortSentencesHaveNone() {
        String text = "- Always answer in English!\nalways   ANSWER in english\nToo short.\n";
        SentenceKeys sentences = SentenceKeys.fromScratch(text, new TextRange(0, text.length()));
        assertEquals(List.of("0-27 always answer in english", "28-54 always answer in english", "55-65 null"),
                describe(text, sentences));
    }

    private static List<String> describe(String text, SentenceKeys sentences) {
        List<String> described = new ArrayList<>();
        for (int index = 0; index < sentences.count(); index++) {
            TextRange range = sentences.range(index);
            described.add(range.start() + "-" + range.end() + " " + sentences.key(index));
        }
        return described;
    }
}
