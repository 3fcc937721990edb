package dev.promptwise.core.rules.prompt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.promptwise.core.LargePromptEdits;
import dev.promptwise.core.analysis.PromptwiseAnalysis;
import dev.promptwise.core.catalog.PriceCatalog;
import dev.promptwise.core.config.Settings;
import dev.promptwise.core.semantics.AnalyzedPrompt;
import dev.promptwise.core.syntax.PromptFormat;
import dev.promptwise.core.vocabulary.Cancellation;
import dev.promptwise.core.vocabulary.Finding;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The line a repeated instruction's message names comes from a line index derived from the earlier version's after
 * each edit of a large prompt; after every one of a random sequence of edits, the messages equal those of a check
 * that indexes the text from scratch.
 */
class DuplicateInstructionLinesTest {

    private final PromptwiseAnalysis analysis = new PromptwiseAnalysis(PriceCatalog.bundled(), message -> { });

    @Test
    void repeatedInstructionMessagesAfterRandomEditsNameTheLinesAFreshIndexGives() {
        Random random = new Random(41);
        String text = LargePromptEdits.prompty(random, 40_000);
        int checked = 0;
        for (int edit = 0; edit < 150; edit++) {
            text = LargePromptEdits.editAndRecord(random, text, analysis.host()::edited);
            List<Finding> incremental = duplicates(analysis, text);
            // From scratch: a fresh host, which knows no earlier version of anything.
            List<Finding> fromScratch = duplicates(new PromptwiseAnalysis(PriceCatalog.bundled(), message -> { }), text);
            assertEquals(fromScratch, incremental, "after edit " + edit);
            checked += incremental.size();
        }
        assertTrue(checked > 150, "the generated prompt repeats instructions: " + checked + " findings checked");
    }

    @Test
    void aRepeatAcrossMessagesAndManyDifferentSentencesEachFindTheirFirstLine() {
        // A short system message, then a user message of 3,000 different sentences (the table of first occurrences
        // grows many times over) that repeats the system's second instruction and its own seventh sentence.
        StringBuilder text = new StringBuilder("---\nname: repeats\n---\nsystem:\n"
                + "Classify the ticket into one of the queues below.\n"
                + "Always answer in English, even when the customer writes in another language.\nuser:\n");
        int firstUserLine = 8; // lines 1-3 front matter, 4 "system:", 5-6 its sentences, 7 "user:"
        for (int sentence = 0; sentence < 3_000; sentence++) {
            text.append("Sentence number ").append(sentence).append(" is different from all the others.\n");
        }
        text.append("Always answer in English, even when the customer writes in another language.\n");
        text.append("Sentence number 6 is different from all the others.\n");
        List<Finding> findings = duplicates(analysis, text.toString());
        assertEquals(List.of("Repeated instruction, already given on line 6: it is paid for twice on every request",
                "Repeated instruction, already given on line " + (firstUserLine + 6)
                        + ": it is paid for twice on every request"),
                findings.stream().map(Finding::message).toList());
    }

    @Test
    void aLargeMessageWithoutRepeatsIsStillTheFirstOfARepeatInAnotherMessage() {
        // A system message of 1,000 different sentences (over the size whose key counts are remembered), and a user
        // message that repeats its 500th sentence, at line 5 + 500 (front matter 1-3, "system:" 4).
        StringBuilder system = new StringBuilder("---\nname: large\n---\nsystem:\n");
        for (int sentence = 0; sentence < 1_000; sentence++) {
            system.append("Sentence number ").append(sentence).append(" says something of its own.\n");
        }
        String quiet = system + "user:\nA question that nobody asked before, {{question}}\n";
        assertEquals(List.of(), duplicates(analysis, quiet));
        String repeated = system + "user:\nSentence number 500 says something of its own.\n";
        assertEquals(List.of("Repeated instruction, already given on line 505: it is paid for twice on every request"),
                duplicates(analysis, repeated).stream().map(Finding::message).toList());
        // And again after the large message changes by a keystroke, its key counts carried over from the last one.
        int at = repeated.indexOf("Sentence number 7 ");
        String edited = repeated.substring(0, at) + "X" + repeated.substring(at);
        analysis.host().edited(repeated, edited, new dev.promptwise.core.text.TextChange(at, at, at + 1));
        assertEquals(List.of("Repeated instruction, already given on line 505: it is paid for twice on every request"),
                duplicates(analysis, edited).stream().map(Finding::message).toList());
        int copy = edited.indexOf("Sentence number 9 ");
        String line = "Sentence number 900 says something of its own.\n";
        String withCopy = edited.substring(0, copy) + line + edited.substring(copy);
        analysis.host().edited(edited, withCopy,
                new dev.promptwise.core.text.TextChange(copy, copy, copy + line.length()));
        // The copy sits on line 14 (sentence 9's line) and the sentence it repeats moved down to line 906.
        assertEquals(List.of("Repeated instruction, already given on line 14: it is paid for twice on every request",
                "Repeated instruction, already given on line 506: it is paid for twice on every request"),
                duplicates(analysis, withCopy).stream().map(Finding::message).toList());
    }

    private static List<Finding> duplicates(PromptwiseAnalysis analysis, String text) {
        AnalyzedPrompt prompt = analysis.analyze("prompts/large.prompty", PromptFormat.PROMPTY, text,
                Settings.DEFAULTS);
        return analysis.diagnosticsWithoutFixes(prompt, Cancellation.NONE).stream()
                .filter(finding -> finding.ruleId().equals("duplicate-instruction")).toList();
    }
}
