package dev.promptwise.core.analysis;

import dev.promptwise.core.semantics.AnalyzedStrategy;
import dev.promptwise.core.semantics.StrategyDocument;
import dev.promptwise.core.semantics.WorkloadAnalysis;
import dev.promptwise.core.strategy.StrategyWorkspace;
import dev.promptwise.core.vocabulary.Cancellation;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.promptwise.core.catalog.PriceCatalog;
import dev.promptwise.core.config.Settings;
import dev.promptwise.core.config.Severity;
import dev.promptwise.core.strategy.SchemaProblem;
import dev.promptwise.core.strategy.StrategyParser;
import dev.promptwise.core.strategy.StrategySchema;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A strategy file analysed again after each of a random sequence of edits, by one façade that reuses what it
 * analysed before (the last parse, each workload's analysis, each workload's schema problems), gives the diagnostics,
 * lenses and recommendations that a new façade gives from scratch: after edits inside a workload, to the defaults,
 * to the models section, to the settings and to a prompt file on disk. The seed is fixed so a failure replays.
 */
class IncrementalStrategyAnalysisTest {

    private static final PriceCatalog CATALOG = PriceCatalog.bundled();
    private static final String PATH = "promptwise.yaml";
    private static final String[] PIECES = {
        "1", "9", "0", "00", " ", "\n", "\n    ", "a", ":", "#", "{", "}", ",", "-", "", "gpt-4o", "fine-tuning",
        "\n    model: claude-3-5-sonnet", "\n    approach: hybrid", "\n    budget: { maxMonthlyCost: 5 }",
        "\n    task: { outputFormat: json, domain: medical }", "\n    data: { labeledExamples: 8 }",
        "\n    requirements: { changeFrequency: weekly }", "\n    fineTuning: { baseModel: gpt-4o-mini }",
        "\n    unknownKey: 1", "\n    traffic: { requestsPerDay: nope }", "\n  extra:\n    prompt: prompts/p1.txt"};

    @Test
    void randomEditsGiveWhatAFreshAnalysisGives() {
        Random random = new Random(20261128L);
        PromptwiseAnalysis incremental = new PromptwiseAnalysis(CATALOG, message -> { });
        Map<String, String> files = new HashMap<>();
        for (int i = 0; i < 6; i++) {
            files.put("prompts/p" + i + ".txt", prompt(i, 1));
        }
        StrategyWorkspace workspace = workspaceOf(files);
        String text = strategy(random, 40);
        Settings settings = Settings.DEFAULTS;
        for (int edit = 0; edit < 400; edit++) {
            switch (random.nextInt(12)) {
                case 0 -> text = text.replaceFirst("model: [a-z0-9.-]+", random.nextBoolean()
                        ? "model: gpt-4o" : "model: gpt-4o-mini");
                case 1 -> text = text.replaceFirst("maxPromptTokens: \\d+", "maxPromptTokens: " + (50 + random.nextInt(4000)));
                case 2 -> text = text.replaceFirst("input: [0-9.]+", "input: " + random.nextInt(30) / 10.0);
                case 3 -> {
                    String path = "prompts/p" + random.nextInt(6) + ".txt";
                    files.put(path, prompt(random.nextInt(100), 1 + random.nextInt(60)));
                }
                case 4 -> files.remove("prompts/p" + random.nextInt(6) + ".txt");
                case 5 -> settings = random.nextBoolean() ? Settings.DEFAULTS : new Settings("gpt-4o", 200, 10.0,
                        5000.0, Map.of("approach-mismatch", Severity.ERROR), 0, null);
                default -> text = edit(random, text);
            }
            StrategyDocument document = incremental.parseStrategy(PATH, text);
            AnalyzedStrategy analysed = incremental.analyzeStrategy(document, settings, workspace, Cancellation.NONE);
            PromptwiseAnalysis fresh = new PromptwiseAnalysis(CATALOG, message -> { });
            AnalyzedStrategy expected = fresh.analyzeStrategy(new StrategyDocument(PATH, text, StrategyParser.parse(text)),
                    settings, workspace, Cancellation.NONE);
            String where = "after edit " + edit + " of:\n" + text;
            assertEquals(fresh.strategyDiagnostics(expected, Cancellation.NONE),
                    incremental.strategyDiagnostics(analysed, Cancellation.NONE), where);
            assertEquals(fresh.strategyLenses(expected, Cancellation.NONE),
                    incremental.strategyLenses(analysed, Cancellation.NONE), where);
            assertEquals(expected.workloads().keySet(), analysed.workloads().keySet(), where);
            for (String name : expected.workloads().keySet()) {
                WorkloadAnalysis want = expected.workloads().get(name);
                WorkloadAnalysis got = analysed.workloads().get(name);
                assertEquals(want.workload(), got.workload(), where);
                assertEquals(want.recommendation(), got.recommendation(), where);
                assertEquals(want.outlook(), got.outlook(), where);
                assertEquals(want.promptPath(), got.promptPath(), where);
            }
            // Memory stays bounded: one remembered analysis at most per workload of the current version.
            assertTrue(incremental.rememberedWorkloads(PATH) <= analysed.workloads().size(), where);
        }
    }

    @Test
    void aPromptChangedOnDiskChangesTheCostOfItsWorkloadsOnly() {
        PromptwiseAnalysis analysis = new PromptwiseAnalysis(CATALOG, message -> { });
        Map<String, String> files = new HashMap<>(Map.of("prompts/p0.txt", prompt(0, 1), "prompts/p1.txt", prompt(1, 1)));
        String text = "version: 1\nworkloads:\n  a:\n    prompt: prompts/p0.txt\n    traffic: { requestsPerDay: 90000 }\n"
                + "  b:\n    prompt: prompts/p1.txt\n    traffic: { requestsPerDay: 90000 }\n";
        StrategyWorkspace workspace = workspaceOf(files);
        AnalyzedStrategy before = analysis.analyzeStrategy(analysis.parseStrategy(PATH, text), Settings.DEFAULTS,
                workspace, Cancellation.NONE);
        files.put("prompts/p0.txt", prompt(0, 200));
        AnalyzedStrategy after = analysis.analyzeStrategy(analysis.parseStrategy(PATH, text), Settings.DEFAULTS,
                workspace, Cancellation.NONE);
        assertNotEquals(StrategyAnalyses.costTitle(before.workloads().get("a")),
                StrategyAnalyses.costTitle(after.workloads().get("a")));
        assertEquals(StrategyAnalyses.costTitle(before.workloads().get("b")),
                StrategyAnalyses.costTitle(after.workloads().get("b")));
        // The unchanged workload's analysis is the one remembered, not a new one.
        assertTrue(before.workloads().get("b").prompt() == after.workloads().get("b").prompt());
    }

    @Test
    void aRememberedAnalysisDoesNotKeepItsVersionOfTheFileInMemory() {
        PromptwiseAnalysis analysis = new PromptwiseAnalysis(CATALOG, message -> { });
        StrategyWorkspace workspace = workspaceOf(Map.of("prompts/p0.txt", prompt(0, 1)));
        String text = "version: 1\ndefaults:\n  model: gpt-4o\nworkloads:\n"
                + "  a:\n    prompt: prompts/p0.txt\n    traffic: { requestsPerDay: 90000 }\n";
        AnalyzedStrategy analysed = analysis.analyzeStrategy(analysis.parseStrategy(PATH, text), Settings.DEFAULTS,
                workspace, Cancellation.NONE);
        // Reused by every later version, the prompt's binding would otherwise hold each version it was made in.
        var binding = analysed.workloads().get("a").prompt().binding();
        assertEquals("", binding.strategyText());
        assertTrue(binding.strategy().workloads().isEmpty() && binding.strategy().yaml().root() == null);
        assertEquals("gpt-4o", binding.defaultModelId());
        assertEquals("a", binding.workload().name());
    }

    @Test
    void aDefaultsEditReachesEveryWorkloadThatInheritsIt() {
        PromptwiseAnalysis analysis = new PromptwiseAnalysis(CATALOG, message -> { });
        StrategyWorkspace workspace = workspaceOf(Map.of("prompts/p0.txt", prompt(0, 1)));
        String text = "version: 1\ndefaults:\n  model: gpt-4o-mini\nworkloads:\n"
                + "  a:\n    prompt: prompts/p0.txt\n    traffic: { requestsPerDay: 90000 }\n";
        AnalyzedStrategy before = analysis.analyzeStrategy(analysis.parseStrategy(PATH, text), Settings.DEFAULTS,
                workspace, Cancellation.NONE);
        String edited = text.replace("model: gpt-4o-mini", "model: gpt-4o");
        AnalyzedStrategy after = analysis.analyzeStrategy(analysis.parseStrategy(PATH, edited), Settings.DEFAULTS,
                workspace, Cancellation.NONE);
        assertEquals("gpt-4o-mini", before.workloads().get("a").prompt().modelId());
        assertEquals("gpt-4o", after.workloads().get("a").prompt().modelId());
    }

    @Test
    void schemaProblemsValidatedPerWorkloadEqualThoseOfTheWholeFile() {
        Random random = new Random(42L);
        String text = strategy(random, 30);
        // One schema, as one host has: its memo of workload problems carries over from edit to edit.
        StrategySchema schema = StrategySchema.load();
        StrategySchema fresh = StrategySchema.load();
        for (int edit = 0; edit < 600; edit++) {
            text = edit(random, text);
            var yaml = StrategyParser.parse(text).yaml();
            List<SchemaProblem> whole = fresh.validate(yaml);
            assertEquals(whole, schema.validate(yaml, text), "after edit " + edit + " of:\n" + text);
        }
    }

    @Test
    void workloadsAnalysedOnAFanOutPoolGiveTheSerialResultAndOnlyChangedOnesAreSubmitted() throws Exception {
        Map<String, String> files = new HashMap<>();
        for (int i = 0; i < 7; i++) {
            files.put("prompts/p" + i + ".txt", prompt(i, 1 + i));
        }
        StrategyWorkspace workspace = workspaceOf(files);
        String text = strategy(new Random(7L), 60);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        java.util.concurrent.atomic.AtomicInteger submitted = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.Executor counting = task -> {
            submitted.incrementAndGet();
            pool.execute(task);
        };
        try {
            PromptwiseAnalysis fannedOut = new PromptwiseAnalysis(CATALOG, message -> { });
            AnalyzedStrategy parallel = fannedOut.analyzeStrategy(fannedOut.parseStrategy(PATH, text),
                    Settings.DEFAULTS, workspace, counting, Cancellation.NONE);
            PromptwiseAnalysis serial = new PromptwiseAnalysis(CATALOG, message -> { });
            AnalyzedStrategy expected = serial.analyzeStrategy(serial.parseStrategy(PATH, text), Settings.DEFAULTS,
                    workspace, Cancellation.NONE);

            assertEquals(60, submitted.get(), "every workload is analysed on the pool the first time");
            assertEquals(List.copyOf(expected.workloads().keySet()), List.copyOf(parallel.workloads().keySet()),
                    "file order is kept");
            assertEquals(serial.strategyDiagnostics(expected, Cancellation.NONE),
                    fannedOut.strategyDiagnostics(parallel, Cancellation.NONE));
            assertEquals(serial.strategyLenses(expected, Cancellation.NONE),
                    fannedOut.strategyLenses(parallel, Cancellation.NONE));

            String edited = text.replaceFirst("requestsPerDay: \\d+", "requestsPerDay: 123456");
            submitted.set(0);
            AnalyzedStrategy again = fannedOut.analyzeStrategy(fannedOut.parseStrategy(PATH, edited),
                    Settings.DEFAULTS, workspace, counting, Cancellation.NONE);
            assertEquals(1, submitted.get(), "only the edited workload is analysed again");
            AnalyzedStrategy expectedAgain = serial.analyzeStrategy(serial.parseStrategy(PATH, edited),
                    Settings.DEFAULTS, workspace, Cancellation.NONE);
            assertEquals(serial.strategyLenses(expectedAgain, Cancellation.NONE),
                    fannedOut.strategyLenses(again, Cancellation.NONE));
        } finally {
            pool.shutdownNow();
        }
    }

    private static StrategyWorkspace workspaceOf(Map<String, String> files) {
        return new StrategyWorkspace() {
            @Override
            public boolean exists(String path) {
                return files.containsKey(path);
            }

            @Override
            public Optional<String> read(String path) {
                return Optional.ofNullable(files.get(path));
            }
        };
    }

    private static String prompt(int seed, int repeats) {
        return ("Answer question " + seed + " about the order in two sentences. ").repeat(repeats)
                + "\nUse the customer's name.\n";
    }

    private static String strategy(Random random, int workloads) {
        StringBuilder text = new StringBuilder("version: 1\ndefaults:\n  model: gpt-4o-mini\n"
                + "  budget: { maxPromptTokens: 4000, maxMonthlyCost: 2000 }\n"
                + "models:\n  acme-ft: { input: 0.3, cachedInput: 0.15, output: 1.2, contextWindow: 128000 }\n"
                + "workloads:\n");
        for (int i = 0; i < workloads; i++) {
            text.append("  w").append(i).append(":\n    prompt: prompts/p").append(random.nextInt(7)).append(".txt\n")
                    .append("    traffic: { requestsPerDay: ").append(100 * random.nextInt(5000))
                    .append(", avgOutputTokens: 80 }\n");
            switch (random.nextInt(5)) {
                case 0 -> text.append("    model: acme-ft\n    approach: fine-tuning\n    data: { labeledExamples: 40 }\n");
                case 1 -> text.append("    approach: prompt-engineering\n    task: { outputFormat: json }\n");
                case 2 -> text.append("    requirements: { changeFrequency: daily }\n    approach: hybrid\n");
                default -> { }
            }
        }
        return text.toString();
    }

    private static String edit(Random random, String text) {
        int start;
        if (random.nextInt(4) > 0) {
            int anchor = text.indexOf("requestsPerDay", random.nextInt(Math.max(1, text.length())));
            start = anchor < 0 ? random.nextInt(text.length() + 1) : Math.min(text.length(), anchor + 16);
        } else {
            start = random.nextInt(text.length() + 1);
        }
        int end = Math.min(text.length(), start + (random.nextInt(3) == 0 ? random.nextInt(5) : 0));
        String inserted = PIECES[random.nextInt(PIECES.length)];
        String edited = text.substring(0, start) + inserted + text.substring(end);
        // Keep the file mostly readable, as a person typing does, so that most edits reach the incremental paths.
        return StrategyParser.parse(edited).yaml().problems().isEmpty() || random.nextInt(5) == 0 ? edited : text;
    }
}
