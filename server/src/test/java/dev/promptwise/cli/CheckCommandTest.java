package dev.promptwise.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.promptwise.core.config.Limits;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as CI runs it: output formats, exit codes and bad input. */
class CheckCommandTest {

    private static final String DUPLICATED = """
            Reply with the queue name and nothing else.
            Queues: billing, outage, account.
            Reply with the queue name and nothing else.
            """;

    @TempDir
    Path workspace;

    @Test
    void textOutputListsFindingsWithOneBasedPositionsAndASummary() throws Exception {
        write("prompts/triage.txt", DUPLICATED);
        Run run = run("check");
        assertEquals(0, run.exitCode, run.err);
        assertEquals("""
                prompts/triage.txt:3:1: warning duplicate-instruction: Repeated instruction, already given on line 1: it is paid for twice on every request
                1 file checked: 0 errors, 1 warning, 0 information, 0 hints; prices as of 2026-07-24
                """, run.out);
    }

    @Test
    void jsonOutputKeepsTheContractFieldsWithZeroBasedUtf16Positions() throws Exception {
        write("prompts/emoji.txt", "🙂 Reply with the queue name and nothing else. 🙂 Reply with the queue name and nothing else.\n");
        Run run = run("check", "--format", "json", "prompts");
        assertEquals(0, run.exitCode, run.err);
        JsonNode root = new ObjectMapper().readTree(run.out);
        JsonNode file = root.get("files").get(0);
        assertEquals("prompts/emoji.txt", file.get("path").asText());
        assertEquals("plain-text", file.get("format").asText());
        assertEquals("gpt-4o-mini", file.get("model").asText());
        JsonNode tokens = file.get("tokens");
        assertEquals(tokens.get("text").asInt() + 6, tokens.get("total").asInt(), "one message: 3 + 3 tokens of overhead");
        assertEquals("o200k_base", tokens.get("encoding").asText());
        assertTrue(tokens.has("estimated"));
        JsonNode diagnostic = file.get("diagnostics").get(0);
        assertEquals("duplicate-instruction", diagnostic.get("rule").asText());
        assertEquals("warning", diagnostic.get("severity").asText());
        // The repeated sentence starts at the second 🙂; the first 🙂 before it counts two UTF-16 code units.
        int start = "🙂 Reply with the queue name and nothing else. ".length();
        assertEquals(47, start);
        assertEquals(0, diagnostic.get("range").get("start").get("line").asInt());
        assertEquals(start, diagnostic.get("range").get("start").get("character").asInt());
        assertTrue(root.get("workloads").isArray());
    }

    @Test
    void sarifOutputIsVersion210WithRuleHelpLinks() throws Exception {
        write("prompts/triage.txt", DUPLICATED);
        Run run = run("check", "--format", "sarif");
        JsonNode root = new ObjectMapper().readTree(run.out);
        assertEquals("2.1.0", root.get("version").asText());
        JsonNode result = root.get("runs").get(0).get("results").get(0);
        assertEquals("duplicate-instruction", result.get("ruleId").asText());
        assertEquals("warning", result.get("level").asText());
        assertEquals(3, result.get("locations").get(0).get("physicalLocation").get("region").get("startLine").asInt());
        assertTrue(root.get("runs").get(0).get("tool").get("driver").get("rules").toString()
                .contains("docs/rules/duplicate-instruction.md"));
    }

    @Test
    void failOnAndMaxWarningsDecideTheExitCode() throws Exception {
        write("prompts/triage.txt", DUPLICATED);
        assertEquals(0, run("check").exitCode);
        assertEquals(1, run("check", "--fail-on", "warning").exitCode);
        assertEquals(1, run("check", "--max-warnings", "0").exitCode);
        assertEquals(0, run("check", "--max-warnings", "1").exitCode);
        assertEquals(0, run("check", "--fail-on", "none", "--max-warnings", "5").exitCode);
        write("prompts/binary.txt", "Caf\u00e9");
        Files.write(workspace.resolve("prompts/binary.txt"), new byte[] {'C', 'a', 'f', (byte) 0xE9});
        assertEquals(1, run("check").exitCode, "an error fails the default threshold");
        assertEquals(0, run("check", "--fail-on", "none").exitCode);
    }

    @Test
    void badUsageAndMissingPathsExitWithTwo() throws Exception {
        assertEquals(2, run("check", "--fail-on", "sometimes").exitCode);
        Run missing = run("check", "no/such/folder");
        assertEquals(2, missing.exitCode);
        assertTrue(missing.err.contains("no such file or folder: no/such/folder"), missing.err);
        assertEquals(2, run("check", "--format", "xml").exitCode);
        assertEquals(2, run("frobnicate").exitCode);
    }

    @Test
    void binaryAndInvalidUtf8FilesAreReportedNotFatal() throws Exception {
        Files.createDirectories(workspace.resolve("prompts"));
        Files.write(workspace.resolve("prompts/image.txt"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13});
        Files.write(workspace.resolve("prompts/latin1.txt"),
                "Caf\u00e9 prompt".getBytes(StandardCharsets.ISO_8859_1));
        Run run = run("check");
        assertEquals(1, run.exitCode, "invalid UTF-8 is an error by default: " + run.out);
        assertTrue(run.out.contains("prompts/image.txt:1:1: information invalid-prompt-file: Binary file"), run.out);
        assertTrue(run.out.contains("prompts/latin1.txt:1:1: error invalid-prompt-file: Not valid UTF-8 (first bad byte at offset 3)"),
                run.out);
    }

    @Test
    void aFileAboveTheAnalysedSizeGetsTheRulesFindingWithTheConfiguredSeverity() throws Exception {
        StringBuilder huge = new StringBuilder(Limits.MAX_ANALYSED_CHARS + 100);
        String line = "Sort the ticket into billing, outage or account.\n";
        while (huge.length() <= Limits.MAX_ANALYSED_CHARS) {
            huge.append(line);
        }
        write("prompts/huge.txt", huge.toString());
        double megabytes = huge.length() / 1_048_576.0;
        assertEquals("8.0", String.format(java.util.Locale.ROOT, "%.1f", megabytes), "just above 8 MiB of text");

        Run byDefault = run("check", "--format", "json");
        assertEquals(0, byDefault.exitCode, byDefault.err);
        JsonNode diagnostics = new ObjectMapper().readTree(byDefault.out).get("files").get(0).get("diagnostics");
        assertEquals(1, diagnostics.size(), diagnostics.toString());
        assertEquals("file-too-large", diagnostics.get(0).get("rule").asText());
        assertEquals("information", diagnostics.get(0).get("severity").asText());
        assertEquals("File not analysed: 8.0 MB of text, above the 8 MB that Promptwise analyses",
                diagnostics.get(0).get("message").asText());

        write("settings.json", "{\"rules\": {\"file-too-large\": \"error\"}}");
        Run asError = run("check", "--settings", "settings.json");
        assertEquals(1, asError.exitCode, asError.out);
        assertEquals("prompts/huge.txt:1:1: error file-too-large: File not analysed: 8.0 MB of text, above the 8 MB"
                + " that Promptwise analyses\n1 file checked: 1 error, 0 warnings, 0 information, 0 hints; prices as of 2026-07-24\n", asError.out);

        write("settings.json", "{\"rules\": {\"file-too-large\": \"off\"}}");
        Run off = run("check", "--settings", "settings.json");
        assertEquals("1 file checked: 0 errors, 0 warnings, 0 information, 0 hints; prices as of 2026-07-24\n", off.out);
    }

    @Test
    void aFileTooLargeToReadIsReportedByTheRuleWithItsSize() throws Exception {
        Path file = workspace.resolve("prompts/dump.txt");
        Files.createDirectories(file.getParent());
        long bytes = CheckCommand.MAX_FILE_BYTES + 3 * 1_048_576L;
        try (java.io.RandomAccessFile sparse = new java.io.RandomAccessFile(file.toFile(), "rw")) {
            sparse.setLength(bytes);
        }
        Run byDefault = run("check");
        assertEquals("prompts/dump.txt:1:1: information file-too-large: File not analysed: 67.0 MB of text, above the"
                + " 8 MB that Promptwise analyses\n1 file checked: 0 errors, 0 warnings, 1 information, 0 hints; prices as of 2026-07-24\n",
                byDefault.out);
        write("settings.json", "{\"rules\": {\"file-too-large\": \"error\"}}");
        Run asError = run("check", "--settings", "settings.json");
        assertEquals(1, asError.exitCode, asError.out);
        assertTrue(asError.out.startsWith("prompts/dump.txt:1:1: error file-too-large: File not analysed: 67.0 MB"),
                asError.out);
        write("settings.json", "{\"rules\": {\"file-too-large\": \"off\"}}");
        assertEquals("1 file checked: 0 errors, 0 warnings, 0 information, 0 hints; prices as of 2026-07-24\n",
                run("check", "--settings", "settings.json").out);
    }

    @Test
    void aStrategyFileNamedBesideAPromptBindsItAsInTheEditor() throws Exception {
        write("prompts/triage.txt", "Sort the ticket into billing, outage or account.\n");
        write("promptwise.yaml", "version: 1\nworkloads:\n  triage:\n    prompt: prompts/triage.txt\n    model: gpt-4o\n");
        Run alone = run("check", "--format", "json", "prompts/triage.txt");
        assertEquals("gpt-4o-mini", new ObjectMapper().readTree(alone.out).get("files").get(0).get("model").asText(),
                "no strategy file named: the default model");
        Run both = run("check", "--format", "json", "promptwise.yaml", "prompts/triage.txt");
        JsonNode files = new ObjectMapper().readTree(both.out).get("files");
        assertEquals("prompts/triage.txt", files.get(0).get("path").asText());
        assertEquals("gpt-4o", files.get(0).get("model").asText(), "judged by the workload that names it");
    }

    @Test
    void settingsFileIsReadWithTheEditorsKeys() throws Exception {
        write("prompts/triage.txt", DUPLICATED);
        write("settings.json", "{\"promptwise\": {\"rules\": {\"duplicate-instruction\": \"error\"}}}");
        Run run = run("check", "--settings", "settings.json");
        assertEquals(1, run.exitCode);
        assertTrue(run.out.contains("error duplicate-instruction"), run.out);
    }

    @Test
    void aPricingFileFromTheSettingsPricesModelsTheCatalogLacks() throws Exception {
        write("prompts/reply.prompt.yml", "model: acme/support-7b\nmessages:\n  - role: user\n    content: Draft a reply.\n");
        Run before = run("check", "--format", "json");
        assertTrue(before.out.contains("unknown-model"), before.out);
        write("prices.yaml", "acme/support-7b: { provider: acme, input: 0.2, output: 0.8, contextWindow: 32000,"
                + " maxOutput: 4096, encoding: cl100k_base }\n");
        write("settings.json", "{\"pricing\": {\"file\": \"prices.yaml\"}}");
        Run after = run("check", "--format", "json", "--settings", "settings.json");
        JsonNode file = new ObjectMapper().readTree(after.out).get("files").get(0);
        assertEquals("[]", file.get("diagnostics").toString(), after.out);
        assertEquals("cl100k_base", file.get("tokens").get("encoding").asText());
        assertTrue(file.get("costPerRequestUsd").asDouble() > 0);
        write("settings.json", "{\"pricing\": {\"file\": \"missing.yaml\"}}");
        Run missing = run("check", "--settings", "settings.json");
        assertEquals(2, missing.exitCode);
        assertTrue(missing.err.contains("cannot read the price catalog"), missing.err);
    }

    @Test
    void foldersNamedTargetOrNodeModulesAreSkipped() throws Exception {
        write("node_modules/pkg/prompts/x.txt", DUPLICATED);
        write("target/prompts/x.txt", DUPLICATED);
        Run run = run("check");
        assertEquals("0 files checked: 0 errors, 0 warnings, 0 information, 0 hints; prices as of 2026-07-24\n", run.out);
    }

    @Test
    void aStrategyFileOfThousandsOfWorkloadsIsAnalysedNotRefused() throws Exception {
        StringBuilder strategy = new StringBuilder("version: 1\ndefaults:\n  model: gpt-4o\nworkloads:\n");
        for (int i = 0; i < 4_000; i++) {
            strategy.append("  workload-").append(i).append(":\n    prompt: prompts/p").append(i % 10)
                    .append(".txt\n    traffic: { requestsPerDay: ").append(1_000 + i).append(" }\n");
        }
        assertTrue(strategy.length() > 256 * 1024, "larger than the limit this replaces");
        for (int i = 0; i < 10; i++) {
            write("prompts/p" + i + ".txt", "Sort ticket " + i + " into billing, outage or account.\n");
        }
        write("promptwise.yaml", strategy.toString());

        Run run = run("check", "--format=json", "--fail-on=none");

        JsonNode report = new ObjectMapper().readTree(run.out);
        assertEquals(4_000, report.get("workloads").size(), run.err);
        assertEquals(4_999.0 * 30 / 1_000, report.get("workloads").get(3_999).get("monthlyCostUsd").asDouble()
                / report.get("workloads").get(3_999).get("costPerRequestUsd").asDouble() / 1_000, 0.01);
        for (JsonNode file : report.get("files")) {
            for (JsonNode diagnostic : file.get("diagnostics")) {
                assertTrue(!diagnostic.get("message").asText().contains("refused"), diagnostic.toString());
            }
        }
    }

    @Test
    void aStrategyFileWrittenAsPeopleWriteItPassesWithDefaultSettings() throws Exception {
        write("prompts/claims.txt", "Classify the insurance claim into one of the queues. Reply with the queue only.\n");
        write("promptwise.yaml", """
                version: 1
                owner: platform-team
                description: Claims handling
                x-cost-center: 4711
                workloads:
                  claims:
                    owner: claims-team
                    prompt: prompts/claims.txt
                    model: gpt-4o-mini
                    traffic: { requestsPerDay: 10_000, avgInputTokens: 1.5k, avgOutputTokens: 20 }
                    task: { domain: insurance, outputFormat: JSON, accuracyTarget: 95, currentAccuracy: "91%" }
                    requirements: { changeFrequency: biweekly, x-note: regulators }
                    team: { mlExpertise: expert, timelineWeeks: 8 }
                  hr-letters:
                    prompt: prompts/claims.txt
                    task: { domain: Healthcare, outputFormat: html, specialized: false }
                    requirements: { changeFrequency: never }
                  games:
                    prompt: prompts/claims.txt
                    traffic: { requestsPerDay: 10k }
                    task: { domain: gaming, outputFormat: function-call }
                    requirements: { changeFrequency: rarely }
                    team: { mlExpertise: none }
                """);
        Run run = run("check");
        assertEquals(0, run.exitCode, run.out + run.err);
        assertTrue(run.out.contains(": 0 errors, 1 warning,"), run.out);
        assertTrue(run.out.contains("warning strategy-schema: 'gaming' is not a domain Promptwise knows"), run.out);
        assertTrue(run.out.contains("hint strategy-schema: '95' reads as 95 %, the fraction 0.95"), run.out);
        assertTrue(run.out.contains("hint strategy-schema: 'expert' reads as the mlExpertise 'high'"), run.out);
        JsonNode json = new ObjectMapper().readTree(run("check", "--format", "json").out);
        assertTrue(json.get("workloads").size() == 3, json.toString());
    }

    @Test
    void aClaudeWorkloadHasAFineTunedFigureOnlyOnADeclaredFineTunableBaseWithTheSavingSplit() throws Exception {
        // Three examples of 80 % of the prompt, short requests with a one-token answer: the shape in which dropping
        // the examples can outweigh fine-tuned gpt-4o-mini's doubled prices.
        List<String> examples = List.of(
                "Input: The dashboard returns 502 for everyone since this morning.\nOutput: outage",
                "Input: I was charged twice for the March invoice.\nOutput: billing",
                "Input: I lost the phone with my authenticator app.\nOutput: account");
        String prompt = "Route the ticket to billing, outage or account. Answer with the queue name only.\n\n"
                + String.join("\n\n", examples);
        write("prompts/triage.txt", prompt);
        String workload = """
                  %s:
                    prompt: prompts/triage.txt
                    model: claude-sonnet-4.5
                    traffic: { requestsPerDay: 50000, avgInputTokens: 2, avgOutputTokens: 1 }
                    data: { labeledExamples: 1000 }
                    requirements: { changeFrequency: monthly }
                """;
        write("promptwise.yaml", "version: 1\nworkloads:\n" + workload.formatted("as-is")
                + workload.formatted("on-mini") + "    fineTuning: { baseModel: gpt-4o-mini }\n"
                + workload.formatted("on-claude") + "    fineTuning: { baseModel: claude-sonnet-4-20250514 }\n");
        JsonNode report = new ObjectMapper().readTree(run("check", "--format", "json", "--fail-on", "none").out);
        java.util.Map<String, JsonNode> workloads = new java.util.HashMap<>();
        report.get("workloads").forEach(w -> workloads.put(w.get("name").asText(), w));

        assertTrue(workloads.get("as-is").get("fineTuned").isNull(), "Anthropic's API fine-tunes no Claude model");
        assertTrue(workloads.get("on-claude").get("fineTuned").isNull(), "nor the declared Claude base");
        String diagnostics = report.get("files").toString();
        assertTrue(diagnostics.contains("claude-sonnet-4.5 cannot be fine-tuned through Anthropic's API, so there is no"
                + " fine-tuned alternative; declare fineTuning.baseModel to compare with a fine-tunable model"
                + " (workload as-is, promptwise.yaml)."), diagnostics);
        // The prompt is judged for each of the three workloads that bind it, each finding naming its own.
        List<String> fewShotWorkloads = new java.util.ArrayList<>();
        report.get("files").get(0).get("diagnostics").forEach(d -> {
            if (d.get("rule").asText().equals("few-shot-heavy")) {
                fewShotWorkloads.add(d.get("workload").asText() + "@" + d.get("strategyFile").asText());
            }
        });
        assertEquals(List.of("as-is@promptwise.yaml", "on-mini@promptwise.yaml", "on-claude@promptwise.yaml"),
                fewShotWorkloads, diagnostics);
        // In the strategy file, a finding inside a workload's entry names that workload in its data alone.
        JsonNode notTunable = null;
        for (JsonNode d : report.get("files").get(1).get("diagnostics")) {
            if (d.get("rule").asText().equals("base-model-not-fine-tunable")) {
                notTunable = d;
            }
        }
        assertEquals("on-claude@promptwise.yaml", notTunable.get("workload").asText() + "@"
                + notTunable.get("strategyFile").asText(), diagnostics);
        assertTrue(!notTunable.get("message").asText().contains("(workload "), diagnostics);
        assertTrue(diagnostics.contains("\"rule\":\"base-model-not-fine-tunable\""), diagnostics);

        // By hand, from model-facts.md's prices: claude-sonnet-4.5 $3 / $15; gpt-4o-mini $0.15 / $0.60; fine-tuned
        // gpt-4o-mini $0.30 / $1.20, training $3. Claude's tokens are counted with o200k_base, as the tool estimates.
        com.knuddels.jtokkit.api.Encoding o200k = com.knuddels.jtokkit.Encodings.newDefaultEncodingRegistry()
                .getEncoding(com.knuddels.jtokkit.api.EncodingType.O200K_BASE);
        int text = o200k.countTokens(prompt);
        int exampleTokens = 0;
        for (int i = 0; i < examples.size(); i++) {
            exampleTokens += o200k.countTokens(examples.get(i) + (i < examples.size() - 1 ? "\n\n" : ""));
        }
        double requestsPerMonth = 50_000 * 30;
        int input = text + 3 + 3 + 2; // one message, the reply's priming, the variables
        double now = (input * 3.00 + 1 * 15.00) / 1e6 * requestsPerMonth;
        double modelSwitch = (input * 0.15 + 1 * 0.60) / 1e6 * requestsPerMonth;
        int shorter = text - exampleTokens;
        double serving = ((shorter + 3 + 3 + 2) * 0.30 + 1 * 1.20) / 1e6 * requestsPerMonth;
        // A training example: a request's declared input and answer, 2 + 1 tokens (docs/cost-model.md, "Training").
        double training = 1000 * (4 * 2 + shorter + (2 + 1) + 3) * 3 * 3.00 / 1e6;
        double fineTuned = serving + training; // retrained once a month
        JsonNode onMini = workloads.get("on-mini").get("fineTuned");
        assertEquals("gpt-4o-mini", onMini.get("baseModel").asText());
        assertEquals(now, workloads.get("on-mini").get("monthlyCostUsd").asDouble(), 1e-6);
        assertEquals(fineTuned, onMini.get("monthlyCostUsd").asDouble(), 1e-6);
        assertEquals(modelSwitch, onMini.get("modelSwitchMonthlyCostUsd").asDouble(), 1e-6);
        assertEquals(now - modelSwitch, onMini.get("savingFromModelUsd").asDouble(), 1e-6);
        assertEquals(modelSwitch - fineTuned, onMini.get("savingFromPromptUsd").asDouble(), 1e-6);
        assertEquals(now - fineTuned, onMini.get("monthlySavingUsd").asDouble(), 1e-6);
        assertTrue(modelSwitch - fineTuned > 0, "the fixture's shorter prompt pays on its own");
    }

    private void write(String path, String text) throws Exception {
        Path file = workspace.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    @Test
    void theTopLevelHelpListsEveryCommandAndEachCommandsHelpNamesItUnderPromptwise() {
        Run help = run("--help");
        assertEquals(0, help.exitCode, help.err);
        for (String command : List.of("check", "report", "import", "prices")) {
            assertTrue(help.out.contains("\n  " + command + " "), command + " in:\n" + help.out);
            Run own = run(command, "--help");
            assertEquals(0, own.exitCode, own.err);
            assertTrue(own.out.startsWith("Usage: promptwise " + command), own.out);
        }
        Run typo = run("chek");
        assertEquals(PromptwiseCli.USAGE, typo.exitCode);
        assertTrue(typo.err.contains("Unmatched argument at index 0: 'chek'") && typo.err.contains("\n  check "),
                typo.err);
        Run nested = run("prices", "update", "--help");
        assertTrue(nested.out.startsWith("Usage: promptwise prices update"), nested.out);
    }

    private Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = PromptwiseCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), workspace, clock);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private record Run(int exitCode, String out, String err) {}

    /** The day the runs judge deprecations and the catalog's age on: fixed, 134 days after the prices' date. */
    private java.time.Clock clock = java.time.Clock.fixed(java.time.Instant.parse("2026-12-05T12:00:00Z"),
            java.time.ZoneOffset.UTC);

    @Test
    void theJsonNamesTheCatalogItsDateAndSize() throws Exception {
        write("prompts/a.txt", "Reply with the queue name.\n");
        JsonNode catalog = new ObjectMapper().readTree(run("check", "--format", "json").out).get("catalog");
        dev.promptwise.core.catalog.PriceCatalog shipped = dev.promptwise.core.catalog.PriceCatalog.bundled();
        assertEquals(shipped.info().source(), catalog.get("source").asText());
        assertEquals("2026-07-24", catalog.get("asOf").asText());
        assertEquals(shipped.models().size(), catalog.get("models").asInt());
        assertEquals(null, catalog.get("hint"), "134 days old is not stale");
    }

    @Test
    void aCatalogOlderThan180DaysGetsAHintInBothFormats() throws Exception {
        write("prompts/a.txt", "Reply with the queue name.\n");
        clock = java.time.Clock.fixed(java.time.Instant.parse("2027-01-21T00:00:00Z"), java.time.ZoneOffset.UTC);
        String hint = "the price catalog is 181 days old (prices as of 2026-07-24): update it with"
                + " `promptwise prices update --from <LiteLLM price file or URL>`";
        assertEquals("1 file checked: 0 errors, 0 warnings, 0 information, 0 hints; prices as of 2026-07-24\nhint: "
                + hint + "\n", run("check").out);
        assertEquals(hint, new ObjectMapper().readTree(run("check", "--format", "json").out).at("/catalog/hint").asText());
        clock = java.time.Clock.fixed(java.time.Instant.parse("2027-01-20T00:00:00Z"), java.time.ZoneOffset.UTC);
        assertEquals("1 file checked: 0 errors, 0 warnings, 0 information, 0 hints; prices as of 2026-07-24\n",
                run("check").out, "180 days old is not yet stale");
    }

    @Test
    void aDeprecatedModelIsReportedOnTheDayTheClockGives() throws Exception {
        write("prompts/a.prompt", "---\nmodel: claude-3-7-sonnet-20250219\n---\nReply with the queue name.\n");
        String before = run("check").out;
        assertTrue(before.contains("prompts/a.prompt:2:8: warning deprecated-model: 'claude-3-7-sonnet-20250219' is"
                + " deprecated since 2026-02-19: its provider may stop serving it; its successor is claude-sonnet-4.5."),
                before);
        clock = java.time.Clock.fixed(java.time.Instant.parse("2026-02-18T00:00:00Z"), java.time.ZoneOffset.UTC);
        assertTrue(!run("check").out.contains("deprecated-model"));
    }
}
