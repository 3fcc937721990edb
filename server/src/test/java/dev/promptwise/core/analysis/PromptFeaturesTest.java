package dev.promptwise.core.analysis;

import dev.promptwise.core.semantics.AnalyzedPrompt;
import dev.promptwise.core.vocabulary.Cancellation;
import dev.promptwise.core.vocabulary.HoverInfo;
import dev.promptwise.core.vocabulary.InlayHintInfo;
import dev.promptwise.core.vocabulary.Symbol;
import dev.promptwise.testing.Expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.promptwise.core.catalog.PriceCatalog;
import dev.promptwise.core.config.Settings;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The prompt's outline, hovers, lenses and inlay hints through the façade. */
class PromptFeaturesTest {

    private static final PromptwiseAnalysis ANALYSIS = new PromptwiseAnalysis(PriceCatalog.bundled());
    private static final String INSTRUCTIONS = """
            ---
            applyTo: "**/*.ts"
            model: GPT-4o
            ---
            # Review rules
            Check every change for missing tests.

            ## Style
            Prefer small functions.

            ## Security
            Never log secrets.

            # Output
            One bullet per finding.
            """;

    private static AnalyzedPrompt analyze(String path, String text) {
        return ANALYSIS.analyze(path, ANALYSIS.formatOf(path, text).orElseThrow(), text, Settings.DEFAULTS);
    }

    @Test
    void sectionsNestUnderTheirMessageByHeadingLevel() {
        AnalyzedPrompt prompt = analyze(".github/instructions/review.instructions.md", INSTRUCTIONS);
        List<Symbol> symbols = ANALYSIS.documentSymbols(prompt, Cancellation.NONE);
        assertEquals(1, symbols.size());
        Symbol message = symbols.get(0);
        assertEquals("system", message.name());
        assertEquals(List.of("Review rules", "Output"), message.children().stream().map(Symbol::name).toList());
        assertEquals(List.of("Style", "Security"),
                message.children().get(0).children().stream().map(Symbol::name).toList());
        assertTrue(message.children().get(0).detail().endsWith(" tokens"));
    }

    @Test
    void hoveringAHeadingPricesItsSectionAndTheBodyItsMessage() {
        AnalyzedPrompt prompt = analyze(".github/instructions/review.instructions.md", INSTRUCTIONS);
        HoverInfo hover = ANALYSIS.hover(prompt, INSTRUCTIONS.indexOf("Security"), Cancellation.NONE).orElseThrow();
        Expect.matches("hover/section.md", hover.markdown());
        assertEquals("Security", hover.range().slice(INSTRUCTIONS));
        HoverInfo body = ANALYSIS.hover(prompt, INSTRUCTIONS.indexOf("Never log"), Cancellation.NONE).orElseThrow();
        Expect.matches("hover/message-unbound.md", body.markdown());
    }

    @Test
    void anIdenticalSmallTextIsParsedOnceButThePathStillCounts() {
        AnalyzedPrompt first = analyze(".github/instructions/review.instructions.md", INSTRUCTIONS);
        AnalyzedPrompt again = analyze(".github/instructions/review.instructions.md", new String(INSTRUCTIONS));
        org.junit.jupiter.api.Assertions.assertSame(first.document(), again.document());
        AnalyzedPrompt asPrompt = analyze(".github/prompts/review.prompt.md", INSTRUCTIONS);
        assertEquals("user", asPrompt.document().messages().get(0).role(), "a .prompt.md is a user message");
        assertEquals("system", first.document().messages().get(0).role());
    }

    @Test
    void theLensAndInlayHintsCountTokensAtTheFilesModel() {
        AnalyzedPrompt prompt = analyze(".github/instructions/review.instructions.md", INSTRUCTIONS);
        assertEquals("gpt-4o", prompt.model().id(), "the display name GPT-4o resolves");
        String lens = ANALYSIS.codeLenses(prompt, Cancellation.NONE).get(0).title();
        assertTrue(lens.startsWith(prompt.totalTokens() + " tokens · $"), lens);
        List<InlayHintInfo> hints = ANALYSIS.inlayHints(prompt, 0, INSTRUCTIONS.length(), Cancellation.NONE);
        assertEquals(1, hints.size());
        assertEquals(" " + prompt.messageTokens(0) + " tokens", hints.get(0).label());
    }
}
