package dev.promptwise.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.promptwise.core.analysis.PromptwiseAnalysis;
import dev.promptwise.core.catalog.PriceCatalog;
import dev.promptwise.core.config.Settings;
import dev.promptwise.core.semantics.AnalyzedPrompt;
import dev.promptwise.core.semantics.AnalyzedStrategy;
import dev.promptwise.core.semantics.FixEnvironment;
import dev.promptwise.core.semantics.StrategyDocument;
import dev.promptwise.core.strategy.StrategySchema;
import dev.promptwise.core.strategy.StrategyWorkspace;
import dev.promptwise.core.strategy.WorkspacePaths;
import dev.promptwise.core.syntax.PromptFormat;
import dev.promptwise.core.syntax.PromptParsers;
import dev.promptwise.core.text.TextRange;
import dev.promptwise.core.vocabulary.Cancellation;
import dev.promptwise.core.vocabulary.Finding;
import dev.promptwise.core.vocabulary.Fix;
import dev.promptwise.core.vocabulary.TextEdit;
import dev.promptwise.core.yaml.YamlDocument;
import dev.promptwise.core.yaml.YamlReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Fuzz targets for everything that reads user text: each prompt parser, the YAML reader, the strategy parser with
 * its schema and rules, the prompt rules behind the façade, and the fixes of both. Each input is taken as UTF-8
 * text (invalid bytes become U+FFFD, as an editor would show them) and fed to every format, so that the raw
 * files kept as seeds need no encoding. The properties are those the server relies on: nothing throws, every
 * range lies inside the text, and a fix applied gives text that analyses again without an exception.
 *
 * <p>{@code mvn verify} runs each target over its kept inputs only (Jazzer's regression mode), in
 * {@code src/test/resources/dev/promptwise/fuzz/PromptwiseFuzzTestInputs/<target>/}; {@code JAZZER_FUZZ=1} fuzzes
 * (see docs/reliability.md).
 */
class PromptwiseFuzzTest {

    /** A path for each format, so that the parsers that look at the file name see a typical one. */
    private static final Map<PromptFormat, String> PATHS = Map.of(
            PromptFormat.PROMPTY, "prompts/fuzz.prompty",
            PromptFormat.DOTPROMPT, "prompts/fuzz.prompt",
            PromptFormat.GITHUB_MODELS, "prompts/fuzz.prompt.yml",
            PromptFormat.VSCODE_PROMPT, ".github/instructions/fuzz.instructions.md",
            PromptFormat.SEMANTIC_KERNEL, "prompts/fuzz.yaml",
            PromptFormat.LANGCHAIN, "prompts/fuzz.json",
            PromptFormat.PLAIN_TEXT, "prompts/fuzz.txt");
    private static final PromptwiseAnalysis CORE = new PromptwiseAnalysis(PriceCatalog.bundled(), message -> { });
    private static final StrategySchema SCHEMA = StrategySchema.load();
    private static final int FIXES_ANALYSED_AGAIN = 4;

    @FuzzTest(maxDuration = "10m")
    void promptParsers(byte[] input) {
        String text = text(input);
        for (PromptFormat format : PromptFormat.values()) {
            PromptParsers.parse(format, text, PATHS.get(format));
        }
        PromptParsers.formatOf("prompts/fuzz.yaml", text);
    }

    @FuzzTest(maxDuration = "10m")
    void yamlReader(byte[] input) {
        String text = text(input);
        YamlDocument yaml = YamlReader.read(text);
        yaml.problems().forEach(problem -> assertInside(problem.range(), text, problem.toString()));
    }

    @FuzzTest(maxDuration = "10m")
    void strategyFiles(byte[] input) {
        String text = text(input);
        StrategyDocument document = CORE.parseStrategy("promptwise.yaml", text);
        SCHEMA.validate(YamlReader.read(text));
        AnalyzedStrategy strategy = CORE.analyzeStrategy(document, Settings.DEFAULTS, EVERY_FILE_EXISTS,
                Cancellation.NONE);
        List<Finding> findings = CORE.strategyDiagnostics(strategy, Cancellation.NONE);
        findings.forEach(finding -> assertInside(finding.range(), text, finding.toString()));
        int offset = text.isEmpty() ? 0 : Math.floorMod(input.length * 31, text.length() + 1);
        CORE.strategyHover(strategy, offset, Cancellation.NONE);
        CORE.strategyCompletion(strategy, offset, List.of("prompts/triage.prompty"), Cancellation.NONE);
        CORE.strategyLenses(strategy, Cancellation.NONE);
        CORE.strategySymbols(strategy, Cancellation.NONE);
        CORE.strategyLinks(strategy, Cancellation.NONE);
        for (Finding finding : findings) {
            for (Fix fix : finding.fixes()) {
                String fixed = apply(text, fix, finding);
                CORE.strategyDiagnostics(CORE.analyzeStrategy(CORE.parseStrategy("promptwise.yaml", fixed),
                        Settings.DEFAULTS, EVERY_FILE_EXISTS, Cancellation.NONE), Cancellation.NONE);
            }
        }
    }

    @FuzzTest(maxDuration = "10m")
    void promptRules(byte[] input) {
        String text = text(input);
        int offset = text.isEmpty() ? 0 : Math.floorMod(input.length * 31, text.length() + 1);
        for (PromptFormat format : PromptFormat.values()) {
            AnalyzedPrompt prompt = CORE.analyze(PATHS.get(format), format, text, Settings.DEFAULTS);
            CORE.diagnostics(prompt, Cancellation.NONE)
                    .forEach(finding -> assertInside(finding.range(), text, format + " " + finding));
            CORE.hover(prompt, offset, Cancellation.NONE)
                    .ifPresent(hover -> assertInside(hover.range(), text, format + " " + hover));
            CORE.codeLenses(prompt, Cancellation.NONE);
            CORE.inlayHints(prompt, 0, text.length(), Cancellation.NONE);
            CORE.documentSymbols(prompt, Cancellation.NONE);
        }
    }

    @FuzzTest(maxDuration = "10m")
    void codeActionFixes(byte[] input) {
        String text = text(input);
        for (PromptFormat format : PromptFormat.values()) {
            String path = PATHS.get(format);
            AnalyzedPrompt prompt = CORE.analyze(path, format, text, Settings.DEFAULTS);
            int reanalysed = 0;
            for (Finding finding : CORE.diagnostics(prompt, SOME_FILES_EXIST, Cancellation.NONE)) {
                for (Fix fix : finding.fixes()) {
                    assertStaysInsideAndCreatesOnlyNewFiles(fix, format + " " + finding);
                    String fixed = apply(text, fix, format + " " + finding);
                    PromptParsers.parse(format, fixed, path);
                    // Every fix is applied and parsed, but only a few analysed again: a file with 80 duplicated
                    // lines has 80 fixes, and analysing each result made one input take 20 s.
                    if (reanalysed++ < FIXES_ANALYSED_AGAIN) {
                        CORE.diagnostics(CORE.analyze(path, format, fixed, Settings.DEFAULTS), Cancellation.NONE);
                    }
                }
            }
        }
    }

    /** A workspace in which every file exists and every prompt reads as a small Prompty file. */
    private static final StrategyWorkspace EVERY_FILE_EXISTS = new StrategyWorkspace() {
        @Override
        public boolean exists(String workspaceRelativePath) {
            return true;
        }

        @Override
        public Optional<String> read(String workspaceRelativePath) {
            return Optional.of("---\nname: fuzz\n---\nsystem:\nYou sort {{ticket}} by urgency.\n");
        }
    };

    /**
     * A workspace in which half the files exist (those whose path has an even length) and whose root strategy file
     * has workloads, so that fixes reaching other files (a dataset, a workload) are offered and must avoid the
     * existing ones.
     */
    private static final FixEnvironment SOME_FILES_EXIST = new FixEnvironment(new StrategyWorkspace() {
        @Override
        public boolean exists(String workspaceRelativePath) {
            return workspaceRelativePath.length() % 2 == 0;
        }

        @Override
        public Optional<String> read(String workspaceRelativePath) {
            return exists(workspaceRelativePath)
                    ? Optional.of("---\nname: fuzz\n---\nsystem:\nYou sort {{ticket}} by urgency.\n")
                    : Optional.empty();
        }
    }, CORE.parseStrategy("promptwise.yaml", """
            version: 1
            defaults: { model: gpt-4o-mini }
            workloads:
              triage:
                prompt: prompts/fuzz.prompty
                traffic: { requestsPerDay: 1000, avgInputTokens: 120, avgOutputTokens: 60 }
            """));

    /** Checks that a fix's other files are workspace-relative, stay inside, and that it creates no existing file. */
    private static void assertStaysInsideAndCreatesOnlyNewFiles(Fix fix, Object context) {
        if (fix.workspaceChange() == null) {
            return;
        }
        for (String path : fix.workspaceChange().paths()) {
            WorkspacePaths.Resolution resolution = WorkspacePaths.resolve("promptwise.yaml", path);
            assertTrue(resolution.isInsideWorkspace() && resolution.path().equals(path),
                    "a fix reaches " + path + ": " + context);
        }
        fix.workspaceChange().creations().forEach(creation -> assertTrue(
                !SOME_FILES_EXIST.files().exists(creation.path()),
                "a fix creates " + creation.path() + ", which exists: " + context));
    }

    private static String text(byte[] input) {
        return new String(input, StandardCharsets.UTF_8);
    }

    /** Applies a fix's edits to {@code text}, checking that they lie inside it and do not overlap. */
    private static String apply(String text, Fix fix, Object context) {
        List<TextEdit> edits = new ArrayList<>(fix.edits());
        edits.sort(Comparator.comparingInt((TextEdit edit) -> edit.range().start()).reversed());
        StringBuilder fixed = new StringBuilder(text);
        int limit = text.length();
        for (TextEdit edit : edits) {
            assertInside(edit.range(), text, fix.title() + " of " + context);
            assertTrue(edit.range().end() <= limit, "overlapping edits in " + fix.title() + " of " + context);
            fixed.replace(edit.range().start(), edit.range().end(), edit.newText());
            limit = edit.range().start();
        }
        return fixed.toString();
    }

    private static void assertInside(TextRange range, String text, Object context) {
        assertTrue(range.start() >= 0 && range.start() <= range.end() && range.end() <= text.length(),
                "range " + range + " outside a text of " + text.length() + " chars: " + context);
    }
}
