package dev.promptwise.core.rules;

import static dev.promptwise.core.rules.RuleFixture.check;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.promptwise.core.vocabulary.Finding;
import dev.promptwise.core.vocabulary.Fix;
import dev.promptwise.testing.TestWorkspace;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code base-model-not-fine-tunable}: fine-tuning planned on a model its provider does not fine-tune through its
 * API. The closest fine-tunable models are those of the same provider nearest in list price (input + output per 1M
 * tokens, compared by ratio), worked out here from model-facts.md's prices: gpt-4o 2.50 + 10.00 = 12.50, gpt-4o-mini
 * 0.75, gpt-4.1 10.00, gpt-4.1-mini 2.00, gpt-4.1-nano 0.50, o4-mini 5.50.
 *
 * <ul>
 *   <li>o3, 2.00 + 8.00 = 10.00: gpt-4.1 (ratio 1), gpt-4o (1.25), o4-mini (1.82); then gpt-4.1-mini (5).</li>
 *   <li>gpt-5, 1.25 + 10.00 = 11.25: gpt-4o (12.50 / 11.25 = 1.11), gpt-4.1 (11.25 / 10 = 1.125), o4-mini (2.05).</li>
 * </ul>
 */
class BaseModelNotFineTunableTest {

    private static final String RULE = "base-model-not-fine-tunable";

    @Test
    void aDeclaredBaseModelThatCannotBeFineTunedIsFlaggedWithTheClosestFineTunableModels() {
        check(RULE, new TestWorkspace(), "promptwise.yaml", """
                workloads:
                  reasoning:
                    model: o3
                    fineTuning: { baseModel: o3 }
                                             ^^ warning base-model-not-fine-tunable: o3 cannot be fine-tuned through OpenAI's API: the closest fine-tunable OpenAI models are gpt-4.1, gpt-4o and o4-mini. No fine-tuned or hybrid cost is computed for 'reasoning'.
                  frontier:
                    model: gpt-5
                    fineTuning: { baseModel: gpt-5 }
                                             ^^^^^ warning base-model-not-fine-tunable: gpt-5 cannot be fine-tuned through OpenAI's API: the closest fine-tunable OpenAI models are gpt-4o, gpt-4.1 and o4-mini. No fine-tuned or hybrid cost is computed for 'frontier'.
                  claude:
                    model: claude-sonnet-4-20250514
                    fineTuning:
                      baseModel: claude-sonnet-4-20250514
                                 ^^^^^^^^^^^^^^^^^^^^^^^^ warning base-model-not-fine-tunable: claude-sonnet-4-20250514 cannot be fine-tuned through Anthropic's API: Anthropic's API offers no fine-tuning of Claude models. No fine-tuned or hybrid cost is computed for 'claude'.
                """);
    }

    @Test
    void fineTuningDeclaredOnAModelThatCannotBeFineTunedWithoutABaseModelIsFlaggedOnTheApproach() {
        check(RULE, new TestWorkspace(), "promptwise.yaml", """
                workloads:
                  answers:
                    model: claude-sonnet-4.5
                    approach: fine-tuning
                              ^^^^^^^^^^^ warning base-model-not-fine-tunable: 'answers' declares fine-tuning, but claude-sonnet-4.5 cannot be fine-tuned through Anthropic's API and no fineTuning.baseModel is declared: Anthropic's API offers no fine-tuning of Claude models.
                  drafts:
                    model: gpt-5
                    approach: hybrid
                              ^^^^^^ warning base-model-not-fine-tunable: 'drafts' declares hybrid, but gpt-5 cannot be fine-tuned through OpenAI's API and no fineTuning.baseModel is declared: the closest fine-tunable OpenAI models are gpt-4o, gpt-4.1 and o4-mini.
                """);
    }

    @Test
    void fineTunableModelsPromptEngeneeringAndUnknownModelsAreQuiet() {
        check(RULE, new TestWorkspace(), "promptwise.yaml", """
                workloads:
                  switch:
                    model: claude-sonnet-4.5
                    approach: fine-tuning
                    fineTuning: { baseModel: gpt-4o-mini }
                  own:
                    model: gpt-4.1
                    approach: hybrid
                  prompting:
                    model: claude-sonnet-4.5
                    approach: prompt-engineering
                  undecided:
                    model: o3
                  unknown:
                    fineTuning: { baseModel: llama-9 }
                """);
    }

    @Test
    void eachClosestModelIsAFixThatRewritesTheBaseModelTheFirstPreferred() {
        String text = """
                workloads:
                  reasoning:
                    fineTuning: { baseModel: o3 }
                """;
        List<Finding> findings = new TestWorkspace().with("promptwise.yaml", text).findings("promptwise.yaml")
                .stream().filter(finding -> finding.ruleId().equals(RULE)).toList();
        assertEquals(1, findings.size());
        List<Fix> fixes = findings.get(0).fixes();
        assertEquals(List.of("Fine-tune gpt-4.1 instead", "Fine-tune gpt-4o instead", "Fine-tune o4-mini instead",
                "Disable base-model-not-fine-tunable in this file"), fixes.stream().map(Fix::title).toList());
        assertEquals(List.of(true, false, false, false), fixes.stream().map(Fix::preferred).toList());
        int start = text.indexOf("o3");
        assertEquals(start, fixes.get(0).edits().get(0).range().start());
        assertEquals(start + 2, fixes.get(0).edits().get(0).range().end());
        assertEquals("gpt-4.1", fixes.get(0).edits().get(0).newText());
    }
}
