package dev.promptwise.core.strategy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.promptwise.core.text.TextRange;
import dev.promptwise.core.yaml.YamlProblem;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reads strategy files into the model and checks facts, their ranges, and that bad input yields nulls. */
class StrategyParserTest {

    private static final String FULL = """
            version: 1
            defaults:
              model: gpt-4o-mini
              budget: { maxPromptTokens: 4000, maxMonthlyCost: 2000 }
            models:
              acme-ft-triage: { input: 0.30, cachedInput: 0.15, output: 1.20, contextWindow: 128000, encoding: o200k_base }
            workloads:
              support-triage:
                prompt: prompts/triage.prompty
                model: gpt-4o
                approach: prompt-engineering
                traffic: { requestsPerDay: 250000, avgInputTokens: 120, avgOutputTokens: 180 }
                task: { domain: general, complexity: medium, outputFormat: json, accuracyTarget: 0.97, currentAccuracy: 0.91 }
                requirements: { changeFrequency: monthly, variability: uniform }
                data: { labeledExamples: 3000, proprietary: true }
                team: { mlExpertise: medium, timelineWeeks: 6 }
                fineTuning: { baseModel: gpt-4o-mini, dataset: datasets/support-triage.jsonl, epochs: 3, pattern: foundation-plus-specialization }
                budget: { maxPromptTokens: 2500, maxMonthlyCost: 8000 }
            """;

    @Test
    void readsEveryFactOfTheDesignExample() {
        StrategyFile strategy = StrategyParser.parse(FULL);
        assertEquals(1.0, strategy.version().value());
        assertEquals("gpt-4o-mini", strategy.defaults().model().value());
        assertEquals(2000.0, strategy.defaults().budget().maxMonthlyCost().value());
        ModelEntry model = strategy.models().get("acme-ft-triage");
        assertEquals(0.15, model.cachedInput().value());
        assertEquals(128000.0, model.contextWindow().value());
        assertEquals("o200k_base", model.encoding().value());

        Workload workload = strategy.workload("support-triage");
        assertEquals("prompts/triage.prompty", workload.prompt().value());
        assertEquals(Approach.PROMPT_ENGINEERING, workload.declaredApproach());
        assertEquals(250000.0, workload.traffic().requestsPerDay().value());
        assertEquals(OutputFormat.JSON, workload.task().outputFormat().value());
        assertEquals(0.91, workload.task().currentAccuracy().value());
        assertEquals(ChangeFrequency.MONTHLY, workload.requirements().changeFrequency().value());
        assertEquals(Variability.UNIFORM, workload.requirements().variability().value());
        assertEquals(3000, workload.data().labeledExamples().value());
        assertEquals(true, workload.data().proprietary().value());
        assertEquals(Level.MEDIUM, workload.team().mlExpertise().value());
        assertEquals(6.0, workload.team().timelineWeeks().value());
        assertEquals(3, workload.fineTuning().epochs().value());
        assertEquals(HybridPattern.FOUNDATION_PLUS_SPECIALIZATION, workload.fineTuning().pattern().value());
        assertEquals(2500.0, workload.budget().maxPromptTokens().value());
        assertEquals("gpt-4o", strategy.modelOf(workload));
    }

    @Test
    void keepsKeyAndValueRangesApart() {
        StrategyFile strategy = StrategyParser.parse(FULL);
        Workload workload = strategy.workload("support-triage");
        assertEquals("prompt", slice(workload.prompt().keyRange()));
        assertEquals("prompts/triage.prompty", slice(workload.prompt().valueRange()));
        assertEquals("requestsPerDay", slice(workload.traffic().requestsPerDay().keyRange()));
        assertEquals("250000", slice(workload.traffic().requestsPerDay().valueRange()));
        assertEquals("support-triage", slice(workload.nameRange()));
        assertEquals("traffic", slice(workload.traffic().keyRange()));
    }

    @Test
    void countsPositionsInUtf16UnitsAfterEmojiAndCjk() {
        String text = "# 🚀🚀 策略文件 😀\nworkloads:\n  \"翻訳🌏\":\n    prompt: prompts/翻訳.prompty   # 🌏\n"
                + "    traffic: { requestsPerDay: 1200 }\n";
        StrategyFile strategy = StrategyParser.parse(text);
        Workload workload = strategy.workload("翻訳🌏");
        TextRange key = workload.prompt().keyRange();
        assertEquals(text.indexOf("prompt:"), key.start());
        assertEquals("prompt", key.slice(text));
        assertEquals("prompts/翻訳.prompty", workload.prompt().valueRange().slice(text));
        assertEquals("1200", workload.traffic().requestsPerDay().valueRange().slice(text));
        assertEquals("\"翻訳🌏\"", workload.nameRange().slice(text));
    }

    @Test
    void missingFactsAreNullsAndSectionsAreNeverNull() {
        StrategyFile strategy = StrategyParser.parse("workloads:\n  bare: {}\n");
        Workload workload = strategy.workload("bare");
        assertNull(workload.prompt());
        assertNull(workload.traffic().requestsPerDay());
        assertNull(workload.traffic().keyRange());
        assertNull(workload.task().domain());
        assertNull(workload.declaredApproach());
        assertNull(strategy.modelOf(workload));
    }

    @Test
    void illTypedValuesAreKnownKeysWithNullValues() {
        String text = "workloads:\n  w:\n    approach: fine-tunes\n    traffic: { requestsPerDay: lots }\n"
                + "    data: { labeledExamples: 12.5, proprietary: maybe }\n    task: [1, 2]\n";
        Workload workload = StrategyParser.parse(text).workload("w");
        assertNull(workload.approach().value());
        assertEquals("fine-tunes", workload.approach().valueRange().slice(text));
        assertNull(workload.traffic().requestsPerDay().value());
        assertNull(workload.data().labeledExamples().value());
        assertNull(workload.data().proprietary().value());
        assertNull(workload.task().domain());
    }

    @Test
    void survivesFilesThatAreNotMappings() {
        for (String text : List.of("", "- a\n- b\n", "just text", "workloads: [a, b]\n", "workloads:\n  w: [1]\n",
                "workloads:\n  w: 42\n", ": : :\n", "{{{")) {
            StrategyFile strategy = StrategyParser.parse(text);
            assertTrue(strategy.workloads().values().stream().allMatch(w -> w.prompt() == null), text);
        }
    }

    @Test
    void reportsDuplicateKeysThroughTheYaml() {
        StrategyFile strategy = StrategyParser.parse("workloads:\n  a: {}\n  a: {}\n");
        assertEquals(YamlProblem.Kind.DUPLICATE_KEY, strategy.yaml().problems().get(0).kind());
        assertEquals(1, strategy.workloads().size());
    }

    private static String slice(TextRange range) {
        return range.slice(FULL);
    }
}
