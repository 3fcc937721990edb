package dev.promptwise.core.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.promptwise.core.analysis.PromptwiseAnalysis;
import dev.promptwise.core.catalog.PriceCatalog;
import dev.promptwise.core.config.Settings;
import dev.promptwise.core.rules.strategy.StrategyContext;
import dev.promptwise.core.rules.strategy.StrategyUnknownModelRule;
import dev.promptwise.core.semantics.AnalyzedPrompt;
import dev.promptwise.core.semantics.FixEnvironment;
import dev.promptwise.core.strategy.StrategyParser;
import dev.promptwise.core.vocabulary.Cancellation;
import dev.promptwise.core.vocabulary.Finding;
import dev.promptwise.core.vocabulary.Fix;
import dev.promptwise.testing.CuratedCatalog;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The quick fixes of {@code unknown-model}: one click may only swap in a model of the same tokenizer and price
 * class; any other suggestion says what differs, in the message and in the fix's title. The bundled catalog prices
 * gpt-4, o1 and claude-3-opus again (LiteLLM lists them), so their "did you mean" is shown over the models of the
 * hand-kept catalog alone ({@link CuratedCatalog}), as a user's catalog without them would show it.
 */
class DidYouMeanFixTest {

    private static final PriceCatalog CATALOG = CuratedCatalog.of(CuratedCatalog.OVERLAY_MODELS);
    private static final PromptwiseAnalysis ANALYSIS = new PromptwiseAnalysis(CATALOG, message -> {
        throw new AssertionError(message);
    });

    private static Finding promptFinding(String model) {
        String text = "---\nmodel: " + model + "\n---\nSummarise {{ticket}}.\n";
        AnalyzedPrompt prompt = ANALYSIS.analyze("prompts/summary.prompt",
                ANALYSIS.formatOf("prompts/summary.prompt", text).orElseThrow(), text, Settings.DEFAULTS);
        return ANALYSIS.diagnostics(prompt, FixEnvironment.NONE, Cancellation.NONE).stream()
                .filter(f -> f.ruleId().equals("unknown-model")).findFirst().orElseThrow();
    }

    private static Finding strategyFinding(String model) {
        StrategyContext ctx = StrategyContext.of(StrategyParser.parse("workloads:\n  w:\n    model: " + model + "\n"),
                "promptwise.yaml", Settings.DEFAULTS, CATALOG, path -> false);
        RuleRunner runner = new RuleRunner((ruleId, path, failure) -> {
            throw new AssertionError(ruleId + " failed", failure);
        });
        return runner.run(List.of(new StrategyUnknownModelRule()), ctx, Cancellation.NONE).get(0);
    }

    private static List<Fix> preferred(Finding finding) {
        return finding.fixes().stream().filter(Fix::preferred).toList();
    }

    @Test
    void gpt4IsOfferedGpt4oWithItsTokenizerAndPriceButNotAsTheOneClickFix() {
        Finding finding = promptFinding("gpt-4");
        assertTrue(finding.message().contains("did you mean 'gpt-4o' (o200k_base tokenizer, not cl100k_base;"
                + " 1/12 the input price of gpt-4)?"), finding.message());
        assertEquals("Replace with gpt-4o (o200k_base tokenizer, not cl100k_base; 1/12 the input price of gpt-4)",
                finding.fixes().get(0).title());
        assertEquals(List.of(), preferred(finding));
    }

    @Test
    void o1IsOfferedO3AtItsPriceAndNeverInOneClick() {
        Finding finding = promptFinding("o1");
        assertTrue(finding.message().contains("did you mean 'o3' (1/7.5 the input price of o1)?"), finding.message());
        assertEquals(List.of(), preferred(finding));
        Finding inStrategy = strategyFinding("o1");
        assertTrue(inStrategy.message().contains("'o3' (1/7.5 the input price of o1)"), inStrategy.message());
        assertEquals(List.of(), preferred(inStrategy));
    }

    @Test
    void likeForLikeSuggestionsStayTheOneClickFix() {
        Finding typo = promptFinding("gpt4o-mini");
        assertTrue(typo.message().contains("did you mean 'gpt-4o-mini'?"), typo.message());
        assertEquals(List.of("Replace with gpt-4o-mini"), preferred(typo).stream().map(Fix::title).toList());
        Finding opus = strategyFinding("claude-3-opus");
        assertEquals("Replace with claude-opus-4-1-20250805", preferred(opus).get(0).title());
        assertTrue(opus.message().startsWith("No price or tokenizer is known for 'claude-3-opus': did you mean"
                + " 'claude-opus-4-1-20250805', "), opus.message());
    }

    @Test
    void gpt4IsPricedByTheBundledCatalogWithItsOwnTokenizer() {
        var gpt4 = PriceCatalog.bundled().resolve("gpt-4").orElseThrow();
        assertEquals(List.of("cl100k_base", true), List.of(gpt4.encoding(), gpt4.exactTokens()));
        assertTrue(PriceCatalog.bundled().resolve("o1").isPresent());
        assertTrue(PriceCatalog.bundled().resolve("claude-3-opus").isPresent());
    }

    @Test
    void geminiProSaysTheTenfoldPriceInTheStrategyFile() {
        Finding finding = strategyFinding("gemini-pro");
        assertTrue(finding.message().contains("'gemini-2.5-pro' (10× the input price of gemini-pro)"),
                finding.message());
        assertFalse(finding.fixes().get(0).preferred());
        assertEquals("Replace with gemini-2.5-pro (10× the input price of gemini-pro)", finding.fixes().get(0).title());
    }
}
