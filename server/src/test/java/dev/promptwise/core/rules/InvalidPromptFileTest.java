package dev.promptwise.core.rules;

import static dev.promptwise.core.rules.RuleFixture.check;

import dev.promptwise.testing.TestWorkspace;
import org.junit.jupiter.api.Test;

/** {@code invalid-prompt-file}: a problem of the front matter or the template, on the text at fault. */
class InvalidPromptFileTest {

    private static final String RULE = "invalid-prompt-file";

    @Test
    void aFrontMatterValueOfTheWrongTypeIsAnError() {
        check(RULE, new TestWorkspace(), "prompts/summary.prompt", """
                ---
                model: gpt-4o-mini
                config:
                  maxOutputTokens: lots
                                   ^^^^ error invalid-prompt-file: maxOutputTokens should be a whole number of tokens, not 'lots'
                ---
                Summarise {{ticket}} in one sentence.
                """);
    }

    @Test
    void aWellFormedFileIsQuiet() {
        check(RULE, new TestWorkspace(), "prompts/summary.prompt", """
                ---
                model: gpt-4o-mini
                config:
                  maxOutputTokens: 200
                ---
                Summarise {{ticket}} in one sentence.
                """);
    }
}
