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

    private static List<Finding> duplicates(PromptwiseAnalysis analysis, String text) {
        AnalyzedPrompt prompt = analysis.analyze("prompts/large.prompty", PromptFormat.PROMPTY, text,
                Settings.DEFAULTS);
        return analysis.diagnosticsWithoutFixes(prompt, Cancellation.NONE).stream()
                .filter(finding -> finding.ruleId().equals("duplicate-instruction")).toList();
    }
}
