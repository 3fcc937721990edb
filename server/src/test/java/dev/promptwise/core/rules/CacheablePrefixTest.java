package dev.promptwise.core.rules;

import static dev.promptwise.core.rules.RuleFixture.boundTo;
import static dev.promptwise.core.rules.RuleFixture.check;
import static dev.promptwise.core.rules.RuleFixture.usd;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.promptwise.core.catalog.ModelInfo;
import dev.promptwise.testing.TestWorkspace;
import org.junit.jupiter.api.Test;

/**
 * {@code cacheable-prefix}: a variable before a long static block keeps the provider's cache from reusing it. The
 * saving is computed here as docs/cost-model.md's "Prompt caching" says for OpenAI: a prefix of P tokens caches
 * 1,024 + 128 × floor((P − 1,024) / 128) of them, 288 requests a day are cold, the warm ones save the cached tokens at
 * the input price less the cached price. The static text is sized to lie well inside the step from 1,024 to 1,151
 * tokens, so that the chat format's few tokens of overhead cannot move it to another step.
 */
class CacheablePrefixTest {

    private static final String RULE = "cacheable-prefix";
    private static final String FIRST_LINE = "Customer tier: {{tier}}";
    private static final String STATIC = staticText();

    private static String staticText() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; HandCosts.tokens(text.toString()) < 1_080; i += 5) {
            for (int line = i; line < i + 5; line++) {
                text.append("Rule ").append(line).append(": tickets about product P").append(line * 7919 % 10007)
                        .append(" go to queue Q").append(line % 13).append(".\n");
            }
        }
        return text.toString();
    }

    private static String prompt(String annotation) {
        return "---\nname: support\n---\nsystem:\n" + FIRST_LINE + "\n" + annotation + STATIC + "\nuser:\n{{ticket}}\n";
    }

    private static TestWorkspace workspace(String model) {
        return new TestWorkspace().with("promptwise.yaml", """
                workloads:
                  support:
                    prompt: prompts/support.prompty
                    model: %s
                    traffic: { requestsPerDay: 250000, avgInputTokens: 120, avgOutputTokens: 60 }
                """.formatted(model));
    }

    @Test
    void movingTheVariablesAfterTheStaticTextWouldCacheIt() {
        int staticTokens = HandCosts.tokens(STATIC);
        assertTrue(staticTokens >= 1_060 && staticTokens <= 1_120, "the fixture's size: " + staticTokens);
        ModelInfo gpt4o = HandCosts.model("gpt-4o");
        int cached = 1_024;
        double warmPerDay = 250_000 - 288;
        double saving = warmPerDay * cached * (gpt4o.input() - gpt4o.cachedInput()) / 1e6 * 30;
        check(RULE, workspace("gpt-4o"), "prompts/support.prompty", prompt("               ^^^^^^^^ information"
                + " cacheable-prefix: " + boundTo("Moving the template variables after the static text would save "
                + usd(saving) + "/month at 250,000 requests/day: 1,024 more tokens of each request could be read from"
                + " gpt-4o's prompt cache.", "support", "promptwise.yaml") + "\n"));
    }

    @Test
    void withoutTrafficItSaysWhatTheSavingNeeds() {
        check(RULE, new TestWorkspace(), "prompts/support.prompty", prompt("               ^^^^^^^^ information"
                + " cacheable-prefix: Template variables come before the static text, so the provider's prompt cache cannot"
                + " reuse it; give the workload traffic to see the saving of moving them after it.\n"));
    }

    @Test
    void aShortPromptOrVariablesAfterTheStaticTextAreQuiet() {
        check(RULE, workspace("gpt-4o"), "prompts/support.prompty",
                "---\nname: support\n---\nsystem:\n" + FIRST_LINE + "\nRoute the ticket.\n\nuser:\n{{ticket}}\n");
        check(RULE, workspace("gpt-4o"), "prompts/support.prompty",
                "---\nname: support\n---\nsystem:\n" + STATIC + "\nuser:\n" + FIRST_LINE + "\n{{ticket}}\n");
    }
}
