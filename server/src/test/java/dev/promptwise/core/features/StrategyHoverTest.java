package dev.promptwise.core.features;

import dev.promptwise.core.strategy.KeyPath;
import dev.promptwise.core.strategy.StrategyParser;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.promptwise.core.vocabulary.HoverInfo;
import dev.promptwise.testing.Expect;
import dev.promptwise.core.vocabulary.Symbol;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Hovers, key paths and the outline of a strategy file; {@code $0} marks the cursor. Hovers are compared whole with
 * {@code src/test/resources/expect/hover/} (see {@link Expect}).
 */
class StrategyHoverTest {

    private static final String STRATEGY = """
            workloads:
              claims:
                approach: prompt-engineering
                traffic:
                  requestsPerDay: 250000
                task: { domain: medical, complexity: high }
                data: { labeledExamples: 5000, proprietary: true }
              chat:
                prompt: prompts/chat.prompty
            """;

    @Test
    void findsTheKeyPathUnderTheCursor() {
        assertEquals(List.of("workloads", "claims", "traffic", "requestsPerDay"), keyPathAt("requests$0PerDay").path());
        assertTrue(keyPathAt("requests$0PerDay").onKey());
        assertEquals(List.of("workloads", "claims", "traffic", "requestsPerDay"), keyPathAt("250$0000").path());
        assertEquals(List.of("workloads", "claims", "task", "domain"), keyPathAt("medi$0cal").path());
        assertEquals(List.of("workloads", "chat"), keyPathAt("$0chat:").path());
    }

    @Test
    void aFactorKeyShowsItsDocumentationAndTheCurrentVote() {
        HoverInfo hover = hoverAt("requests$0PerDay");
        Expect.matches("hover/strategy-factor-key.md", hover.markdown());
        assertEquals("requestsPerDay", hover.range().slice(STRATEGY));
    }

    @Test
    void approachShowsTheRecommendationWithEveryFactor() {
        HoverInfo hover = hoverAt("prompt-engi$0neering");
        // Without the cost model's outlook the cost factor is unknown; HoverTextsTest shows it known.
        Expect.matches("hover/strategy-approach-without-cost.md", hover.markdown());
        assertEquals("prompt-engineering", hover.range().slice(STRATEGY));
    }

    @Test
    void aKeyWithoutAFactorShowsOnlyItsDocumentation() {
        HoverInfo hover = hoverAt("pro$0mpt: prompts");
        Expect.matches("hover/strategy-key.md", hover.markdown());
        assertEquals("prompt", hover.range().slice(STRATEGY));
    }

    @Test
    void anUnknownKeyHasNoHover() {
        String text = "workloads:\n  w:\n    colour: red\n";
        assertEquals(Optional.empty(), StrategyHover.hover(StrategyParser.parse(text), text.indexOf("olour"),
                workload -> null));
    }

    @Test
    void outlinesWorkloadsWithTheirSections() {
        List<Symbol> symbols = StrategySymbols.symbols(StrategyParser.parse(STRATEGY));
        assertEquals(List.of("claims", "chat"), symbols.stream().map(Symbol::name).toList());
        assertEquals("prompt-engineering", symbols.get(0).detail());
        assertEquals(List.of("approach", "traffic", "task", "data"),
                symbols.get(0).children().stream().map(Symbol::name).toList());
        assertEquals("claims", symbols.get(0).selectionRange().slice(STRATEGY));
    }

    private static KeyPath keyPathAt(String marked) {
        return KeyPath.at(StrategyParser.parse(STRATEGY).yaml().root(), offsetOf(marked)).orElseThrow();
    }

    private static HoverInfo hoverAt(String marked) {
        return StrategyHover.hover(StrategyParser.parse(STRATEGY), offsetOf(marked), workload -> null).orElseThrow();
    }

    /** Returns the offset in {@link #STRATEGY} of the {@code $0} in {@code marked}, a snippet of it. */
    private static int offsetOf(String marked) {
        int cursor = marked.indexOf("$0");
        int start = STRATEGY.indexOf(marked.replace("$0", ""));
        assertTrue(start >= 0, marked);
        return start + cursor;
    }
}
