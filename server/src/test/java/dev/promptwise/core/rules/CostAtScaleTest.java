package dev.promptwise.core.rules;

import static dev.promptwise.core.rules.RuleFixture.boundTo;
import static dev.promptwise.core.rules.RuleFixture.check;
import static dev.promptwise.core.rules.RuleFixture.usd;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.promptwise.testing.TestWorkspace;
import org.junit.jupiter.api.Test;

/**
 * {@code cost-at-scale}: the workload's monthly cost exceeds its budget; said on the workload in the strategy file
 * and on the first line of its prompt. The figures are computed by {@link HandCosts} from the catalog's prices.
 */
class CostAtScaleTest {

    private static final String RULE = "cost-at-scale";
    private static final String PROMPT = "Route the ticket to billing, outage or account. Answer with the queue name only.";

    private static TestWorkspace workspace(int budget) {
        return new TestWorkspace().with("prompts/triage.txt", PROMPT).with("promptwise.yaml", strategy(budget));
    }

    private static String strategy(int budget) {
        return """
                workloads:
                  triage:
                    prompt: prompts/triage.txt
                    model: gpt-4o
                    traffic: { requestsPerDay: 250000, avgInputTokens: 120, avgOutputTokens: 60 }
                    budget: { maxMonthlyCost: %d }
                """.formatted(budget);
    }

    /** The message: the month, a request, the budget and the largest part (here the output: 60 tokens at $10/1M). */
    private static String message() {
        double month = HandCosts.perMonth(HandCosts.tokens(PROMPT), "gpt-4o", 250_000, 120, 60);
        double output = 60 * HandCosts.model("gpt-4o").output() / 1e6 * 250_000 * 30;
        return usd(month) + "/month (" + usd(month / (250_000 * 30)) + "/request at 250,000 requests/day) is over the"
                + " budget of $100.00/month; the largest contributor is the output, " + usd(output) + "/month.";
    }

    @Test
    void theWorkloadOverItsBudgetIsFlaggedOnItsName() {
        check(RULE, workspace(100), "promptwise.yaml", strategy(100).replace("  triage:\n",
                "  triage:\n  ^^^^^^ warning cost-at-scale: " + message() + "\n"));
    }

    @Test
    void itsPromptIsFlaggedOnItsFirstLine() {
        check(RULE, workspace(100), "prompts/triage.txt",
                PROMPT + "\n" + "^".repeat(PROMPT.length()) + " warning cost-at-scale: "
                        + boundTo(message(), "triage", "promptwise.yaml"));
    }

    private static String strategyWithoutOutput(int budget) {
        return """
                workloads:
                  triage:
                    prompt: prompts/triage.txt
                    model: gpt-4o
                    traffic: { requestsPerDay: 1000 }
                    budget: { maxMonthlyCost: %d }
                """.formatted(budget);
    }

    /** Only requests per day: the output is priced as 0, so the month is a lower bound and says so. */
    @Test
    void aLowerBoundOverTheBudgetSaysAtLeastAndWhatIsMissing() {
        double month = HandCosts.perMonth(HandCosts.tokens(PROMPT), "gpt-4o", 1000, 0, 0);
        String expected = "At least " + usd(month) + "/month (" + usd(month / 30_000)
                + "/request at 1,000 requests/day; output not declared) is over the budget of $1.00/month; the"
                + " largest contributor is the static prompt, " + usd(month) + "/month.";
        TestWorkspace workspace = new TestWorkspace().with("prompts/triage.txt", PROMPT)
                .with("promptwise.yaml", strategyWithoutOutput(1));
        check(RULE, workspace, "promptwise.yaml", strategyWithoutOutput(1).replace("  triage:\n",
                "  triage:\n  ^^^^^^ warning cost-at-scale: " + expected + "\n"));
    }

    /** A lower bound under the budget is never silently within it: an information says how much is left. */
    @Test
    void aLowerBoundUnderTheBudgetIsNotPassedInSilence() {
        double month = HandCosts.perMonth(HandCosts.tokens(PROMPT), "gpt-4o", 1000, 0, 0);
        String expected = "At least " + usd(month) + "/month (" + usd(month / 30_000)
                + "/request at 1,000 requests/day; output not declared) is a lower bound, so staying within the"
                + " budget of $100.00/month is not known: the undeclared traffic.avgOutputTokens may add at most "
                + usd(100 - month) + "/month before it is over.";
        TestWorkspace workspace = new TestWorkspace().with("prompts/triage.txt", PROMPT)
                .with("promptwise.yaml", strategyWithoutOutput(100));
        check(RULE, workspace, "promptwise.yaml", strategyWithoutOutput(100).replace("  triage:\n",
                "  triage:\n  ^^^^^^ information cost-at-scale: " + expected + "\n"));
        check(RULE, workspace, "prompts/triage.txt",
                PROMPT + "\n" + "^".repeat(PROMPT.length()) + " information cost-at-scale: "
                        + boundTo(expected, "triage", "promptwise.yaml"));
    }

    /**
     * Two teams bind one prompt from two strategy files, each with its own traffic and budget: the prompt is judged
     * for each, and each finding names its workload and file (before issue 16 only the first workload was applied).
     * A third workload within its budget adds nothing.
     */
    @Test
    void aPromptTwoTeamsBindIsJudgedForEachAndEachFindingNamesItsWorkload() {
        String team = """
                workloads:
                  team-triage:
                    prompt: prompts/triage.txt
                    model: gpt-4o-mini
                    traffic: { requestsPerDay: 40000, avgInputTokens: 300, avgOutputTokens: 20 }
                    budget: { maxMonthlyCost: 50 }
                  team-archive:
                    prompt: prompts/triage.txt
                    model: gpt-4o-mini
                    traffic: { requestsPerDay: 10, avgInputTokens: 300, avgOutputTokens: 20 }
                    budget: { maxMonthlyCost: 50 }
                """;
        // gpt-4o-mini: input $0.15, output $0.60 per 1M tokens; its cache needs 1,024 tokens, which this prompt
        // never has. The 300 variable tokens are the largest part: 300 × 0.15 / 1M × 1.2M requests = $54.00.
        double month = HandCosts.perMonth(HandCosts.tokens(PROMPT), "gpt-4o-mini", 40_000, 300, 20);
        double variable = 300 * HandCosts.model("gpt-4o-mini").input() / 1e6 * 40_000 * 30;
        double output = 20 * HandCosts.model("gpt-4o-mini").output() / 1e6 * 40_000 * 30;
        String teamMessage = usd(month) + "/month (" + usd(month / (40_000 * 30)) + "/request at 40,000 requests/day)"
                + " is over the budget of $50.00/month; the largest contributor is the variable input, "
                + usd(variable) + "/month.";
        TestWorkspace workspace = workspace(100).with("team.strategy.yaml", team);
        check(RULE, workspace, "prompts/triage.txt", PROMPT
                + "\n" + "^".repeat(PROMPT.length()) + " warning cost-at-scale: "
                + boundTo(message(), "triage", "promptwise.yaml")
                + "\n" + "^".repeat(PROMPT.length()) + " warning cost-at-scale: "
                + boundTo(teamMessage, "team-triage", "team.strategy.yaml"));
        assertTrue(output < variable && month - variable - output < variable, "the variable input is the largest");
    }

    @Test
    void withinTheBudgetOrWithoutOneItIsQuiet() {
        check(RULE, workspace(1_000_000), "promptwise.yaml", strategy(1_000_000));
        check(RULE, workspace(1_000_000), "prompts/triage.txt", PROMPT);
        check(RULE, new TestWorkspace(), "prompts/triage.txt", PROMPT);
    }
}
