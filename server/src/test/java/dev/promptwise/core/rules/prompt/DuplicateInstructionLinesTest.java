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

    private static final PromptwiseAnalysis ANALYSIS = new PromptwiseAnalysis(PriceCatalog.bundled(), message -> { });

    @Test
    void repeatedInstructionMessagesAfterRandomEditsNameTheLinesAFreshIndexGives() {
        Random random = new Random(41);
        String text = LargePromptEdits.prompty(random, 40_000);
        int checked = 0;
        for (int edit = 0; edit < 150; edit++) {
            text = LargePromptEdits.editAndRecord(random, text);
            List<Finding> incremental = duplicates(text);
            DuplicateInstructionRule.forgetLineIndexes();
            List<Finding> fromScratch = duplicates(text);
            assertEquals(fromScratch, incremental, "after edit " + edit);
            checked += incremental.size();
        }
        assertTrue(checked > 150, "the generated prompt repeats instructions: " + checked + " findings checked");
    }

    private static List<Finding> duplicates(String text) {
        AnalyzedPrompt prompt = ANALYSIS.analyze("prompts/large.prompty", PromptFormat.PROMPTY, text,
                Settings.DEFAULTS);
        return ANALYSIS.diagnosticsWithoutFixes(prompt, Cancellation.NONE).stream()
                .filter(finding -> finding.ruleId().equals("duplicate-instruction")).toList();
    }
}
