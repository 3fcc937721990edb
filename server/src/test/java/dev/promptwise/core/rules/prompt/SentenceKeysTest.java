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

    @Test
    void aLargeContentKnowsAfterEachEditWhetherAnyKeyRepeats() {
        // Sentences that differ from one another, then edits that copy one of them elsewhere, remove a copy, or type.
        Random random = new Random(13);
        StringBuilder built = new StringBuilder();
        for (int sentence = 0; sentence < 2_000; sentence++) {
            built.append("Sentence number ").append(sentence).append(" says something of its own.\n");
        }
        String text = built.toString();
        int repeatsSeen = 0;
        int quietSeen = 0;
        int copyAt = -1;
        int copyLength = 0;
        for (int edit = 0; edit < 400; edit++) {
            String old = text;
            int at = text.indexOf('\n', random.nextInt(text.length() - 1)) + 1;
            int kind = random.nextInt(3);
            if (kind == 0 && copyAt < 0) {
                // A copy of some sentence, which makes a repeat.
                int from = text.indexOf("Sentence number ", random.nextInt(text.length() / 2));
                String line = text.substring(from, text.indexOf('\n', from) + 1);
                text = text.substring(0, at) + line + text.substring(at);
                copyAt = at;
                copyLength = line.length();
            } else if (kind == 0) {
                // The copy removed again.
                text = text.substring(0, copyAt) + text.substring(copyAt + copyLength);
                copyAt = -1;
            } else {
                String typed = kind == 1 ? String.valueOf((char) ('a' + random.nextInt(26)))
                        : "Also a brand new sentence number " + edit + " here.\n";
                text = text.substring(0, at) + typed + text.substring(at);
                if (copyAt >= 0 && at <= copyAt) {
                    // Typed at the copy's start, the copy is another sentence now; before it, it moved.
                    copyAt = at == copyAt && kind == 1 ? -1 : copyAt + typed.length();
                }
            }
            changes.record(old, text, dev.promptwise.core.text.TextChange.compare(old, text));
            TextRange whole = new TextRange(0, text.length());
            SentenceKeys sentences = SentenceKeys.of(text, whole, memo);
            java.util.Map<String, Integer> naive = new java.util.HashMap<>();
            SentenceKeys fresh = SentenceKeys.fromScratch(text, whole);
            for (int index = 0; index < fresh.count(); index++) {
                if (fresh.key(index) != null) {
                    naive.merge(fresh.key(index), 1, Integer::sum);
                }
            }
            boolean repeats = naive.values().stream().anyMatch(count -> count > 1);
            assertEquals(!repeats, sentences.sharesNoKey(List.of()), "after edit " + edit);
            // A key of another message that the content holds is a repeat too; one it lacks is not.
            String held = fresh.key(random.nextInt(fresh.count()));
            if (held != null && !repeats) {
                assertEquals(false, sentences.sharesNoKey(List.of("no such sentence in this content", held)));
                assertEquals(true, sentences.sharesNoKey(List.of("no such sentence in this content at all")));
            }
            if (repeats) {
                repeatsSeen++;
            } else {
                quietSeen++;
            }
        }
        assertTrue(repeatsSeen > 50 && quietSeen > 50, repeatsSeen + " versions with a repeat, " + quietSeen
                + " without: both kinds must be seen");
    }

    @Test
    void aVersionWhoseCountsMovedOnSaysItDoesNotKnow() {
        StringBuilder built = new StringBuilder();
        for (int sentence = 0; sentence < 1_000; sentence++) {
            built.append("Sentence number ").append(sentence).append(" says something of its own.\n");
        }
        String first = built.toString();
        String second = first + "One more sentence that is not like the others.\n";
        SentenceKeys earlier = SentenceKeys.of(first, new TextRange(0, first.length()), memo);
        assertTrue(earlier.sharesNoKey(List.of()));
        changes.record(first, second, dev.promptwise.core.text.TextChange.compare(first, second));
        SentenceKeys later = SentenceKeys.of(second, new TextRange(0, second.length()), memo);
        assertTrue(later.sharesNoKey(List.of()));
        assertEquals(false, earlier.sharesNoKey(List.of()), "its counts went to the later version");
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
