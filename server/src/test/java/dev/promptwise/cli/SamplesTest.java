package dev.promptwise.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.promptwise.core.rules.Rule;
import dev.promptwise.core.rules.Rules;
import dev.promptwise.core.strategy.rules.StrategyRule;
import dev.promptwise.core.strategy.rules.StrategyRules;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The sample workspace, checked as the README's first command checks it: every rule shows at least once. */
class SamplesTest {

    private static JsonNode report;

    @BeforeAll
    static void checkTheSamples() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = PromptwiseCli.run(new String[] {"check", "--format", "json", "samples"},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                Path.of("..").toAbsolutePath().normalize());
        assertEquals(1, code, "the samples hold errors on purpose: " + err);
        assertEquals("", err.toString(StandardCharsets.UTF_8), "nothing but the report");
        report = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void everyRuleFiresAtLeastOnce() {
        Set<String> fired = new TreeSet<>();
        report.get("files").forEach(file -> file.get("diagnostics").forEach(d -> fired.add(d.get("rule").asText())));
        Set<String> all = new TreeSet<>();
        Rules.promptRules().stream().map(Rule::id).filter(id -> !id.equals("file-too-large")).forEach(all::add);
        StrategyRules.ALL.stream().map(StrategyRule::id).forEach(all::add);
        assertEquals(all, fired);
    }

    @Test
    void promptsReferencedByAWorkloadAreJudgedByIt() {
        JsonNode triage = file("samples/prompts/triage.prompty");
        assertEquals("prompty", triage.get("format").asText());
        assertEquals("gpt-4o", triage.get("model").asText(), "the workload's model");
        assertEquals("o200k_base", triage.get("tokens").get("encoding").asText());
        assertEquals(false, triage.get("tokens").get("estimated").asBoolean());
        JsonNode kb = file("samples/prompts/kb-answer.prompty");
        assertEquals("gpt-4o", kb.get("model").asText(), "the file's own model beats the strategy's default");
        JsonNode summary = file("samples/prompts/summarize.prompt");
        assertTrue(summary.get("tokens").get("estimated").asBoolean(), "Gemini counts are estimates");
    }

    @Test
    void workloadsCarryTheirCostAndRecommendation() {
        Map<String, JsonNode> workloads = new HashMap<>();
        report.get("workloads").forEach(w -> workloads.put(w.get("name").asText(), w));
        JsonNode triage = workloads.get("support-triage");
        assertEquals("samples/promptwise.yaml", triage.get("strategyFile").asText());
        assertEquals("prompt-engineering", triage.get("declaredApproach").asText());
        assertEquals("fine-tuning", triage.get("recommendedApproach").asText());
        assertTrue(triage.get("monthlyCostUsd").asDouble() > 8000, triage.toString());
        assertEquals(triage.get("costPerRequestUsd").asDouble() * 250_000 * 30, triage.get("monthlyCostUsd").asDouble(),
                0.01);
        assertTrue(triage.get("fineTuned").get("breakEvenDays").asDouble() < 1);
        assertTrue(workloads.get("churn-outreach").get("monthlyCostUsd").isNull(), "no prompt, no cost");
    }

    @Test
    void theHtmlReportChartsEveryWorkload(@org.junit.jupiter.api.io.TempDir Path folder) throws Exception {
        Path html = folder.resolve("report.html");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = PromptwiseCli.run(new String[] {"report", "--html", html.toString(), "samples"},
                new PrintStream(out, true, StandardCharsets.UTF_8), System.err, Path.of("..").toAbsolutePath().normalize());
        assertEquals(0, code);
        String page = java.nio.file.Files.readString(html);
        for (JsonNode workload : report.get("workloads")) {
            assertTrue(page.contains("<h2>" + workload.get("name").asText() + "</h2>"), workload.get("name").asText());
        }
        assertTrue(page.contains("<polyline class=\"tuned\""), "support-triage has a fine-tuned curve");
        assertTrue(page.contains("break-even 4,"), "the break-even volume is marked");
        assertTrue(!page.contains("<script") && !page.contains("http"), "self-contained, nothing remote");
    }

    private static JsonNode file(String path) {
        for (JsonNode file : report.get("files")) {
            if (file.get("path").asText().equals(path)) {
                return file;
            }
        }
        throw new AssertionError("no report for " + path);
    }
}
