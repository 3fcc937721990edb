package dev.promptwise.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.promptwise.cli.PromptwiseCli;
import dev.promptwise.core.analysis.PromptwiseAnalysis;
import dev.promptwise.core.catalog.PriceCatalog;
import dev.promptwise.core.config.Limits;
import dev.promptwise.io.DiskWorkspace;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.TextDocumentItem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The invariant that the editor and {@code check} share one orchestration: for every file of a workspace, the
 * diagnostics the language server publishes when the file is open equal the findings {@code check --format json}
 * reports for it (rule, range, severity, message, in order), and a file {@code check} does not report gets none.
 * The server runs in process over the real workspace on disk, with every file open.
 */
class EditorCheckParityTest {

    /** The day both edges judge deprecations on, as their clocks would give it. */
    private static final java.time.LocalDate DAY = java.time.LocalDate.of(2026, 12, 5);


    @TempDir
    Path workspace;

    @Test
    void theSamplesWorkspaceGetsTheSameFindingsInTheEditorAsFromCheck() throws IOException {
        Path samples = Path.of("..", "samples").toAbsolutePath().normalize();
        assertTrue(Files.isRegularFile(samples.resolve("promptwise.yaml")), samples.toString());
        Map<String, List<String>> fromCheck = assertParity(samples);
        assertTrue(fromCheck.size() >= 10, "the samples' files are all compared: " + fromCheck.keySet());
        assertTrue(fromCheck.values().stream().mapToInt(List::size).sum() >= 20,
                "the samples show every rule, so there is much to compare: " + fromCheck);
    }

    @Test
    void severalStrategyFilesBindAPromptForEachOfTheirWorkloadsAndATooLargeFileIsReportedAlike() throws IOException {
        // Three strategy files reference one prompt, each with its own budget. The prompt is judged for each, in
        // the binding order: the root's promptwise.yaml first, then the other root files, then the deeper ones.
        // Before the session, check took whichever path sorted first (a/x.strategy.yaml) and the editor the
        // root's files; before bindings were a relation, both took the first workload alone.
        write("promptwise.yaml", strategy("root-triage", "prompts/triage.txt", 1));
        write("a.strategy.yaml", strategy("a-triage", "prompts/triage.txt", 2));
        write("a/x.strategy.yaml", strategy("nested-triage", "../prompts/triage.txt", 3));
        write("prompts/triage.txt", """
                Route the ticket to billing, outage or account. Answer with the queue name only.
                Route the ticket to billing, outage or account. Answer with the queue name only.
                """);
        StringBuilder huge = new StringBuilder();
        while (huge.length() <= Limits.MAX_ANALYSED_CHARS) {
            huge.append("Summarise the ticket in one line, then classify it as billing or bug.\n");
        }
        write("prompts/huge.txt", huge.toString());

        Map<String, List<String>> fromCheck = assertParity(workspace);

        List<String> triage = fromCheck.get("prompts/triage.txt");
        assertEquals(List.of("root-triage@promptwise.yaml", "a-triage@a.strategy.yaml", "nested-triage@a/x.strategy.yaml"),
                triage.stream().filter(finding -> finding.startsWith("cost-at-scale|"))
                        .map(finding -> finding.substring(finding.lastIndexOf('|') + 1)).toList(),
                "judged for each workload, in the binding order: " + triage);
        assertTrue(triage.get(0).contains("over the budget of $1.00/month;") && triage.get(0)
                .endsWith("(workload root-triage, promptwise.yaml).|0:0-0:80|root-triage@promptwise.yaml"), triage.get(0));
        assertEquals(List.of("file-too-large|information|File not analysed: 8.0 MB of text, above the 8 MB that"
                + " Promptwise analyses|0:0-0:0"), fromCheck.get("prompts/huge.txt"));
    }

    /**
     * Seeded generated workspaces: several strategy files at several depths bind shared prompts of several formats,
     * each workload with its own model, traffic and budgets, so that one prompt gets findings for two teams or
     * more; every file is open with its disk text. The editor's diagnostics equal {@code check}'s for every file.
     */
    @Test
    void generatedWorkspacesOfSeveralStrategyFilesBindingSharedPromptsGetTheSameFindings() throws IOException {
        int perWorkload = 0;
        java.util.Set<String> rulesPerWorkload = new java.util.TreeSet<>();
        for (long seed = 1; seed <= 6; seed++) {
            Path root = workspace.resolve("seed-" + seed);
            GeneratedWorkspace.write(root, seed);
            Map<String, List<String>> fromCheck = assertParity(root);
            for (List<String> findings : fromCheck.values()) {
                findings.stream().filter(finding -> finding.contains(" (workload "))
                        .forEach(finding -> rulesPerWorkload.add(finding.substring(0, finding.indexOf('|'))));
                long workloads = findings.stream().filter(finding -> finding.contains(" (workload "))
                        .map(finding -> finding.substring(finding.indexOf(" (workload "), finding.lastIndexOf(')')))
                        .distinct().count();
                if (workloads >= 2) {
                    perWorkload++;
                }
            }
        }
        assertTrue(perWorkload >= 6, "prompts with findings of two workloads or more, over the seeds: " + perWorkload);
        assertEquals(java.util.Set.of("cacheable-prefix", "cost-at-scale", "few-shot-heavy", "prompt-too-long"),
                rulesPerWorkload, "the rules that name their workload, all compared");
    }

    private static String strategy(String workload, String prompt, int budget) {
        return "version: 1\nworkloads:\n  " + workload + ":\n    prompt: " + prompt + "\n    model: gpt-4o\n"
                + "    traffic: { requestsPerDay: 250000, avgInputTokens: 120, avgOutputTokens: 60 }\n"
                + "    budget: { maxMonthlyCost: " + budget + " }\n";
    }

    /**
     * Checks {@code root} with {@code check --format json} and opens each of its files in a language server rooted
     * there; asserts that both report the same findings per file, and returns check's, by workspace-relative path.
     */
    private static Map<String, List<String>> assertParity(Path root) throws IOException {
        Map<String, List<String>> fromCheck = check(root);
        Map<String, List<String>> fromEditor = editor(root);
        for (String path : fromCheck.keySet()) {
            assertTrue(fromEditor.containsKey(path), "check reports " + path + ", the editor nothing");
        }
        Map<String, List<String>> checked = new TreeMap<>();
        fromEditor.forEach((path, findings) -> checked.put(path, fromCheck.getOrDefault(path, List.of())));
        assertEquals(checked, new TreeMap<>(fromEditor));
        return fromCheck;
    }

    /**
     * Returns what {@code check --format json} reports per file: one line per finding, in order, with the workload
     * and strategy file a finding names (the editor's diagnostic data) at its end.
     */
    private static Map<String, List<String>> check(Path root) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = PromptwiseCli.run(new String[] {"check", "--format", "json", "--fail-on", "none", "."},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                root, java.time.Clock.fixed(DAY.atStartOfDay(java.time.ZoneOffset.UTC).toInstant(),
                        java.time.ZoneOffset.UTC));
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        JsonNode report = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
        Map<String, List<String>> findings = new LinkedHashMap<>();
        for (JsonNode file : report.get("files")) {
            List<String> lines = new ArrayList<>();
            for (JsonNode diagnostic : file.get("diagnostics")) {
                JsonNode range = diagnostic.get("range");
                lines.add(line(diagnostic.get("rule").asText(), diagnostic.get("severity").asText(),
                        diagnostic.get("message").asText(), range.at("/start/line").asInt(),
                        range.at("/start/character").asInt(), range.at("/end/line").asInt(),
                        range.at("/end/character").asInt())
                        + (diagnostic.has("workload") ? "|" + diagnostic.get("workload").asText() + "@"
                                + diagnostic.get("strategyFile").asText() : ""));
            }
            findings.put(file.get("path").asText(), lines);
        }
        return findings;
    }

    /**
     * Opens every file below {@code root} (the folders the index skips aside) in one language server and returns
     * the diagnostics last published for each file that got any list, by workspace-relative path.
     */
    private static Map<String, List<String>> editor(Path root) throws IOException {
        QueuedExecutor threads = new QueuedExecutor();
        RecordingClient client = new RecordingClient();
        PromptwiseLanguageServer server = new PromptwiseLanguageServer(new PromptwiseAnalysis(PriceCatalog.bundled().on(DAY)),
                new PromptwiseLanguageServer.Environment(threads, new ManualScheduler(), code -> { },
                        new ServerLog(new PrintWriter(new StringWriter()))));
        server.connect(client);
        InitializeParams params = new InitializeParams();
        params.setRootUri(root.toUri().toString());
        params.setInitializationOptions(Map.of("promptwise", Map.of("diagnostics", Map.of("debounceMs", 0))));
        server.initialize(params).join();
        server.initialized(new InitializedParams());
        threads.runAll();
        Map<String, String> pathsByUri = new LinkedHashMap<>();
        for (Path file : files(root)) {
            if (file.getFileName().toString().matches("(?i).*\\.(png|jpe?g|gif|webp)")) {
                // An image a prompt sends is read from disk; the client's document selector never opens one.
                continue;
            }
            String uri = file.toUri().toString();
            pathsByUri.put(uri, root.relativize(file).toString().replace('\\', '/'));
            server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(
                    new TextDocumentItem(uri, "", 1, Files.readString(file))));
            threads.runAll();
        }
        Map<String, List<String>> findings = new LinkedHashMap<>();
        for (PublishDiagnosticsParams published : client.published) {
            String path = pathsByUri.get(published.getUri());
            assertTrue(path != null, "published for a file not opened: " + published.getUri());
            List<String> lines = new ArrayList<>();
            for (Diagnostic diagnostic : published.getDiagnostics()) {
                lines.add(line(diagnostic.getCode().getLeft(),
                        diagnostic.getSeverity().name().toLowerCase(Locale.ROOT), diagnostic.getMessage().getLeft(),
                        diagnostic.getRange().getStart().getLine(), diagnostic.getRange().getStart().getCharacter(),
                        diagnostic.getRange().getEnd().getLine(), diagnostic.getRange().getEnd().getCharacter())
                        + (diagnostic.getData() instanceof Map<?, ?> data
                                ? "|" + data.get("workload") + "@" + data.get("strategyFile") : ""));
            }
            findings.put(path, lines);
        }
        return findings;
    }

    private static String line(String rule, String severity, String message, int startLine, int startCharacter,
            int endLine, int endCharacter) {
        return rule + "|" + severity + "|" + message + "|" + startLine + ":" + startCharacter + "-" + endLine + ":"
                + endCharacter;
    }

    /** Returns the regular files below {@code root} that {@code check} walks, sorted. */
    private static List<Path> files(Path root) throws IOException {
        List<Path> files = new ArrayList<>(DiskWorkspace.files(root));
        files.sort(null);
        return files;
    }

    private void write(String path, String text) throws IOException {
        Path file = workspace.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
