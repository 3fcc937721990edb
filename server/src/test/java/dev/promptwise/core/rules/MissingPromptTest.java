package dev.promptwise.core.rules;

import static dev.promptwise.core.rules.RuleFixture.check;

import dev.promptwise.testing.TestWorkspace;
import org.junit.jupiter.api.Test;

/**
 * {@code missing-prompt}: a workload's prompt or dataset, or a model's tokenizer file, that is absent, a folder, or
 * outside the workspace.
 */
class MissingPromptTest {

    private static final String RULE = "missing-prompt";

    private static TestWorkspace workspace() {
        return new TestWorkspace().with("prompts/", "").with("prompts/triage.txt", "Route the ticket.")
                .with("datasets/triage.jsonl", "{}");
    }

    @Test
    void absentFoldersAndEscapingPathsAreFlagged() {
        check(RULE, workspace(), "promptwise.yaml", """
                workloads:
                  absent:
                    prompt: prompts/missing.txt
                            ^^^^^^^^^^^^^^^^^^^ error missing-prompt: The prompt of 'absent' does not exist: no file at 'prompts/missing.txt' in the workspace.
                  folder:
                    prompt: prompts
                            ^^^^^^^ error missing-prompt: The prompt of 'folder' is a folder, not a file: 'prompts'.
                  escaping:
                    prompt: ../secrets/key.txt
                            ^^^^^^^^^^^^^^^^^^ error missing-prompt: The prompt of 'escaping' is refused: '../secrets/key.txt' leaves the workspace through '..'.
                  absolute:
                    prompt: /etc/passwd
                            ^^^^^^^^^^^ error missing-prompt: The prompt of 'absolute' is refused: '/etc/passwd' is absolute; write it relative to the strategy file.
                  dataset:
                    fineTuning: { dataset: "%2e%2e/x.jsonl" }
                                           ^^^^^^^^^^^^^^^^ error missing-prompt: The dataset of 'dataset' is refused: '%2e%2e/x.jsonl' is URL-encoded; write the path as plain text.
                """);
    }

    @Test
    void aModelsTokenizerFileThatIsAbsentOrOutsideIsFlagged() {
        check(RULE, workspace().with("tokenizers/llama3.model", "a"), "promptwise.yaml", """
                models:
                  groq/llama-3.3-70b-versatile: { tokenizer: tokenizers/llama3.model }
                  mistral/mistral-large-latest: { tokenizer: tokenizers/tekken.json }
                                                             ^^^^^^^^^^^^^^^^^^^^^^ error missing-prompt: The tokenizer of model 'mistral/mistral-large-latest' does not exist: no file at 'tokenizers/tekken.json' in the workspace.
                  groq/llama-3.1-8b-instant: { tokenizer: ../llama3.model }
                                                          ^^^^^^^^^^^^^^^ error missing-prompt: The tokenizer of model 'groq/llama-3.1-8b-instant' is refused: '../llama3.model' leaves the workspace through '..'.
                workloads:
                  present:
                    prompt: prompts/triage.txt
                """);
    }

    @Test
    void filesThatExistAreQuiet() {
        check(RULE, workspace(), "promptwise.yaml", """
                workloads:
                  present:
                    prompt: prompts/triage.txt
                    fineTuning: { dataset: ./datasets/../datasets/triage.jsonl }
                """);
    }
}
