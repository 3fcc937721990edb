package dev.promptwise.core.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.promptwise.core.analysis.PromptwiseAnalysis;
import dev.promptwise.core.catalog.PriceCatalog;
import dev.promptwise.core.config.Settings;
import dev.promptwise.core.strategy.StrategyFile;
import dev.promptwise.core.strategy.StrategyParser;
import dev.promptwise.core.strategy.StrategySchema;
import dev.promptwise.core.syntax.PromptDocument;
import dev.promptwise.core.syntax.PromptFormat;
import dev.promptwise.core.syntax.PromptParsers;
import dev.promptwise.core.vocabulary.Cancellation;
import dev.promptwise.core.vocabulary.Finding;
import java.util.List;

/** Parses, analyses and validates the texts that the fixes under test produce. */
final class ActionFixtures {

    private static final PromptwiseAnalysis ANALYSIS = new PromptwiseAnalysis(PriceCatalog.bundled(), message -> {
        throw new AssertionError("a rule failed: " + message);
    });

    private ActionFixtures() {}

    /** Parses {@code text} as the prompt file {@code path}. */
    static PromptDocument parse(String path, String text) {
        PromptFormat format = PromptParsers.formatOf(path, text).orElseThrow(() -> new AssertionError(
                "not a prompt: " + path));
        return PromptParsers.parse(format, text, path);
    }

    /** Returns the ids of the rules that report on the prompt file {@code path}, in the order reported. */
    static List<String> ruleIds(String path, String text) {
        PromptFormat format = PromptParsers.formatOf(path, text).orElseThrow();
        List<Finding> findings = ANALYSIS.diagnostics(ANALYSIS.analyze(path, format, text, Settings.DEFAULTS),
                Cancellation.NONE);
        return findings.stream().map(Finding::ruleId).toList();
    }

    /** Parses a strategy file and checks that it reads and validates without a single problem. */
    static StrategyFile validStrategy(String text) {
        StrategyFile strategy = StrategyParser.parse(text);
        assertEquals(List.of(), strategy.yaml().problems(), text);
        assertEquals(List.of(), StrategySchema.load().validate(strategy.yaml()), text);
        return strategy;
    }
}
