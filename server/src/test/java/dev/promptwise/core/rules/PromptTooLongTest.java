package dev.promptwise.core.rules;

import static dev.promptwise.core.rules.RuleFixture.boundTo;
import static dev.promptwise.core.rules.RuleFixture.check;
import static dev.promptwise.core.rules.RuleFixture.count;
import static dev.promptwise.core.rules.RuleFixture.settings;
import static dev.promptwise.core.rules.RuleFixture.usd;

import dev.promptwise.core.catalog.PriceCatalog;
import dev.promptwise.testing.TestWorkspace;
import org.junit.jupiter.api.Test;

/**
 * {@code prompt-too-long}: the prompt's tokens (text plus 3 per message and 3 for the reply) exceed the budget;
 * the message leads with the prompt's input cost at the model's list input price (before any prompt cache), per month
 * when traffic is known.
 */
class PromptTooLongTest {

    private static final String RULE = "prompt-too-long";
    private static final String LINE = "Summarise the ticket in one sentence for the on-call engineer, naming the product.";
    private static final int TOKENS = HandCosts.promptTokens(HandCosts.tokens(LINE));

    @Test
    void overTheSettingsBudgetTheRequestsInputCostLeads() {
        double perRequest = TOKENS * PriceCatalog.bundled().resolve("gpt-4o-mini").orElseThrow().input() / 1e6;
        check(RULE, new TestWorkspace().settings(settings("{\"budget\": {\"maxPromptTokens\": 10}}")),
                "prompts/a.txt", LINE + "\n" + "^".repeat(LINE.length()) + " warning prompt-too-long: "
                        + usd(perRequest) + "/request of prompt input at list price: " + count(TOKENS) + " tokens, "
                        + count(TOKENS - 10) + " over the budget of 10");
    }

    @Test
    void atItsWorkloadTheMonthlyInputCostLeadsAndTheWorkloadsBudgetApplies() {
        double perMonth = TOKENS * PriceCatalog.bundled().resolve("gpt-4o").orElseThrow().input() / 1e6 * 20_000 * 30;
        TestWorkspace workspace = new TestWorkspace().with("promptwise.yaml", """
                workloads:
                  summary:
                    prompt: prompts/a.txt
                    model: gpt-4o
                    traffic: { requestsPerDay: 20000 }
                    budget: { maxPromptTokens: 12 }
                """);
        check(RULE, workspace, "prompts/a.txt", LINE + "\n" + "^".repeat(LINE.length()) + " warning prompt-too-long: "
                + boundTo(usd(perMonth) + "/month of prompt input at list price: " + count(TOKENS) + " tokens, "
                        + count(TOKENS - 12) + " over the budget of 12", "summary", "promptwise.yaml"));
    }

    @Test
    void withinTheBudgetOrTurnedOffItIsQuiet() {
        check(RULE, new TestWorkspace().settings(settings("{\"budget\": {\"maxPromptTokens\": " + TOKENS + "}}")),
                "prompts/a.txt", LINE);
        check(RULE, new TestWorkspace().settings(settings(
                "{\"budget\": {\"maxPromptTokens\": 10}, \"rules\": {\"prompt-too-long\": \"off\"}}")),
                "prompts/a.txt", LINE);
    }
}
