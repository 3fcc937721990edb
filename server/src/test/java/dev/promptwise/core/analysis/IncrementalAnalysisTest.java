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

    @Test
    void aGitHubModelsPromptsFiguresAfterEachRandomEditEqualThoseOfAnAnalysisFromScratch() {
        // A large system message in a YAML block scalar: its content is the scalar's value, not the file's text,
        // and its format-line figures are kept from version to version like a Prompty body's.
        Random random = new Random(23);
        String path = "prompts/large.prompt.yml";
        String[] lines = {"You classify support tickets into billing, bug or other.", "Answer in JSON with the fields"
                + " \"category\" and \"confidence\".", "Be brief and polite.", "Example 1:", "Input: Where is my parcel?",
                "Output: {\"category\": \"other\"}", "", "Return YAML keys only when asked."};
        StringBuilder built = new StringBuilder();
        for (int line = 0; built.length() < 30_000; line++) {
            built.append(lines[random.nextInt(lines.length)]).append(" (").append(line).append(")\n      ");
        }
        String body = built.toString().stripTrailing();
        String text = "name: large\nmodel: openai/gpt-4o\nmessages:\n  - role: system\n    content: |\n      "
                + body + "\n  - role: user\n    content: \"{{question}}\"\n";
        for (int edit = 0; edit < 80; edit++) {
            // Edits inside the block scalar, after its indentation, as an author types in it: the YAML stays whole.
            int line = text.indexOf("\n      ", random.nextInt(text.length() / 2) + 100);
            int at = line + 7 + random.nextInt(3);
            String inserted = random.nextInt(3) == 0 ? " Reply in JSON only." : String.valueOf((char) ('a' + edit % 26));
            String old = text;
            text = text.substring(0, at) + inserted + text.substring(at);
            analysis.host().edited(old, text, new dev.promptwise.core.text.TextChange(at, at, at + inserted.length()));
            AnalyzedPrompt incremental = analysis.analyze(path, PromptFormat.GITHUB_MODELS, text, Settings.DEFAULTS);
            PromptwiseAnalysis fresh = new PromptwiseAnalysis(PriceCatalog.bundled(), message -> { });
            AnalyzedPrompt fromScratch = fresh.analyze(path, PromptFormat.GITHUB_MODELS, text, Settings.DEFAULTS);
            assertEquals(figures(fromScratch), figures(incremental), path + " after edit " + edit);
        }
        assertTrue(analysis.analyze(path, PromptFormat.GITHUB_MODELS, text, Settings.DEFAULTS).costInput()
                .formatInstructionTokens() > 0, "the generated prompt has format lines");
    }

    private static String figures(AnalyzedPrompt prompt) {
        return prompt.textTokens() + " " + prompt.exampleTokens() + " " + prompt.costInput();
    }
}
