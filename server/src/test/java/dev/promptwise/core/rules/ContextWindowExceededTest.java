package dev.promptwise.core.rules;

import static dev.promptwise.core.rules.RuleFixture.check;
import static dev.promptwise.core.rules.RuleFixture.count;

import dev.promptwise.core.catalog.PriceCatalog;
import dev.promptwise.testing.TestWorkspace;
import org.junit.jupiter.api.Test;

/**
 * {@code context-window-exceeded}: the prompt's tokens plus the output its file reserves exceed the catalog's context
 * window of the model. The window is read from the catalog, the prompt's tokens counted here: the one message's
 * text plus the chat format's 3 tokens per message and 3 that prime the reply.
 */
class ContextWindowExceededTest {

    private static final String RULE = "context-window-exceeded";
    private static final String BODY = "Summarise the ticket below in one sentence for the on-call engineer.";
    private static final int WINDOW = PriceCatalog.bundled().resolve("gpt-4o-mini").orElseThrow().contextWindow();
    private static final int PROMPT_TOKENS = HandCosts.promptTokens(HandCosts.tokens(BODY));

    private static String dotprompt(int maxOutputTokens) {
        return "---\nmodel: gpt-4o-mini\nconfig:\n  maxOutputTokens: " + maxOutputTokens + "\n---\n" + BODY;
    }

    @Test
    void promptTokensPlusTheReservedOutputOverTheWindowAreAnError() {
        int reserved = WINDOW - PROMPT_TOKENS + 25;
        String file = dotprompt(reserved);
        check(RULE, new TestWorkspace(), "prompts/summary.prompt", file.replaceFirst("\n", "\n"
                + "^^^ error context-window-exceeded: " + count(PROMPT_TOKENS) + " prompt tokens plus "
                + count(reserved) + " reserved for output exceed the " + count(WINDOW)
                + "-token context window of gpt-4o-mini by 25: the request would be refused\n"));
    }

    @Test
    void exactlyFillingTheWindowIsAllowed() {
        check(RULE, new TestWorkspace(), "prompts/summary.prompt", dotprompt(WINDOW - PROMPT_TOKENS));
    }

    @Test
    void aFileThatReservesNoOutputReservesNothing() {
        check(RULE, new TestWorkspace(), "prompts/summary.prompt", "---\nmodel: gpt-4o-mini\n---\n" + BODY);
    }

    @Test
    void aModelWithoutAKnownWindowIsNotJudged() {
        // The strategy file adds a model without a context window (0): the rule cannot know the limit, so it says
        // nothing.
        check(RULE, new TestWorkspace().with("promptwise.yaml", "version: 1\nmodels:\n  acme-chat:\n    input: 1\n"
                + "    output: 2\nworkloads:\n  summary:\n    prompt: prompts/summary.prompt\n"),
                "prompts/summary.prompt",
                "---\nmodel: acme-chat\nconfig:\n  maxOutputTokens: 100000000\n---\n" + BODY);
    }
}
