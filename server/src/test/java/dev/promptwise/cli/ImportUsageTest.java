package dev.promptwise.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.promptwise.core.strategy.StrategyParser;
import dev.promptwise.core.strategy.Workload;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code import openai-usage} and {@code import langfuse} on the documented shapes of their files (imports/README.md
 * lists every record's figures; the expectations are computed from those).
 */
class ImportUsageTest {

    private static final String STRATEGY = """
            version: 1
            workloads:
              triage:
                prompt: prompts/triage.txt
                model: gpt-4o-mini
              summary:
                prompt: prompts/summary.txt
                model: gpt-4o-mini
                traffic: { requestsPerDay: 10 }
            """;

    @TempDir
    Path workspace;

    @BeforeEach
    void workspaceWithTwoPrompts() throws Exception {
        Files.writeString(workspace.resolve("promptwise.yaml"), STRATEGY);
        Files.createDirectories(workspace.resolve("prompts"));
        for (String prompt : new String[] {"triage.txt", "summary.txt"}) {
            Files.copy(ImportCommandTest.resource("promptfoo/prompts/" + prompt), workspace.resolve("prompts/" + prompt));
        }
    }

    @Test
    void openAiUsageBucketsOfOneModelGiveRequestsPerDayOverTheirCalendarDays() throws Exception {
        int prompt = promptTokens("prompts/triage.txt");
        Run run = run("import", "openai-usage", resource("openai-usage/by-model.jsonl"), "--workload", "triage",
                "--match", "model=gpt-4o-mini-2024-07-18", "--write");
        assertEquals(0, run.exitCode, run.err);
        assertTrue(!run.err.contains("the model is left"), "a dated snapshot is the workload's model: " + run.err);
        String written = Files.readString(workspace.resolve("promptwise.yaml"));
        Workload.Traffic traffic = StrategyParser.parse(written).workload("triage").traffic();
        // 400 + 600 requests from 2024-11-01 to 2024-11-03: three days.
        assertEquals(Math.round(1000 / 3.0), traffic.requestsPerDay().value());
        assertEquals(Math.round((60000 + 84000) / 1000.0 - prompt), traffic.avgInputTokens().value());
        assertEquals(Math.round((2000 + 2600) / 1000.0), traffic.avgOutputTokens().value());
        assertTrue(written.contains("# promptwise import openai-usage by-model.jsonl (2024-11-01 to 2024-11-03, 3 days "
                + "UTC): 1,000 requests of gpt-4o-mini-2024-07-18; avgInputTokens = measured 144 minus the prompt's own "
                + prompt + "; " + dev.promptwise.core.cost.Money.percent((double) 42000 / 144000)
                + " of input read from cache\n"), written);
    }

    @Test
    void openAiUsageOfSeveralModelsOrAnotherFormatIsRefused() throws Exception {
        assertRefused(run("import", "openai-usage", resource("openai-usage/by-model.jsonl"), "--workload", "triage"),
                "by-model.jsonl has results of several models (gpt-4o-2024-08-06: 1 result, the first at line 1: "
                        + "data[0].results[1]; gpt-4o-mini-2024-07-18: 2 results, the first at line 1: data[0].results[0])");
        assertRefused(run("import", "openai-usage", resource("otel/spans.jsonl"), "--workload", "triage"),
                "spans.jsonl line 1: is not a page of OpenAI's usage API: it has no data[] of buckets");
        Files.writeString(workspace.resolve("bad.json"), Files.readString(ImportCommandTest.resource(
                "openai-usage/documented-example.json")).replace("\"num_model_requests\": 5", "\"num_model_requests\": \"five\""));
        assertRefused(run("import", "openai-usage", "bad.json", "--workload", "triage"),
                "bad.json data[0].results[0]: num_model_requests is \"five\", not a count");
    }

    @Test
    void openAiUsageDocumentedExampleIsOneDayOfFiveRequests() throws Exception {
        int prompt = promptTokens("prompts/summary.txt");
        Run run = run("import", "openai-usage", resource("openai-usage/documented-example.json"), "--workload",
                "summary");
        assertEquals(0, run.exitCode, run.err);
        assertTrue(run.out.contains("+    traffic: { requestsPerDay: 5, avgInputTokens: " + (200 - prompt)
                + ", avgOutputTokens: 100 }\n"), run.out);
        assertTrue(run.out.contains("5 requests of an unnamed model; avgInputTokens = measured 200 minus the prompt's "
                + "own " + prompt + "; 80% of input read from cache"), run.out);
    }

    @Test
    void langfusePromptNamesBindWorkloadsInJsonAndCsvAlike() throws Exception {
        int triagePrompt = promptTokens("prompts/triage.txt");
        int summaryPrompt = promptTokens("prompts/summary.txt");
        Run json = run("import", "langfuse", resource("langfuse/observations.json"));
        assertEquals(0, json.exitCode, json.err);
        Run csv = run("import", "langfuse", resource("langfuse/observations.csv"), "--write");
        assertEquals(0, csv.exitCode, csv.err);
        assertTrue(csv.err.contains("skipped the observations of promptName unknown-prompt"), csv.err);
        String written = Files.readString(workspace.resolve("promptwise.yaml"));
        Workload triage = StrategyParser.parse(written).workload("triage");
        // Three triage generations on 2026-11-02 and 2026-11-03: 1.5 a day; the span has no usage and is no request.
        assertEquals(1.5, triage.traffic().requestsPerDay().value());
        assertEquals(Math.round((120 + 140 + 130) / 3.0 - triagePrompt), triage.traffic().avgInputTokens().value());
        assertEquals(5.0, triage.traffic().avgOutputTokens().value());
        Workload summary = StrategyParser.parse(written).workload("summary");
        assertEquals(1.0, summary.traffic().requestsPerDay().value());
        assertEquals(400.0 - summaryPrompt, summary.traffic().avgInputTokens().value());
        // The JSON and the CSV hold the same observations: the diff of one is the change the other wrote.
        assertTrue(json.out.replace("observations.json", "observations.csv").contains(
                "+    traffic: { requestsPerDay: 1, avgInputTokens: " + (400 - summaryPrompt) + ", avgOutputTokens: 40 }"),
                json.out);
        assertTrue(written.contains("requests of gpt-4o-mini; avgInputTokens = measured 130 minus the prompt's own "
                + triagePrompt + "; " + dev.promptwise.core.cost.Money.percent((double) 70 / 390)
                + " of input read from cache\n"), written);
    }

    @Test
    void langfuseWorkloadOptionTakesTheOneUnboundPromptName() throws Exception {
        Path only = workspace.resolve("only.json");
        Files.writeString(only, """
                [{"type": "GENERATION", "startTime": "2026-11-03T23:40:00Z", "model": "gpt-4o-mini",
                  "promptName": "classify-v2", "usageDetails": {"input": 500, "output": 2}}]
                """);
        Run run = run("import", "langfuse", "only.json", "--workload", "summary", "--write");
        assertEquals(0, run.exitCode, run.err);
        assertEquals(500.0 - promptTokens("prompts/summary.txt"), StrategyParser.parse(Files.readString(
                workspace.resolve("promptwise.yaml"))).workload("summary").traffic().avgInputTokens().value());
        Files.writeString(workspace.resolve("promptwise.yaml"), STRATEGY);
        assertRefused(run("import", "langfuse", resource("langfuse/observations.json"), "--workload", "nope"),
                "no workload 'nope'");
        Files.writeString(workspace.resolve("bad.csv"), "id,startTime,usageDetails\nobs-1,yesterday,\"{\"\"input\"\": 3}\"\n");
        assertRefused(run("import", "langfuse", "bad.csv", "--workload", "triage"),
                "bad.csv line 2: startTime is \"yesterday\", not an ISO-8601 time");
        Files.writeString(workspace.resolve("other.csv"), "name,value\na,1\n");
        assertRefused(run("import", "langfuse", "other.csv", "--workload", "triage"),
                "other.csv is not a Langfuse observations export: its first line has no startTime and usageDetails "
                        + "columns");
    }

    private int promptTokens(String path) throws Exception {
        JsonNode check = new ObjectMapper().readTree(run("check", "--format", "json", "--fail-on", "none", ".").out);
        for (JsonNode file : check.get("files")) {
            if (file.get("path").asText().equals(path)) {
                return file.get("tokens").get("total").asInt();
            }
        }
        throw new AssertionError(check.toString());
    }

    private void assertRefused(Run run, String message) throws Exception {
        assertEquals(2, run.exitCode, run.err);
        assertTrue(run.err.contains(message), run.err);
        assertTrue(run.err.contains("nothing written"), run.err);
        assertEquals(STRATEGY, Files.readString(workspace.resolve("promptwise.yaml")));
    }

    private static String resource(String name) throws Exception {
        return ImportCommandTest.resource(name).toString();
    }

    private Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = PromptwiseCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), workspace);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private record Run(int exitCode, String out, String err) {}
}
