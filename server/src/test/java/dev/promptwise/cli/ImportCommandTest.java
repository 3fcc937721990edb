package dev.promptwise.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.promptwise.core.strategy.StrategyFile;
import dev.promptwise.core.strategy.StrategyParser;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code promptwise import} on files written by the real tools (test resources imports/, see its README): the diff,
 * the written file with its comments kept and its provenance comment, and bad input that writes nothing.
 */
public class ImportCommandTest {

    private static final String STRATEGY = """
            # Support prompts.
            version: 1
            workloads:
              triage:
                prompt: prompts/triage.txt
                model: gpt-4o-mini
                traffic: { requestsPerDay: 1000, avgInputTokens: 50, avgOutputTokens: 5 }
                task: { outputFormat: label, accuracyTarget: 0.95, currentAccuracy: 0.5 }   # guessed

              summary:
                prompt: prompts/summary.txt
                model: gpt-4o-mini
                traffic:
                  requestsPerDay: 200   # from the dashboard
            """;

    @TempDir
    Path workspace;

    @BeforeEach
    void copyTheEvaluatedPrompts() throws Exception {
        write("promptwise.yaml", STRATEGY);
        Files.createDirectories(workspace.resolve("prompts"));
        for (String prompt : new String[] {"triage.txt", "summary.txt"}) {
            Files.copy(resource("promptfoo/prompts/" + prompt), workspace.resolve("prompts/" + prompt));
        }
    }

    @Test
    void promptfooWithoutWritePrintsTheDiffAndChangesNothing() throws Exception {
        Run run = run("import", "promptfoo", resource("promptfoo/results.json").toString());
        assertEquals(0, run.exitCode, run.err);
        assertEquals(STRATEGY, Files.readString(workspace.resolve("promptwise.yaml")));
        assertTrue(run.out.startsWith("--- a/promptwise.yaml\n+++ b/promptwise.yaml\n"), run.out);
        assertTrue(run.out.contains("\n-    task: { outputFormat: label, accuracyTarget: 0.95, currentAccuracy: 0.5 }   # guessed\n"
                + "+    # promptwise import promptfoo results.json (eval "), run.out);
        assertTrue(run.out.contains("\n+    task: { outputFormat: label, accuracyTarget: 0.95, currentAccuracy: 0.75 }   # guessed\n"),
                run.out);
    }

    @Test
    void promptfooWriteSetsEachBoundPromptsPassShareAndSaysWhereItCameFrom() throws Exception {
        Run run = run("import", "promptfoo", resource("promptfoo/results.json").toString(), "--write");
        assertEquals(0, run.exitCode, run.err);
        String written = Files.readString(workspace.resolve("promptwise.yaml"));
        StrategyFile strategy = StrategyParser.parse(written);
        // Counted here from the file's per-test results, not from the per-prompt metrics the importer reads.
        JsonNode results = new ObjectMapper().readTree(Files.readString(resource("promptfoo/results.json")));
        assertEquals(share(results, 0), strategy.workload("triage").task().currentAccuracy().value(), 1e-3);
        assertEquals(share(results, 1), strategy.workload("summary").task().currentAccuracy().value(), 1e-3);
        assertEquals(0.75, share(results, 0));
        assertTrue(written.contains("""
                    # promptwise import promptfoo results.json (eval eval-YVT-2026-12-04T18:47:58 of 2026-12-04, provider echo): currentAccuracy 0.75 = 3 passed of 4 test cases (1 failed, 0 errors)
                    task: { outputFormat: label, accuracyTarget: 0.95, currentAccuracy: 0.75 }   # guessed
                """), written);
        assertTrue(written.contains("""
                      requestsPerDay: 200   # from the dashboard
                    # promptwise import promptfoo results.json (eval eval-YVT-2026-12-04T18:47:58 of 2026-12-04, provider echo): currentAccuracy 0.5 = 2 passed of 4 test cases (2 failed, 0 errors)
                    task: { currentAccuracy: 0.5 }
                """), written);
        assertTrue(written.startsWith("# Support prompts.\nversion: 1\n"), written);

        // A second import replaces its own comment instead of adding another.
        Run again = run("import", "promptfoo", resource("promptfoo/results.json").toString(), "--write");
        assertEquals(0, again.exitCode, again.err);
        assertEquals(written, Files.readString(workspace.resolve("promptwise.yaml")));
    }

    @Test
    void promptfooBadInputNamesTheFileAndWritesNothing() throws Exception {
        write("empty.json", "");
        write("spans.json", Files.readString(resource("otel/spans.jsonl")).lines().findFirst().orElseThrow());
        write("garbage.json", "{\"results\": ");
        assertRefused(run("import", "promptfoo", "empty.json", "--write"), "empty.json is empty");
        assertRefused(run("import", "promptfoo", "spans.json", "--write"),
                "spans.json is not promptfoo eval output: it has no results.prompts array (it looks like "
                        + "OpenTelemetry spans: use `import otel`)");
        assertRefused(run("import", "promptfoo", "garbage.json", "--write"), "garbage.json is not JSON (line 1)");
        assertRefused(run("import", "promptfoo", resource("promptfoo/results.json").toString(), "--workload", "nope",
                "--write"), "no workload 'nope' in the workspace's strategy files (there are: triage, summary)");
        write("promptwise.yaml", STRATEGY.replace("prompts/triage.txt", "prompts/other.txt")
                .replace("prompts/summary.txt", "prompts/other2.txt"));
        Run unbound = run("import", "promptfoo", resource("promptfoo/results.json").toString(), "--workload",
                "triage", "--write");
        assertEquals(2, unbound.exitCode);
        assertTrue(unbound.err.contains("results.json has 2 prompts that no workload references (results.prompts[0] "
                + "prompts/triage.txt: "), unbound.err);
        assertTrue(unbound.err.contains("nothing written"), unbound.err);
    }

    @Test
    void promptfooWorkloadOptionBindsTheOnePromptNoWorkloadReferences() throws Exception {
        JsonNode results = new ObjectMapper().readTree(Files.readString(resource("promptfoo/results.json")));
        // Keep only the summary prompt, as an eval of one prompt file would write.
        ((com.fasterxml.jackson.databind.node.ArrayNode) results.get("results").get("prompts")).remove(0);
        ((com.fasterxml.jackson.databind.node.ObjectNode) results.get("config")).remove("prompts");
        write("one.json", results.toString());
        write("promptwise.yaml", STRATEGY.replace("prompts/summary.txt", "prompts/renamed.txt"));
        Run run = run("import", "promptfoo", "one.json", "--workload", "summary", "--write");
        assertEquals(0, run.exitCode, run.err);
        StrategyFile strategy = StrategyParser.parse(Files.readString(workspace.resolve("promptwise.yaml")));
        assertEquals(share(new ObjectMapper().readTree(Files.readString(resource("promptfoo/results.json"))), 1),
                strategy.workload("summary").task().currentAccuracy().value(), 1e-3);
        assertEquals(0.5, strategy.workload("triage").task().currentAccuracy().value(), "left as it was");
    }

    private void assertRefused(Run run, String message) throws Exception {
        assertEquals(2, run.exitCode, run.err);
        assertTrue(run.err.contains(message), run.err);
        assertTrue(run.err.contains("nothing written"), run.err);
        String now = Files.readString(workspace.resolve("promptwise.yaml"));
        assertTrue(now.equals(STRATEGY), "the strategy file is unchanged:\n" + now);
    }

    /** The share of promptfoo's per-test results of prompt {@code index} that passed. */
    private static double share(JsonNode results, int index) {
        int passed = 0;
        int all = 0;
        for (JsonNode result : results.get("results").get("results")) {
            if (result.get("promptIdx").asInt() == index) {
                all++;
                passed += result.get("success").asBoolean() ? 1 : 0;
            }
        }
        return (double) passed / all;
    }

    public static Path resource(String name) throws URISyntaxException {
        return Path.of(ImportCommandTest.class.getResource("/imports/" + name).toURI());
    }

    private void write(String path, String text) throws Exception {
        Path file = workspace.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
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
