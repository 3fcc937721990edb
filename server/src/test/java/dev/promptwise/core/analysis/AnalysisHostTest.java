package dev.promptwise.core.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.promptwise.core.LargePromptEdits;
import dev.promptwise.core.catalog.PriceCatalog;
import dev.promptwise.core.config.Settings;
import dev.promptwise.core.semantics.AnalyzedPrompt;
import dev.promptwise.core.strategy.StrategyWorkspace;
import dev.promptwise.core.syntax.Message;
import dev.promptwise.core.syntax.PromptFormat;
import dev.promptwise.core.syntax.PromptParsers;
import dev.promptwise.core.text.TextChange;
import dev.promptwise.core.tokens.TokenCounter;
import dev.promptwise.core.tokens.TokenCounters;
import dev.promptwise.core.vocabulary.Cancellation;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Every memo belongs to one façade's host: two façades over different catalogs, fed the same edits in turn, each
 * give what a fresh façade over their own catalog gives, and one {@code clear()} forgets everything.
 */
class AnalysisHostTest {

    private static final String PATH = "prompts/large.prompty";
    /** The price per million input tokens the second catalog gives gpt-4o, the model of the generated prompt. */
    private static final double OVERRIDDEN_INPUT = 40.0;

    @Test
    void twoFacadesOverDifferentCatalogsShareNoMemoWhileTheirAnalysesInterleave() {
        PriceCatalog bundled = PriceCatalog.bundled();
        PriceCatalog overridden = bundled.withOverrides(
                PriceCatalog.parse("{\"gpt-4o\": {\"input\": " + OVERRIDDEN_INPUT + "}}"));
        double bundledInput = bundled.resolve("gpt-4o").orElseThrow().input();
        assertTrue(bundledInput != OVERRIDDEN_INPUT);
        PromptwiseAnalysis first = new PromptwiseAnalysis(bundled, message -> { });
        PromptwiseAnalysis second = new PromptwiseAnalysis(overridden, message -> { });
        Random random = new Random(23);
        String text = LargePromptEdits.prompty(random, 30_000);
        for (int edit = 0; edit < 60; edit++) {
            // Only the first façade's host hears of the edits, as a document store tells the façade in use; the
            // second finds each change itself. Which one analyses first alternates.
            text = editBody(random, text, first);
            AnalyzedPrompt fromFirst;
            AnalyzedPrompt fromSecond;
            if (edit % 2 == 0) {
                fromFirst = first.analyze(PATH, PromptFormat.PROMPTY, text, Settings.DEFAULTS);
                fromSecond = second.analyze(PATH, PromptFormat.PROMPTY, text, Settings.DEFAULTS);
            } else {
                fromSecond = second.analyze(PATH, PromptFormat.PROMPTY, text, Settings.DEFAULTS);
                fromFirst = first.analyze(PATH, PromptFormat.PROMPTY, text, Settings.DEFAULTS);
            }
            String where = "after edit " + edit;
            int tokens = totalTokensCountedAlone(text);
            assertEquals(tokens, fromFirst.totalTokens(), where);
            assertEquals(tokens, fromSecond.totalTokens(), where);
            assertEquals("gpt-4o", fromFirst.modelId(), where);
            assertEquals(tokens * bundledInput / 1_000_000, fromFirst.inputCostPerRequest(), 1e-12, where);
            assertEquals(tokens * OVERRIDDEN_INPUT / 1_000_000, fromSecond.inputCostPerRequest(), 1e-12, where);
            assertSameAsFresh(first, bundled, fromFirst, text, where);
            assertSameAsFresh(second, overridden, fromSecond, text, where);
        }
    }

    /**
     * Returns {@code text} after a random edit of its body (its front matter, which names the model, stays), handed
     * to {@code analysis}'s host in the offsets of the whole text, as the document store hands an editor's edit.
     */
    private static String editBody(Random random, String text, PromptwiseAnalysis analysis) {
        int bodyStart = text.indexOf("\n---\n") + "\n---\n".length();
        String front = text.substring(0, bodyStart);
        String[] edited = new String[1];
        LargePromptEdits.editAndRecord(random, text.substring(bodyStart), (old, current, change) -> {
            edited[0] = front + current;
            analysis.host().edited(text, edited[0], new TextChange(change.start() + bodyStart,
                    change.oldEnd() + bodyStart, change.newEnd() + bodyStart));
        });
        return edited[0];
    }

    @Test
    void oneClearForgetsEveryMemoAndTheNextAnalysisEqualsOneFromScratch() {
        PromptwiseAnalysis analysis = new PromptwiseAnalysis(PriceCatalog.bundled(), message -> { });
        String strategy = "workloads:\n  a:\n    prompt: prompts/a.txt\n  b:\n    prompt: prompts/b.txt\n";
        analysis.analyzeStrategy(analysis.parseStrategy("promptwise.yaml", strategy), Settings.DEFAULTS,
                StrategyWorkspace.EMPTY, Cancellation.NONE);
        assertEquals(2, analysis.rememberedWorkloads("promptwise.yaml"));
        Random random = new Random(31);
        String text = LargePromptEdits.prompty(random, 30_000);
        analysis.analyze(PATH, PromptFormat.PROMPTY, text, Settings.DEFAULTS);
        text = LargePromptEdits.editAndRecord(random, text, analysis.host()::edited);

        analysis.host().clear();

        assertEquals(0, analysis.rememberedWorkloads("promptwise.yaml"));
        AnalyzedPrompt afterClear = analysis.analyze(PATH, PromptFormat.PROMPTY, text, Settings.DEFAULTS);
        assertSameAsFresh(analysis, PriceCatalog.bundled(), afterClear, text, "after clear");
    }

    /** Asserts that {@code prompt} is what a new façade over {@code catalog} makes of {@code text}. */
    private static void assertSameAsFresh(PromptwiseAnalysis analysis, PriceCatalog catalog, AnalyzedPrompt prompt,
            String text, String where) {
        PromptwiseAnalysis fresh = new PromptwiseAnalysis(catalog, message -> { });
        AnalyzedPrompt expected = fresh.analyze(PATH, PromptFormat.PROMPTY, text, Settings.DEFAULTS);
        assertEquals(expected.document(), prompt.document(), where);
        assertEquals(expected.exampleTokens() + " " + expected.costInput() + " " + expected.cost(),
                prompt.exampleTokens() + " " + prompt.costInput() + " " + prompt.cost(), where);
        assertEquals(fresh.diagnosticsWithoutFixes(expected, Cancellation.NONE),
                analysis.diagnosticsWithoutFixes(prompt, Cancellation.NONE), where);
    }

    /**
     * Returns the prompt's tokens with the chat format's overhead (3 per message, 3 to prime the reply), each
     * message counted by a counter of its own: no memo of either façade takes part.
     */
    private static int totalTokensCountedAlone(String text) {
        TokenCounter counter = new TokenCounters().forEncoding(TokenCounter.O200K_BASE);
        int tokens = 0;
        int messages = 0;
        for (Message message : PromptParsers.parse(PromptFormat.PROMPTY, text).messages()) {
            tokens += counter.countWhole(message.content());
            messages++;
        }
        return tokens + 3 * messages + (messages > 0 ? 3 : 0);
    }
}
