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
