package dev.promptwise.core.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.promptwise.core.catalog.PriceCatalog;
import dev.promptwise.core.config.Limits;
import dev.promptwise.core.config.Settings;
import dev.promptwise.core.config.Severity;
import dev.promptwise.core.semantics.StrategyDocument;
import dev.promptwise.core.strategy.StrategyWorkspace;
import dev.promptwise.core.syntax.PromptFormat;
import dev.promptwise.core.text.TextDecoding;
import dev.promptwise.core.vocabulary.Cancellation;
import dev.promptwise.core.vocabulary.Finding;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The workspace session both edges analyse through: its binding order, and files of every kind. */
class WorkspaceSessionTest {

    private static final PromptwiseAnalysis ANALYSIS = new PromptwiseAnalysis(PriceCatalog.bundled(), message -> { });
    private static final String PROMPT = "prompts/triage.txt";

    @Test
    void aPromptIsBoundByTheRootPromptwiseYamlThenNearerFilesThenPathsWhateverOrderTheEdgeGives() {
        List<String> paths = List.of("z.strategy.yaml", "a/promptwise.yaml", "promptwise.yml", "a/b.strategy.yaml",
                "promptwise.yaml", "b.strategy.yml", "a/b/c.strategy.yaml", "A.strategy.yaml");
        List<String> expected = List.of("promptwise.yaml", "promptwise.yml", "A.strategy.yaml", "b.strategy.yml",
                "z.strategy.yaml", "a/promptwise.yaml", "a/b.strategy.yaml", "a/b/c.strategy.yaml");
        Random random = new Random(11);
        for (int round = 0; round < 20; round++) {
            List<StrategyDocument> strategies = new ArrayList<>();
            for (String path : paths) {
                String relativePrompt = "../".repeat(path.split("/").length - 1) + PROMPT;
                strategies.add(ANALYSIS.parseStrategy(path, "version: 1\nworkloads:\n  w-" + path.replace('/', '-')
                        + ":\n    prompt: " + relativePrompt + "\n"));
            }
            Collections.shuffle(strategies, random);
            WorkspaceSession session = new WorkspaceSession(ANALYSIS, workspace(strategies, Map.of()));

            assertEquals(expected, session.strategyFiles().stream().map(StrategyDocument::path).toList());
            assertEquals("promptwise.yaml", session.bindingFor(PROMPT).orElseThrow().strategyPath());
            assertEquals("promptwise.yaml", session.fixEnvironment().rootStrategy().path());
            strategies.removeIf(s -> s.path().startsWith("promptwise."));
            WorkspaceSession withoutRoot = new WorkspaceSession(ANALYSIS, workspace(strategies, Map.of()));
            assertEquals("A.strategy.yaml", withoutRoot.bindingFor(PROMPT).orElseThrow().strategyPath(),
                    "at the same depth, by path in code-unit order: 'A' before 'b'");
        }
    }

    @Test
    void filesOfEachKindAreAnalysedAndTheirFindingsCollectedAlike() {
        StrategyDocument strategy = ANALYSIS.parseStrategy("promptwise.yaml", """
                version: 1
                workloads:
                  triage:
                    prompt: prompts/triage.txt
                    model: gpt-4o
                """);
        String prompt = "Reply with the queue name.\nReply with the queue name.\n";
        WorkspaceSession session = new WorkspaceSession(ANALYSIS, workspace(List.of(strategy), Map.of(PROMPT, prompt)));

        FileAnalysis asPrompt = analyze(session, SourceFile.of(PROMPT, "/w/" + PROMPT, prompt), Settings.DEFAULTS);
        FileAnalysis.Prompt analysed = assertInstanceOf(FileAnalysis.Prompt.class, asPrompt);
        assertEquals("gpt-4o", analysed.prompt().modelId(), "judged by its workload");
        assertEquals(List.of("duplicate-instruction"), rules(session.findings(asPrompt, Cancellation.NONE)));

        FileAnalysis asStrategy = analyze(session, SourceFile.of("promptwise.yaml", "/w/promptwise.yaml",
                strategy.text()), Settings.DEFAULTS);
        FileAnalysis.Strategy strategyAnalysis = assertInstanceOf(FileAnalysis.Strategy.class, asStrategy);
        assertTrue(strategyAnalysis.strategy().document() == strategy, "the workspace's parse of the same text is used");
        assertEquals(ANALYSIS.strategyDiagnostics(strategyAnalysis.strategy(), Cancellation.NONE),
                session.findings(asStrategy, Cancellation.NONE));
        assertEquals(List.of(), session.inlayHints(asStrategy, 0, 10, Cancellation.NONE));
        assertEquals(List.of(), session.links(asPrompt, Cancellation.NONE));

        assertEquals(Optional.empty(), session.analyze(SourceFile.of("notes/readme.md", "/w/notes/readme.md", "x"),
                Settings.DEFAULTS, null, Cancellation.NONE), "not a prompt");
        FileAnalysis fallback = analyze(session, SourceFile.of("notes/readme.md", "/w/notes/readme.md", "x")
                .orElseAs(PromptFormat.PLAIN_TEXT), Settings.DEFAULTS);
        assertInstanceOf(FileAnalysis.Prompt.class, fallback);
    }

    @Test
    void aPromptBoundByThreeWorkloadsInTwoFilesIsJudgedForEachAndItsOtherFindingsComeOnce() {
        // Budgets of 5, 6 and 7 tokens: each workload's prompt-too-long names it; duplicate-instruction, which no
        // workload changes, comes once and names none.
        String prompt = "Reply with the queue name.\nReply with the queue name.\n";
        StrategyDocument team = ANALYSIS.parseStrategy("prompts/team.strategy.yaml", """
                version: 1
                workloads:
                  team-a:
                    prompt: triage.txt
                    model: gpt-4o
                    budget: { maxPromptTokens: 6 }
                  team-b:
                    prompt: triage.txt
                    model: gpt-4o-mini
                    traffic: { requestsPerDay: 1000, avgOutputTokens: 5 }
                    budget: { maxPromptTokens: 7 }
                """);
        StrategyDocument root = ANALYSIS.parseStrategy("promptwise.yaml", """
                version: 1
                workloads:
                  root:
                    prompt: prompts/triage.txt
                    model: gpt-4o
                    budget: { maxPromptTokens: 5 }
                """);
        WorkspaceSession session = new WorkspaceSession(ANALYSIS,
                workspace(List.of(team, root), Map.of(PROMPT, prompt)));
        assertEquals(List.of("root@promptwise.yaml", "team-a@prompts/team.strategy.yaml",
                "team-b@prompts/team.strategy.yaml"), session.bindingsFor(PROMPT).stream()
                        .map(b -> b.workload().name() + "@" + b.strategyPath()).toList(), "in the binding order");

        FileAnalysis.Prompt analysed = assertInstanceOf(FileAnalysis.Prompt.class,
                analyze(session, SourceFile.of(PROMPT, "/w/" + PROMPT, prompt), Settings.DEFAULTS));
        assertEquals(3, analysed.bindings().size());
        assertEquals("root", analysed.prompt().binding().workload().name(), "the first binding serves the rest");
        List<Finding> findings = session.findings(analysed, Cancellation.NONE);
        assertEquals(List.of("prompt-too-long", "prompt-too-long", "prompt-too-long", "duplicate-instruction"),
                rules(findings));
        assertEquals(List.of(new Finding.Workload("root", "promptwise.yaml"),
                new Finding.Workload("team-a", "prompts/team.strategy.yaml"),
                new Finding.Workload("team-b", "prompts/team.strategy.yaml")),
                findings.subList(0, 3).stream().map(Finding::workload).toList());
        assertTrue(findings.get(0).message().endsWith("over the budget of 5 (workload root, promptwise.yaml)"),
                findings.get(0).message());
        assertTrue(findings.get(2).message().contains("over the budget of 7")
                && findings.get(2).message().endsWith("(workload team-b, prompts/team.strategy.yaml)"),
                findings.get(2).message());
        assertEquals(null, findings.get(3).workload());
        assertTrue(!findings.get(3).message().contains("workload"), findings.get(3).message());
        assertEquals(findings.stream().map(Finding::message).toList(),
                session.findingsWithFixes(analysed, Cancellation.NONE).stream().map(Finding::message).toList(),
                "with fixes or without, the same findings");

        List<String> lenses = session.codeLenses(analysed, Cancellation.NONE).stream().map(l -> l.title()).toList();
        assertEquals(3, lenses.size(), lenses.toString());
        assertTrue(lenses.get(0).contains("workload root (promptwise.yaml)"), lenses.toString());
        assertTrue(lenses.get(2).contains("workload team-b (prompts/team.strategy.yaml)")
                && lenses.get(2).contains("gpt-4o-mini"), lenses.toString());
        String hover = session.hover(analysed, 2, Cancellation.NONE).orElseThrow().markdown();
        assertTrue(hover.contains("**The whole prompt at 1,000 requests/day on gpt-4o-mini (workload `team-b` in"
                + " `prompts/team.strategy.yaml`)**"), hover);
        assertTrue(hover.contains("(workload `root` in `promptwise.yaml`)**: no monthly figure"), hover);
    }

    @Test
    void eachWorkloadsExtractFixNamesItsWorkloadWhenSeveralBindThePrompt() {
        String prompt = "Route the ticket.\n\nInput: The site is down.\nOutput: outage\n\n"
                + "Input: I was charged twice.\nOutput: billing\n\nInput: I lost my phone.\nOutput: account\n";
        StrategyDocument strategy = ANALYSIS.parseStrategy("promptwise.yaml", """
                version: 1
                workloads:
                  a:
                    prompt: prompts/triage.txt
                    model: gpt-4o
                  b:
                    prompt: prompts/triage.txt
                    model: gpt-4o
                """);
        WorkspaceSession session = new WorkspaceSession(ANALYSIS,
                workspace(List.of(strategy), Map.of(PROMPT, prompt)));
        FileAnalysis analysed = analyze(session, SourceFile.of(PROMPT, "/w/" + PROMPT, prompt), Settings.DEFAULTS);
        List<Finding> fewShot = session.findingsWithFixes(analysed, Cancellation.NONE).stream()
                .filter(finding -> finding.ruleId().equals("few-shot-heavy")).toList();
        assertEquals(2, fewShot.size(), fewShot.toString());
        String extract = "Extract 3 examples to a fine-tuning dataset (only 3: fine-tuning needs at least 10)";
        assertEquals(List.of(extract + " for workload a (promptwise.yaml)"),
                fewShot.get(0).fixes().stream().map(f -> f.title()).toList(), "plain text has no disable comment");
        assertEquals(List.of(extract + " for workload b (promptwise.yaml)"),
                fewShot.get(1).fixes().stream().map(f -> f.title()).toList());
    }

    @Test
    void aFileTooLargeToReadAndALongTextAreBothReportedByTheRuleWithTheConfiguredSeverity() {
        WorkspaceSession session = new WorkspaceSession(ANALYSIS, workspace(List.of(), Map.of()));
        long bytes = 100L * 1_048_576;
        FileAnalysis unread = analyze(session, SourceFile.unread("prompts/dump.txt", "/w/prompts/dump.txt", bytes),
                Settings.DEFAULTS);
        List<Finding> findings = session.findings(unread, Cancellation.NONE);
        assertEquals(List.of("file-too-large"), rules(findings));
        assertEquals("File not analysed: 100.0 MB of text, above the 8 MB that Promptwise analyses",
                findings.get(0).message());
        assertEquals(Severity.INFORMATION, findings.get(0).severity());

        String longText = "x".repeat(Limits.MAX_ANALYSED_CHARS + 1);
        Settings asError = withSeverity(Severity.ERROR);
        List<Finding> fromText = session.findings(analyze(session,
                SourceFile.of("prompts/long.txt", "/w/prompts/long.txt", longText), asError), Cancellation.NONE);
        assertEquals(List.of("file-too-large"), rules(fromText));
        assertEquals(Severity.ERROR, fromText.get(0).severity());
        Settings off = withSeverity(Severity.OFF);
        assertEquals(List.of(), session.findings(analyze(session,
                SourceFile.unread("prompts/dump.txt", "/w/prompts/dump.txt", bytes), off), Cancellation.NONE));
    }

    @Test
    void binaryBytesAreReportedByTheirDecodingProblemAlone() {
        WorkspaceSession session = new WorkspaceSession(ANALYSIS, workspace(List.of(), Map.of()));
        TextDecoding.Decoded binary = TextDecoding.decode(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13});
        FileAnalysis analysed = analyze(session, SourceFile.decoded("prompts/image.txt", "/w/prompts/image.txt", binary),
                Settings.DEFAULTS);
        assertInstanceOf(FileAnalysis.Binary.class, analysed);
        List<Finding> findings = session.findings(analysed, Cancellation.NONE);
        assertEquals(List.of("invalid-prompt-file"), rules(findings));
        assertEquals(Severity.INFORMATION, findings.get(0).severity());
    }

    private static FileAnalysis analyze(WorkspaceSession session, SourceFile file, Settings settings) {
        return session.analyze(file, settings, null, Cancellation.NONE).orElseThrow();
    }

    private static Settings withSeverity(Severity severity) {
        Settings d = Settings.DEFAULTS;
        return new Settings(d.defaultModel(), d.maxPromptTokens(), d.maxMonthlyCost(), d.requestsPerDay(),
                Map.of("file-too-large", severity), d.debounceMs(), d.pricingFile());
    }

    private static List<String> rules(List<Finding> findings) {
        return findings.stream().map(Finding::ruleId).toList();
    }

    private static WorkspaceSession.Workspace workspace(List<StrategyDocument> strategies, Map<String, String> texts) {
        StrategyWorkspace files = new StrategyWorkspace() {
            @Override
            public boolean exists(String path) {
                return texts.containsKey(path);
            }

            @Override
            public Optional<String> read(String path) {
                return Optional.ofNullable(texts.get(path));
            }
        };
        List<StrategyDocument> copy = List.copyOf(strategies);
        return new WorkspaceSession.Workspace() {
            @Override
            public Collection<StrategyDocument> strategyFiles() {
                return copy;
            }

            @Override
            public StrategyWorkspace files() {
                return files;
            }
        };
    }
}
