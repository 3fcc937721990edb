package dev.promptwise.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.promptwise.core.rules.registry.RuleRegistry;
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
        RuleRegistry.byId().keySet().stream().filter(id -> !id.equals("file-too-large")).forEach(all::add);
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
        JsonNode tuned = triage.get("fineTuned");
        double dailySaving = (triage.get("monthlyCostUsd").asDouble() - tuned.get("monthlyCostUsd").asDouble()) / 30;
        assertEquals(tuned.get("trainingCostUsd").asDouble() / dailySaving, tuned.get("breakEvenDays").asDouble(), 1e-9,
                "break-even is the training cost over the daily saving");
        assertTrue(tuned.get("breakEvenDays").asDouble() < 3, tuned.toString());
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
            assertTrue(page.contains("<h3>" + workload.get("name").asText() + "</h3>"), workload.get("name").asText());
        }
        assertTrue(page.contains("<polyline class=\"series-fine-tuned\""), "support-triage has a fine-tuned curve");
        assertTrue(page.contains("<tr><td><code>samples/prompts/triage.prompty</code></td><td>gpt-4o</td>"),
                "the prompts the workloads reference, with their paths as the command line shows them");
        assertTrue(page.matches("(?s).*break-even \\d{1,3}(,\\d{3})*.*"), "the break-even volume is marked");
        assertTrue(!page.contains("<script") && !page.matches("(?s).*https?:.*"), "self-contained, nothing remote");
    }

    @Test
    void extractingTheTriageExamplesGivesAValidDatasetAShorterPromptAndAHybridWorkload() throws Exception {
        Path samples = Path.of("../samples").toAbsolutePath().normalize();
        dev.promptwise.io.DiskWorkspace workspace = new dev.promptwise.io.DiskWorkspace(samples);
        var analysis = new dev.promptwise.core.analysis.PromptwiseAnalysis(dev.promptwise.core.catalog.PriceCatalog.bundled());
        var strategy = analysis.parseStrategy("promptwise.yaml", workspace.read("promptwise.yaml").orElseThrow());
        String text = workspace.read("prompts/triage.prompty").orElseThrow();
        var prompt = analysis.analyze("prompts/triage.prompty", dev.promptwise.core.syntax.PromptFormat.PROMPTY, text,
                dev.promptwise.core.config.Settings.DEFAULTS,
                analysis.bindingFor("prompts/triage.prompty", java.util.List.of(strategy)).orElseThrow());
        var fix = analysis.diagnostics(prompt, new dev.promptwise.core.semantics.FixEnvironment(workspace, strategy),
                        dev.promptwise.core.vocabulary.Cancellation.NONE).stream()
                .flatMap(f -> f.fixes().stream()).filter(f -> f.title().startsWith("Extract 5 examples"))
                .findFirst().orElseThrow();
        assertTrue(fix.title().contains("10"), "fewer than the provider's minimum is said in the title: " + fix.title());

        var dataset = fix.workspaceChange().creations().get(0);
        assertEquals("datasets/support-triage.jsonl", dataset.path());
        ObjectMapper json = new ObjectMapper();
        java.util.List<String> lines = dataset.content().lines().toList();
        assertEquals(5, lines.size());
        for (String line : lines) {
            JsonNode messages = json.readTree(line).get("messages");
            assertEquals(java.util.List.of("system", "user", "assistant"),
                    java.util.stream.StreamSupport.stream(messages.spliterator(), false).map(m -> m.get("role").asText()).toList());
            assertTrue(!messages.get(2).get("content").asText().isBlank(), "an assistant answer in every example");
            assertTrue(!messages.get(0).get("content").asText().contains("Example 1"), "the shortened system prompt");
        }
        String shorter = dev.promptwise.core.actions.TextEdits.apply(text, fix.edits());
        assertTrue(shorter.length() < text.length() - 500, "the examples left the prompt");
        String strategyAfter = dev.promptwise.core.actions.TextEdits.apply(strategy.text(),
                fix.workspaceChange().edits().get("promptwise.yaml"));
        assertTrue(strategyAfter.contains("approach: hybrid"), strategyAfter);
        assertTrue(strategyAfter.contains("dataset: datasets/support-triage.jsonl"), strategyAfter);
        var schema = dev.promptwise.core.strategy.StrategySchema.load();
        var revalidated = schema.validate(dev.promptwise.core.yaml.YamlReader.read(strategyAfter));
        assertEquals(schema.validate(
                dev.promptwise.core.yaml.YamlReader.read(strategy.text())).size(), revalidated.size(),
                "the edit adds no schema problem: " + revalidated);
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
