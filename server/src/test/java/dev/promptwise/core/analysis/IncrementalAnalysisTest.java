package dev.promptwise.core.analysis;

import dev.promptwise.core.semantics.AnalyzedPrompt;
import dev.promptwise.core.vocabulary.Cancellation;
import dev.promptwise.core.vocabulary.Finding;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.promptwise.core.LargePromptEdits;
import dev.promptwise.core.catalog.PriceCatalog;
import dev.promptwise.core.config.Settings;
import dev.promptwise.core.syntax.PromptFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** What the keystroke path of the façade gives for large prompts: the same findings, without their fixes. */
class IncrementalAnalysisTest {

    private final PromptwiseAnalysis analysis = new PromptwiseAnalysis(PriceCatalog.bundled(), message -> { });

    @Test
    void findingsToPublishAreTheFindingsWithoutTheirFixes() {
        String text = LargePromptEdits.prompty(new Random(3), 30_000);
        AnalyzedPrompt prompt = analysis.analyze("prompts/large.prompty", PromptFormat.PROMPTY, text,
                Settings.DEFAULTS);
        List<Finding> withFixes = analysis.diagnostics(prompt, Cancellation.NONE);
        List<Finding> withoutFixes = analysis.diagnosticsWithoutFixes(prompt, Cancellation.NONE);
        assertTrue(withFixes.stream().anyMatch(finding -> finding.ruleId().equals("few-shot-heavy")
                && !finding.fixes().isEmpty()), "the generated prompt is heavy with examples: " + withFixes);
        assertTrue(withFixes.stream().anyMatch(finding -> finding.ruleId().equals("duplicate-instruction")));
        assertEquals(withFixes.stream().map(finding -> new Finding(finding.ruleId(), finding.severity(),
                finding.range(), finding.message(), List.of())).toList(), withoutFixes);
    }

    @Test
    void tokenFiguresAfterEachRandomEditEqualThoseOfAnAnalysisFromScratch() {
        Random random = new Random(19);
        for (String path : List.of("prompts/large.txt", "prompts/large.prompty")) {
            PromptFormat format = path.endsWith(".txt") ? PromptFormat.PLAIN_TEXT : PromptFormat.PROMPTY;
            String text = format == PromptFormat.PLAIN_TEXT ? LargePromptEdits.body(random, 30_000)
                    : LargePromptEdits.prompty(random, 30_000);
            for (int edit = 0; edit < 120; edit++) {
                text = LargePromptEdits.editAndRecord(random, text, analysis.host()::edited);
                AnalyzedPrompt incremental = analysis.analyze(path, format, text, Settings.DEFAULTS);
                String figures = figures(incremental);
                // From scratch: a fresh host, which knows no earlier version's scans, counts or figures.
                PromptwiseAnalysis fresh = new PromptwiseAnalysis(PriceCatalog.bundled(), message -> { });
                AnalyzedPrompt fromScratch = fresh.analyze(path, format, text, Settings.DEFAULTS);
                assertEquals(figures(fromScratch), figures, path + " after edit " + edit);
                assertEquals(fromScratch.document(), incremental.document(), path + " after edit " + edit);
                assertEquals(fresh.diagnosticsWithoutFixes(fromScratch, Cancellation.NONE),
                        analysis.diagnosticsWithoutFixes(incremental, Cancellation.NONE), path + " after edit " + edit);
            }
        }
    }

    private static String figures(AnalyzedPrompt prompt) {
        return prompt.textTokens() + " " + prompt.exampleTokens() + " " + prompt.costInput();
    }
}
