package dev.promptwise.core.rules;

import static dev.promptwise.core.rules.RuleFixture.check;

import dev.promptwise.testing.TestWorkspace;
import org.junit.jupiter.api.Test;

/**
 * {@code unknown-model}: a model the catalog and the strategy file's {@code models:} do not price, in a prompt's front
 * matter and in a strategy file, with the closest known ids.
 */
class UnknownModelTest {

    private static final String RULE = "unknown-model";

    @Test
    void aPromptsMisspeltModelIsFlaggedWithTheClosestId() {
        check(RULE, new TestWorkspace(), "prompts/summary.prompt", """
                ---
                model: gpt-4o-mni
                       ^^^^^^^^^^ warning unknown-model: No price or tokenizer is known for 'gpt-4o-mni': did you mean 'gpt-4o-mini'? Token counts are estimated with o200k_base; declare the model under models: in promptwise.yaml to price it.
                ---
                Summarise {{ticket}}.
                """);
    }

    @Test
    void aStrategyFilesUnknownModelsAreFlaggedButItsOwnModelsAreKnown() {
        check(RULE, new TestWorkspace(), "promptwise.yaml", """
                models:
                  acme-ft-triage: { input: 0.3, output: 1.2 }
                workloads:
                  known:
                    model: gpt-4o
                  own:
                    model: acme-ft-triage
                  typo-of-own:
                    model: acme-ft-triag
                           ^^^^^^^^^^^^^ warning unknown-model: No price or tokenizer is known for 'acme-ft-triag': did you mean 'acme-ft-triage'? Declare it under models: to price it.
                    fineTuning: { baseModel: llama-9 }
                                             ^^^^^^^ warning unknown-model: No price or tokenizer is known for 'llama-9'. Declare it under models: to price it.
                """);
    }

    @Test
    void knownModelsAreQuiet() {
        check(RULE, new TestWorkspace(), "prompts/summary.prompt", """
                ---
                model: gpt-4o-mini
                ---
                Summarise {{ticket}}.
                """);
        check(RULE, new TestWorkspace(), "promptwise.yaml", """
                workloads:
                  w:
                    model: GPT-4o
                """);
    }
}
