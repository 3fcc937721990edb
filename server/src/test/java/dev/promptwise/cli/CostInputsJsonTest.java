package dev.promptwise.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.promptwise.core.catalog.ModelInfo;
import dev.promptwise.core.catalog.PriceCatalog;
import dev.promptwise.core.tokens.TokenCounters;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The token inputs of a workload, end to end through {@code check --format json}: what was not declared
 * ({@code missingInputs}) and the figures built on what was, each recomputed here from the catalog's prices and
 * docs/cost-model.md's formulas without the cost model's code.
 */
class CostInputsJsonTest {

    @TempDir
    Path workspace;

    private static ModelInfo model(String id) {
        return PriceCatalog.bundled().resolve(id).orElseThrow();
    }

    private static int tokens(String text) {
        return new TokenCounters().forEncoding("o200k_base").count(text);
    }

    @Test
    void onlyRequestsPerDayPricesALowerBoundAndNamesWhatIsMissing() throws Exception {
        String prompt = "Summarise this ticket in one line: {{ticket}}";
        write("prompts/summary.prompt.yml", "messages:\n  - role: user\n    content: \"" + prompt + "\"\n");
        write("promptwise.yaml", """
                workloads:
                  summary:
                    prompt: prompts/summary.prompt.yml
                    model: gpt-4o
                    traffic: { requestsPerDay: 1000 }
                    data: { labeledExamples: 500 }
                """);
        JsonNode workload = json().get("workloads").get(0);
        assertEquals(List.of("traffic.avgInputTokens", "traffic.avgOutputTokens"), strings(workload.get("missingInputs")));
        // The static text without the placeholder, 3 + 3 of overhead, no variable input and no output.
        int staticTokens = tokens(prompt) - tokens("{{ticket}}") + 6;
        double month = staticTokens * model("gpt-4o").input() / 1e6 * 1000 * 30;
        assertEquals(month, workload.get("monthlyCostUsd").asDouble(), month * 1e-9);
    }

    @Test
    void aWorkloadThatDeclaresEverythingMissesNothing() throws Exception {
        write("prompts/summary.prompt.yml",
                "messages:\n  - role: user\n    content: \"Summarise this ticket in one line: {{ticket}}\"\n");
        write("promptwise.yaml", """
                workloads:
                  summary:
                    prompt: prompts/summary.prompt.yml
                    model: gpt-4o
                    traffic: { requestsPerDay: 1000, avgInputTokens: 300, avgOutputTokens: 40 }
                    data: { labeledExamples: 500 }
                  unlabelled:
                    prompt: prompts/summary.prompt.yml
                    model: gpt-4o
                    traffic: { requestsPerDay: 1000, avgInputTokens: 300, avgOutputTokens: 40 }
                """);
        JsonNode workloads = json().get("workloads");
        assertEquals(List.of(), strings(workloads.get(0).get("missingInputs")));
        assertEquals(List.of("data.labeledExamples"), strings(workloads.get(1).get("missingInputs")),
                "the fine-tuned figure depends on the training set's size");
    }

    @Test
    void withoutTrafficTheRequestsAreMissingToo() throws Exception {
        write("prompts/summary.txt", "Summarise the ticket in one line.");
        write("promptwise.yaml", """
                workloads:
                  summary:
                    prompt: prompts/summary.txt
                    model: gpt-4o
                    data: { labeledExamples: 500 }
                """);
        JsonNode workload = json().get("workloads").get(0);
        assertEquals(List.of("traffic.requestsPerDay", "traffic.avgOutputTokens"),
                strings(workload.get("missingInputs")), "a prompt without variables adds no variable input");
        assertEquals(true, workload.get("monthlyCostUsd").isNull());
    }

    private static final String CLASSIFIER = """
            messages:
              - role: system
                content: "Classify the support ticket as billing, outage or account. Answer with the label only."
              - role: user
                content: "{{ticket}}"
            """;

    /**
     * Training = labelled examples × (4 × (messages + 1) + system prompt + one example + 3) × epochs × price, where
     * one example is the traffic's input and output, or data.avgExampleTokens when declared (docs/cost-model.md).
     */
    @Test
    void trainingIsSizedFromTheDeclaredDataAndTrafficNotFromThePrompt() throws Exception {
        write("prompts/classify.prompt.yml", CLASSIFIER);
        write("promptwise.yaml", """
                workloads:
                  from-traffic:
                    prompt: prompts/classify.prompt.yml
                    model: gpt-4o-mini
                    traffic: { requestsPerDay: 5000, avgInputTokens: 100, avgOutputTokens: 20 }
                    data: { labeledExamples: 200 }
                    fineTuning: { baseModel: gpt-4o-mini }
                  from-data:
                    prompt: prompts/classify.prompt.yml
                    model: gpt-4o-mini
                    traffic: { requestsPerDay: 5000, avgInputTokens: 100, avgOutputTokens: 20 }
                    data: { labeledExamples: 200, avgExampleTokens: 450 }
                    fineTuning: { baseModel: gpt-4o-mini }
                """);
        JsonNode workloads = json().get("workloads");
        int system = tokens("Classify the support ticket as billing, outage or account. Answer with the label only.");
        double price = model("gpt-4o-mini").fineTuning().training();
        // 200 examples × 3 epochs = 600, between 100 and 25,000: the default 3 epochs.
        double fromTraffic = 200 * (4 * 3 + system + (100 + 20) + 3) * 3 * price / 1e6;
        double fromData = 200 * (4 * 3 + system + 450 + 3) * 3 * price / 1e6;
        assertEquals(fromTraffic, workloads.get(0).get("fineTuned").get("trainingCostUsd").asDouble(), 1e-12);
        assertEquals(fromData, workloads.get(1).get("fineTuned").get("trainingCostUsd").asDouble(), 1e-12);
    }

    /** Without the output's size only the output is missing: labelled examples are declared. */
    @Test
    void withoutTheOutputsSizeOnlyTheOutputIsMissing() throws Exception {
        String examples = "Example: my card was charged twice -> billing\nExample: the site is down -> outage";
        write("prompts/classify.txt", "Classify the ticket.\n" + examples);
        write("promptwise.yaml", """
                workloads:
                  classify:
                    prompt: prompts/classify.txt
                    model: gpt-4o-mini
                    traffic: { requestsPerDay: 5000 }
                    data: { labeledExamples: 200 }
                    fineTuning: { baseModel: gpt-4o-mini }
                """);
        JsonNode workload = json().get("workloads").get(0);
        assertEquals(List.of("traffic.avgOutputTokens"), strings(workload.get("missingInputs")));
    }

    /**
     * The catalog's cache minimum per model: a prefix of about 3,000 tokens is cached by Sonnet 4.5 (1,024 minimum)
     * but not by Haiku 4.5 (4,096), which bills it in full on every request.
     */
    @Test
    void cacheMinimumsComeFromTheCatalogPerModel() throws Exception {
        StringBuilder policy = new StringBuilder();
        for (int line = 1; line <= 250; line++) {
            policy.append("Policy ").append(line).append(": refunds are processed within five working days.\n");
        }
        write("prompts/policy.txt", policy.toString());
        write("promptwise.yaml", """
                workloads:
                  haiku:
                    prompt: prompts/policy.txt
                    model: claude-haiku-4.5
                    traffic: { requestsPerDay: 100000, avgOutputTokens: 50 }
                  sonnet:
                    prompt: prompts/policy.txt
                    model: claude-sonnet-4.5
                    traffic: { requestsPerDay: 100000, avgOutputTokens: 50 }
                """);
        JsonNode report = json();
        int text = report.get("files").get(0).get("tokens").get("text").asInt();
        assertEquals(true, text > 2_048 && text + 3 < 4_096, "a prefix between the two minimums: " + text);
        int staticTokens = text + 3 + 3;
        int prefix = text + 3; // the one message's text and overhead, before the reply's priming
        double requestsPerMonth = 100_000 * 30;

        ModelInfo haiku = model("claude-haiku-4.5");
        double haikuMonth = (staticTokens * haiku.input() + 50 * haiku.output()) / 1e6 * requestsPerMonth;
        JsonNode workloads = report.get("workloads");
        assertEquals(haikuMonth, workloads.get(0).get("monthlyCostUsd").asDouble(), haikuMonth * 1e-9,
                "below Haiku 4.5's 4,096 tokens nothing is cached");

        ModelInfo sonnet = model("claude-sonnet-4.5");
        double full = (staticTokens * sonnet.input() + 50 * sonnet.output()) / 1e6;
        // 288 cold requests a day write the cache, the rest read it (docs/cost-model.md, "Prompt caching").
        double savingPerDay = ((100_000 - 288) * prefix * (sonnet.input() - sonnet.cachedInput())
                + 288 * prefix * (sonnet.input() - sonnet.cacheWrite())) / 1e6;
        double sonnetMonth = full * requestsPerMonth - savingPerDay * 30;
        assertEquals(sonnetMonth, workloads.get(1).get("monthlyCostUsd").asDouble(), sonnetMonth * 1e-9,
                "Sonnet 4.5 caches from 1,024 tokens");
    }

    /**
     * Reasoning tokens are billed as output on a model the catalog marks as reasoning (o3), ignored on another
     * (gpt-4.1), and named in missingInputs when a reasoning model's traffic does not declare them.
     */
    @Test
    void reasoningTokensAreBilledAsOutputOnReasoningModels() throws Exception {
        write("prompts/plan.txt", "Plan the migration of the billing service step by step.");
        write("promptwise.yaml", """
                workloads:
                  reasoning:
                    prompt: prompts/plan.txt
                    model: o3
                    traffic: { requestsPerDay: 2000, avgOutputTokens: 300, avgReasoningTokens: 1200 }
                    data: { labeledExamples: 100 }
                  undeclared:
                    prompt: prompts/plan.txt
                    model: o3
                    traffic: { requestsPerDay: 2000, avgOutputTokens: 300 }
                    data: { labeledExamples: 100 }
                  not-reasoning:
                    prompt: prompts/plan.txt
                    model: gpt-4.1
                    traffic: { requestsPerDay: 2000, avgOutputTokens: 300, avgReasoningTokens: 1200 }
                    data: { labeledExamples: 100 }
                """);
        JsonNode workloads = json().get("workloads");
        int staticTokens = tokens("Plan the migration of the billing service step by step.") + 3 + 3;
        ModelInfo o3 = model("o3");
        ModelInfo gpt41 = model("gpt-4.1");
        double withReasoning = (staticTokens * o3.input() + (300 + 1200) * o3.output()) / 1e6 * 2000 * 30;
        double withoutReasoning = (staticTokens * o3.input() + 300 * o3.output()) / 1e6 * 2000 * 30;
        double plain = (staticTokens * gpt41.input() + 300 * gpt41.output()) / 1e6 * 2000 * 30;
        assertEquals(withReasoning, workloads.get(0).get("monthlyCostUsd").asDouble(), withReasoning * 1e-9);
        assertEquals(List.of(), strings(workloads.get(0).get("missingInputs")));
        assertEquals(withoutReasoning, workloads.get(1).get("monthlyCostUsd").asDouble(), withoutReasoning * 1e-9);
        assertEquals(List.of("traffic.avgReasoningTokens"), strings(workloads.get(1).get("missingInputs")));
        assertEquals(plain, workloads.get(2).get("monthlyCostUsd").asDouble(), plain * 1e-9);
        assertEquals(List.of(), strings(workloads.get(2).get("missingInputs")));
    }

    JsonNode json() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = PromptwiseCli.run(new String[] {"check", "--format", "json", "--fail-on", "none"},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                workspace);
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        return new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
    }

    void write(String path, String text) throws Exception {
        Path file = workspace.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }
}
