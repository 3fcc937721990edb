package dev.promptwise.core.rules.prompt;

import dev.promptwise.core.text.KnownChanges;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.promptwise.core.LargePromptEdits;
import dev.promptwise.core.syntax.Message;
import dev.promptwise.core.syntax.PromptDocument;
import dev.promptwise.core.syntax.PromptFormat;
import dev.promptwise.core.syntax.PromptParsers;
import dev.promptwise.core.text.RangeCover;
import dev.promptwise.core.text.TextRange;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
    private static final RangeCover NO_EXAMPLES = RangeCover.of(List.of());

    @Test
    void plainTextAfterEachOfManyRandomEditsEqualsASplitFromScratch() {
        Random random = new Random(5);
        String text = LargePromptEdits.body(random, 40_000);
        int keyed = 0;
        for (int edit = 0; edit < 300; edit++) {
            text = LargePromptEdits.edit(random, text);
            TextRange whole = new TextRange(0, text.length());
            List<String> incremental = describe(text, SentenceKeys.of(text, whole, memo, NO_EXAMPLES));
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
                        describe(text, SentenceKeys.of(text, message.contentRange(), memo, NO_EXAMPLES)),
                        "after edit " + edit);
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
                    describe(text, SentenceKeys.of(text, whole, memo, NO_EXAMPLES)));
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
    void aLargeContentKnowsAfterEachEditWhichKeysRepeatAndWhere() {
        // Sentences that differ from one another, and examples that repeat one sentence among themselves (which does
        // not count); then edits that copy a sentence elsewhere, remove the copy, type, open or close an example.
        Random random = new Random(13);
        StringBuilder built = new StringBuilder();
        for (int sentence = 0; sentence < 2_000; sentence++) {
            built.append("Sentence number ").append(sentence).append(" says something of its own.\n");
            if (sentence % 50 == 0) {
                built.append("<example>\nThe same example sentence is written here again.\n</example>\n");
            }
        }
        String text = built.toString();
        int repeatsSeen = 0;
        int quietSeen = 0;
        int copyAt = -1;
        int copyLength = 0;
        int handedOver = 0;
        SentenceRepeats table = null;
        for (int edit = 0; edit < 500; edit++) {
            String old = text;
            int at = text.indexOf('\n', random.nextInt(text.length() - 1)) + 1;
            int kind = random.nextInt(4);
            if (kind == 0 && copyAt < 0) {
                // A copy of some sentence, or of the examples' sentence, which makes a repeat.
                int from = text.indexOf(random.nextBoolean() ? "Sentence number " : "The same example",
                        random.nextInt(text.length() / 2));
                String line = text.substring(from, text.indexOf('\n', from) + 1);
                text = text.substring(0, at) + line + text.substring(at);
                copyAt = at;
                copyLength = line.length();
            } else if (kind == 0) {
                // The copy removed again.
                text = text.substring(0, copyAt) + text.substring(copyAt + copyLength);
                copyAt = -1;
            } else {
                String typed = switch (kind) {
                    case 1 -> String.valueOf((char) ('a' + random.nextInt(26)));
                    case 2 -> "Also a brand new sentence number " + edit + " here.\n";
                    default -> random.nextBoolean() ? "<example>\n" : "</example>\n";
                };
                text = text.substring(0, at) + typed + text.substring(at);
                if (copyAt >= 0 && at <= copyAt) {
                    // Typed at the copy's start, the copy is another sentence now; before it, it moved.
                    copyAt = at == copyAt && kind == 1 ? -1 : copyAt + typed.length();
                }
            }
            changes.record(old, text, dev.promptwise.core.text.TextChange.compare(old, text));
            TextRange whole = new TextRange(0, text.length());
            RangeCover examples = examples(text);
            SentenceKeys sentences = SentenceKeys.of(text, whole, memo, examples);
            if (sentences.repeatsTable() == table) {
                handedOver++;
            }
            table = sentences.repeatsTable();
            Map<String, List<Integer>> naive = naiveRepeats(text, whole, examples);
            assertEquals(naive.values().stream().toList(), described(sentences.repeats(List.of())),
                    "after edit " + edit);
            // A key of another message that the content holds may make a repeat across messages: not known here.
            SentenceKeys fresh = SentenceKeys.fromScratch(text, whole);
            int pick = random.nextInt(fresh.count());
            String held = fresh.key(pick);
            if (held != null && !examples.contains(fresh.range(pick))) {
                assertEquals(null, sentences.repeats(List.of("no such sentence in this content", held)));
            }
            assertEquals(naive.values().stream().toList(),
                    described(sentences.repeats(List.of("no such sentence in this content at all"))));
            if (naive.isEmpty()) {
                quietSeen++;
            } else {
                repeatsSeen++;
            }
        }
        assertTrue(repeatsSeen > 50 && quietSeen > 50, repeatsSeen + " versions with a repeat, " + quietSeen
                + " without: both kinds must be seen");
        // Most edits leave the examples outside them alone, and the table is handed over rather than counted again.
        assertTrue(handedOver > 300, handedOver + " of 500 versions took the table over");
    }

    @Test
    void aVersionWhoseCountsMovedOnSaysItDoesNotKnow() {
        StringBuilder built = new StringBuilder();
        for (int sentence = 0; sentence < 1_000; sentence++) {
            built.append("Sentence number ").append(sentence).append(" says something of its own.\n");
        }
        String first = built.toString();
        String second = first + "One more sentence that is not like the others.\n";
        SentenceKeys earlier = SentenceKeys.of(first, new TextRange(0, first.length()), memo, NO_EXAMPLES);
        assertEquals(List.of(), earlier.repeats(List.of()));
        changes.record(first, second, dev.promptwise.core.text.TextChange.compare(first, second));
        SentenceKeys later = SentenceKeys.of(second, new TextRange(0, second.length()), memo, NO_EXAMPLES);
        assertEquals(List.of(), later.repeats(List.of()));
        assertEquals(null, earlier.repeats(List.of()), "its counts went to the later version");
    }

    /** Each key that occurs twice or more among the sentences outside examples, with their starts, by a plain count. */
    private static Map<String, List<Integer>> naiveRepeats(String text, TextRange whole, RangeCover examples) {
        SentenceKeys fresh = SentenceKeys.fromScratch(text, whole);
        Map<String, List<Integer>> starts = new java.util.LinkedHashMap<>();
        for (int index = 0; index < fresh.count(); index++) {
            if (fresh.key(index) != null && !examples.contains(fresh.range(index))) {
                starts.computeIfAbsent(fresh.key(index), unused -> new ArrayList<>()).add(fresh.start(index));
            }
        }
        starts.values().removeIf(list -> list.size() < 2);
        return starts;
    }

    /** The places of each repeated key as lists, ordered by their first place (the order {@link #naiveRepeats} has). */
    private static List<List<Integer>> described(List<int[]> repeats) {
        if (repeats == null) {
            return null;
        }
        return repeats.stream().map(places -> java.util.Arrays.stream(places).boxed().toList())
                .sorted(java.util.Comparator.comparing(places -> places.get(0))).toList();
    }

    /** The example blocks: a function of the text, so that an edit can open, close or move them. */
    private static RangeCover examples(String text) {
        List<TextRange> ranges = new ArrayList<>();
        java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("(?s)<example>.*?</example>").matcher(text);
        while (matcher.find()) {
            ranges.add(new TextRange(matcher.start(), matcher.end()));
        }
        return RangeCover.of(ranges);
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
