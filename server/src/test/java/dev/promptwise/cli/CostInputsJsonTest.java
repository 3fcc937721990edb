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
