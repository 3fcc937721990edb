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
 * {@code promptwise import otel} on spans written by the OpenTelemetry JS SDK's serialiser (imports/otel, whose
 * README lists every span's figures: the expectations below are computed from those, not from the importer).
 */
class ImportOtelTest {

    private static final String STRATEGY = """
            version: 1
            workloads:
              triage:
                prompt: prompts/triage.txt
                model: gpt-4o-mini
                # Guessed in the planning meeting.
                traffic:
                  requestsPerDay: 1000
                  avgInputTokens: 50
            """;

    @TempDir
    Path workspace;

    @BeforeEach
    void workspaceWithTheTriagePrompt() throws Exception {
        write("promptwise.yaml", STRATEGY);
        Files.createDirectories(workspace.resolve("prompts"));
        Files.copy(ImportCommandTest.resource("promptfoo/prompts/triage.txt"), workspace.resolve("prompts/triage.txt"));
    }

    @Test
    void spansOfOneServiceAndModelBecomeTrafficLessThePromptsOwnTokens() throws Exception {
        int promptTokens = promptTokens();
        Run run = run("import", "otel", spans().toString(), "--workload", "triage", "--match", "service.name=support-api",
                "--match", "gen_ai.request.model=gpt-4o-mini", "--write");
        assertEquals(0, run.exitCode, run.err);
        String written = Files.readString(workspace.resolve("promptwise.yaml"));
        Workload.Traffic traffic = StrategyParser.parse(written).workload("triage").traffic();
        // support-api's gpt-4o-mini spans: 130, 150, 110 (2026-11-02, current spelling) and 142 (2026-11-04, older).
        double measuredInput = (130 + 150 + 110 + 142) / 4.0;
        assertEquals(4 / 3.0, traffic.requestsPerDay().value(), 0.05, "4 requests over 3 calendar days");
        assertEquals(Math.round(measuredInput - promptTokens), traffic.avgInputTokens().value());
        assertEquals(Math.round((4 + 6 + 5 + 5) / 4.0), traffic.avgOutputTokens().value());
        assertTrue(written.contains("    # Guessed in the planning meeting.\n    # promptwise import otel spans.jsonl "
                + "(2026-11-02 to 2026-11-04, 3 days UTC): 4 requests of gpt-4o-mini; avgInputTokens = measured 133 "
                + "minus the prompt's own " + promptTokens + "; "
                + dev.promptwise.core.cost.Money.percent(64.0 / (130 + 150 + 110 + 142)) + " of input read from cache\n    traffic:\n      requestsPerDay: 1.3\n"), written);

        // check now prices the measured traffic: a month is 30 days of the measured requests.
        JsonNode workload = new ObjectMapper().readTree(run("check", "--format", "json", "--fail-on", "none", ".").out)
                .get("workloads").get(0);
        assertEquals(1.3 * 30, workload.get("monthlyCostUsd").asDouble() / workload.get("costPerRequestUsd").asDouble(),
                1e-9);
    }

    @Test
    void severalModelsNoSpansAndMissingWorkloadsAreRefusedWithoutWriting() throws Exception {
        Run models = run("import", "otel", spans().toString(), "--workload", "triage", "--write");
        assertRefused(models, "spans.jsonl has spans of several models (gpt-4o: 1 span, the first at line 3: "
                + "resourceSpans[0].scopeSpans[0].spans[1]; gpt-4o-mini: 5 spans, the first at line 1: ");
        assertRefused(run("import", "otel", spans().toString(), "--workload", "triage", "--match", "service.name=nope"),
                "spans.jsonl has no GenAI span matching [service.name=nope]");
        assertRefused(run("import", "otel", spans().toString(), "--workload", "nope"),
                "no workload 'nope' in the workspace's strategy files (there are: triage)");
        assertRefused(run("import", "otel", spans().toString()), "give the workload with --workload NAME (triage)");
        write("empty.jsonl", "\n");
        assertRefused(run("import", "otel", "empty.jsonl", "--workload", "triage"), "empty.jsonl is empty");
        Files.copy(ImportCommandTest.resource("promptfoo/results.json"), workspace.resolve("results.json"));
        assertRefused(run("import", "otel", "results.json", "--workload", "triage"),
                "results.json is not an OTLP trace export: it has no resourceSpans array (it looks like promptfoo "
                        + "results: use `import promptfoo`)");
        write("bad.jsonl", Files.readString(spans()).lines().findFirst().orElseThrow() + "\n{\"resourceSpans\": [\n");
        assertRefused(run("import", "otel", "bad.jsonl", "--workload", "triage"), "bad.jsonl line 2 is not JSON");
    }

    @Test
    void numbersWrittenAsStringsAndBadNumbersNamingTheirSpan() throws Exception {
        write("strings.json", """
                {"resourceSpans":[{"resource":{"attributes":[]},"scopeSpans":[{"spans":[
                  {"name":"chat","startTimeUnixNano":"1793610000000000000","attributes":[
                    {"key":"gen_ai.request.model","value":{"stringValue":"gpt-4o-mini"}},
                    {"key":"gen_ai.usage.input_tokens","value":{"intValue":"1020"}},
                    {"key":"gen_ai.usage.output_tokens","value":{"stringValue":"12"}}]},
                  {"name":"chat","startTimeUnixNano":1793620000000000000,"attributes":[
                    {"key":"gen_ai.request.model","value":{"stringValue":"gpt-4o-mini"}},
                    {"key":"gen_ai.usage.input_tokens","value":{"doubleValue":980.0}},
                    {"key":"gen_ai.usage.output_tokens","value":{"intValue":"8"}}]},
                  {"name":"http get","startTimeUnixNano":"1793620000000000000","attributes":[]}
                ]}]}]}
                """);
        int promptTokens = promptTokens();
        Run run = run("import", "otel", "strings.json", "--workload", "triage", "--write");
        assertEquals(0, run.exitCode, run.err);
        Workload.Traffic traffic = StrategyParser.parse(Files.readString(workspace.resolve("promptwise.yaml")))
                .workload("triage").traffic();
        assertEquals(2.0, traffic.requestsPerDay().value(), "two GenAI spans on one day; the HTTP span is no request");
        assertEquals(1000.0 - promptTokens, traffic.avgInputTokens().value());
        assertEquals(10.0, traffic.avgOutputTokens().value());

        write("promptwise.yaml", STRATEGY);
        write("bad.json", Files.readString(workspace.resolve("strings.json")).replace("\"12\"", "\"twelve\""));
        assertRefused(run("import", "otel", "bad.json", "--workload", "triage", "--write"),
                "bad.json resourceSpans[0].scopeSpans[0].spans[0] (span 'chat'): gen_ai.usage.output_tokens is "
                        + "\"twelve\", not a count of tokens");
    }

    @Test
    void aPromptOutsideTheWorkspaceIsNamedAndNothingIsWritten() throws Exception {
        // The path alone decides: the file need not exist for the import to refuse it.
        String outside = STRATEGY.replace("prompts/triage.txt", "../outside.txt");
        write("promptwise.yaml", outside);
        Run run = run("import", "otel", spans().toString(), "--workload", "triage", "--match",
                "gen_ai.request.model=gpt-4o-mini", "--write");
        assertEquals(2, run.exitCode, run.err);
        assertTrue(run.err.contains("promptwise.yaml: workload 'triage': its prompt ../outside.txt is outside the "
                + "workspace"), run.err);
        assertEquals(outside, Files.readString(workspace.resolve("promptwise.yaml")));
    }

    private int promptTokens() throws Exception {
        JsonNode check = new ObjectMapper().readTree(run("check", "--format", "json", "--fail-on", "none", ".").out);
        for (JsonNode file : check.get("files")) {
            if (file.get("path").asText().equals("prompts/triage.txt")) {
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

    private static Path spans() throws Exception {
        return ImportCommandTest.resource("otel/spans.jsonl");
    }

    private void write(String path, String text) throws Exception {
        Files.writeString(workspace.resolve(path), text);
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
