package dev.promptwise.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The steps of docs/ci.md on a real repository: two commits, the base checked out in a worktree, {@code check
 * --format json} there, then {@code check --baseline} on the head with the Markdown table and the cost gate.
 */
class BaselineGitTest {

    private static final String STRATEGY = """
            # Support prompts.
            version: 1
            workloads:
              triage:
                prompt: prompts/triage.txt
                model: gpt-4o-mini
                traffic: { requestsPerDay: %d, avgInputTokens: 50, avgOutputTokens: 10 }
            """;

    private static final String TRIAGE = "Classify the ticket into billing, outage or account. Reply with the queue.\n";

    @TempDir
    Path temp;

    @Test
    void headComparedWithItsBaseCommitGivesTheTableAndGatesTheCostGrowth() throws Exception {
        Path repo = Files.createDirectories(temp.resolve("repo"));
        git(repo, "init", "-q", "-b", "main");
        write(repo, "promptwise.yaml", STRATEGY.formatted(1000));
        write(repo, "prompts/triage.txt", TRIAGE);
        write(repo, "prompts/notes.txt", "Summarise the notes in one line.\n");
        git(repo, "add", "-A");
        git(repo, "commit", "-q", "-m", "base");
        String baseCommit = git(repo, "rev-parse", "HEAD").strip();
        // The pull request: half as much traffic again, and a longer second prompt that repeats itself.
        write(repo, "promptwise.yaml", STRATEGY.formatted(1500));
        write(repo, "prompts/notes.txt", "Summarise the notes in one line.\nKeep names.\n"
                + "Summarise the notes in one line.\n");
        git(repo, "commit", "-q", "-am", "head");

        Path base = temp.resolve("base");
        git(repo, "worktree", "add", "-q", base.toString(), baseCommit);
        Path baseJson = temp.resolve("base.json");
        Run baseRun = run(base, "check", "--format", "json", "--fail-on", "none", ".");
        assertEquals(0, baseRun.exitCode, baseRun.err);
        Files.writeString(baseJson, baseRun.out);

        Run table = run(repo, "check", "--format", "markdown", "--fail-on", "none", "--baseline",
                baseJson.toString(), ".");
        assertEquals(0, table.exitCode, table.err);
        JsonNode before = new ObjectMapper().readTree(baseRun.out);
        JsonNode head = new ObjectMapper().readTree(run(repo, "check", "--format", "json", "--fail-on", "none", ".").out);
        double monthlyBefore = workload(before).get("monthlyCostUsd").asDouble();
        double monthlyAfter = workload(head).get("monthlyCostUsd").asDouble();
        // Only the traffic changed for this workload: its monthly cost grows as requests per day, by half.
        assertEquals(monthlyBefore * 1.5, monthlyAfter, 1e-9 * monthlyAfter);
        assertTrue(table.out.contains("| triage | promptwise.yaml | ") && table.out.contains("| +50.0 % |"), table.out);
        int notesBefore = tokens(before, "prompts/notes.txt");
        int notesAfter = tokens(head, "prompts/notes.txt");
        assertTrue(notesAfter > notesBefore);
        assertTrue(table.out.contains("| prompts/notes.txt | " + notesBefore + " → " + notesAfter + " |"), table.out);
        assertTrue(table.out.contains("| new warning | prompts/notes.txt:3 | duplicate-instruction |"), table.out);
        assertFalse(table.out.contains("prompts/triage.txt |"), "an unchanged prompt is not listed:\n" + table.out);

        Run gated = run(repo, "check", "--format", "markdown", "--fail-on", "none", "--baseline",
                baseJson.toString(), "--fail-on-cost-increase", "49", ".");
        assertEquals(1, gated.exitCode, gated.err);
        assertTrue(gated.err.contains("the monthly cost of workload triage (promptwise.yaml) grew by more than 49.0 %"),
                gated.err);
        Run atLimit = run(repo, "check", "--format", "markdown", "--fail-on", "none", "--baseline",
                baseJson.toString(), "--fail-on-cost-increase", "50", ".");
        assertEquals(0, atLimit.exitCode, "50 % is not more than 50 %: " + atLimit.err);
    }

    @Test
    void aBaselineThatIsNotCheckJsonIsABadInputNamedByItsFile() throws Exception {
        write(temp, "prompts/a.txt", TRIAGE);
        write(temp, "empty.json", "");
        write(temp, "sarif.json", "{\"version\":\"2.1.0\",\"runs\":[]}");
        Run empty = run(temp, "check", "--baseline", "empty.json", "prompts");
        assertEquals(2, empty.exitCode);
        assertTrue(empty.err.contains("baseline empty.json is empty"), empty.err);
        Run sarif = run(temp, "check", "--baseline", "sarif.json", "prompts");
        assertEquals(2, sarif.exitCode);
        assertTrue(sarif.err.contains("baseline sarif.json is not the output of `check --format json`: "
                + "the baseline has no \"files\" array"), sarif.err);
        Run missing = run(temp, "check", "--format", "markdown", "prompts");
        assertEquals(2, missing.exitCode);
        assertTrue(missing.err.contains("give it --baseline FILE"), missing.err);
    }

    private static JsonNode workload(JsonNode root) {
        return root.get("workloads").get(0);
    }

    private static int tokens(JsonNode root, String path) {
        for (JsonNode file : root.get("files")) {
            if (file.get("path").asText().equals(path)) {
                return file.get("tokens").get("total").asInt();
            }
        }
        throw new AssertionError("no " + path + " in " + root);
    }

    private static void write(Path root, String path, String text) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private static String git(Path folder, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("git", "-c", "user.name=Test", "-c", "user.email=t@example.com",
                "-c", "commit.gpgsign=false"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "git " + String.join(" ", args));
        assertEquals(0, process.exitValue(), "git " + String.join(" ", args) + ": " + output);
        return output;
    }

    private static Run run(Path folder, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = PromptwiseCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), folder);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private record Run(int exitCode, String out, String err) {}
}
