package dev.promptwise.core.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.promptwise.core.catalog.ModelInfo;
import dev.promptwise.core.catalog.PriceCatalog;
import dev.promptwise.core.tokens.TokenCounters;
import dev.promptwise.testing.Expect;
import dev.promptwise.testing.TestWorkspace;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The hovers that need a workspace (a model, a prompt priced at its workload, a workload with its recommendation and
 * cost table), rendered whole through the façade and compared with their expected text under
 * {@code src/test/resources/expect/hover/} (rewrite with {@code -Dpromptwise.updateExpect=true}; see {@link Expect}).
 * {@code $0} marks the cursor. A section's and a message's hover are pinned in {@code PromptFeaturesTest}, a strategy
 * key's and a factor's in {@code StrategyHoverTest}, the same hovers through LSP in {@code WorkspaceFeaturesTest}.
 */
class HoverTextsTest {

    static final String STRATEGY = """
            version: 1
            workloads:
              triage:
                prompt: prompts/triage.prompty
                model: gpt-4o
                traffic: { requestsPerDay: 250000, avgInputTokens: 120, avgOutputTokens: 60 }
                budget: { maxMonthlyCost: 100 }
                task: { domain: general, complexity: low, outputFormat: json }
                data: { labeledExamples: 400 }
                requirements: { changeFrequency: quarterly }
            """;
    static final String PROMPT = """
            ---
            name: triage
            ---
            system:
            Route the ticket to billing, outage or account. Answer with the queue name only.

            Input: The dashboard returns 502 for everyone since this morning and nothing loads at all.
            Output: outage

            Input: I was charged twice for the March invoice and would like one charge refunded.
            Output: billing

            Input: I lost the phone with my authenticator app and cannot log in anymore.
            Output: account
            """;
    static final String INSTRUCTIONS = """
            ---
            applyTo: "**/*.ts"
            model: GPT-4o
            ---
            # Review rules
            Check every change for missing tests.

            ## Style
            Prefer small functions.

            ## Security
            Never log secrets.

            # Output
            One bullet per finding.
            """;

    private static TestWorkspace workspace() {
        return new TestWorkspace().with("promptwise.yaml", STRATEGY).with("prompts/triage.prompty", PROMPT)
                .with(".github/instructions/review.instructions.md", INSTRUCTIONS);
    }

    @Test
    void aModelInFrontMatter() {
        Expect.matches("hover/model-front-matter.md",
                workspace().hover(".github/instructions/review.instructions.md", "model: GPT$0-4o"));
    }

    @Test
    void aMessageOfAPromptPricedAtItsWorkload() {
        Expect.matches("hover/message-at-workload.md", workspace().hover("prompts/triage.prompty", "Route the$0 ticket"));
    }

    @Test
    void aWorkloadNameShowsTheRecommendationAndTheCostTable() {
        Expect.matches("hover/workload-name.md", workspace().hover("promptwise.yaml", "tri$0age:"));
    }

    @Test
    void aModelIdInTheStrategyFile() {
        Expect.matches("hover/model-strategy.md", workspace().hover("promptwise.yaml", "model: gpt$0-4o"));
    }

    /**
     * The cost table of the workload hover, recomputed here from the catalog's prices, the traffic of the strategy
     * file and the token count of the prompt's one message (the chat format adds 3 tokens per message and 3 that
     * prime the reply, docs/cost-model.md).
     */
    @Test
    void theWorkloadHoversCostTableAgreesWithAComputationByHand() {
        ModelInfo gpt4o = PriceCatalog.bundled().resolve("gpt-4o").orElseThrow();
        String content = PROMPT.substring(PROMPT.indexOf("system:\n") + "system:\n".length()).strip();
        int staticTokens = new TokenCounters().forEncoding("o200k_base").count(content) + 3 + 3;
        double requestsPerMonth = 250_000 * 30.0;
        double staticMonth = staticTokens * gpt4o.input() / 1e6 * requestsPerMonth;
        double variableMonth = 120 * gpt4o.input() / 1e6 * requestsPerMonth;
        double outputMonth = 60 * gpt4o.output() / 1e6 * requestsPerMonth;
        String hover = workspace().hover("promptwise.yaml", "tri$0age:");
        Map<String, String[]> rows = new LinkedHashMap<>();
        for (String line : hover.split("\n")) {
            String[] cells = line.split("\\s*\\|\\s*");
            if (cells.length == 5) {
                rows.put(cells[1], cells);
            }
        }
        assertEquals(String.valueOf(staticTokens), rows.get("static prompt")[2]);
        assertEquals(dollars(staticMonth), rows.get("static prompt")[4]);
        assertEquals(dollars(variableMonth), rows.get("variable input")[4]);
        assertEquals(dollars(outputMonth), rows.get("output")[4]);
        assertEquals("$0.00", rows.get("prompt cache")[4], "a prefix under 1,024 tokens is not cached by OpenAI");
        assertEquals(String.valueOf(staticTokens + 120 + 60), rows.get("**total**")[2]);
        assertEquals(dollars(staticMonth + variableMonth + outputMonth), rows.get("**total**")[4]);
    }

    private static String dollars(double amount) {
        return String.format(Locale.ROOT, "$%,.2f", amount);
    }
}
