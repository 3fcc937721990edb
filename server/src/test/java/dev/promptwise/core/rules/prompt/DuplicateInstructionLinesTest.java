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

    private static List<Finding> duplicates(PromptwiseAnalysis analysis, String text) {
        AnalyzedPrompt prompt = analysis.analyze("prompts/large.prompty", PromptFormat.PROMPTY, text,
                Settings.DEFAULTS);
        return analysis.diagnosticsWithoutFixes(prompt, Cancellation.NONE).stream()
                .filter(finding -> finding.ruleId().equals("duplicate-instruction")).toList();
    }
}
